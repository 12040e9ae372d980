from django.core.management.base import BaseCommand

from demo.loader import demo_load
from demo.submissions import load_sample_membership_applications, load_sample_submissions


class Command(BaseCommand):
    help = "Load the three demo joint labs from shared/seeds/. Only adds what is missing, so running it again changes nothing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--sample-submissions",
            action="store_true",
            help=(
                "Also add a few clearly fictional challenge requests, applications and alliance membership "
                "applications for trying the staff side."
            ),
        )

    def handle(self, *args, sample_submissions=False, **options):
        report = demo_load()
        if options["verbosity"] > 0:
            self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {report}."))
        if sample_submissions:
            challenges, applications = load_sample_submissions()
            memberships = load_sample_membership_applications()
            if options["verbosity"] > 0:
                self.stdout.write(
                    f"Sample submissions added: {challenges} challenge requests, {applications} applications, "
                    f"{memberships} membership applications."
                )

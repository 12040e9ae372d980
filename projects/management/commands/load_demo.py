from django.core.management.base import BaseCommand

from projects.demo import demo_load


class Command(BaseCommand):
    help = "Load the three demo joint labs from shared/seeds/. Only adds what is missing, so running it again changes nothing."

    def handle(self, *args, **options):
        report = demo_load()
        if options["verbosity"] > 0:
            self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {report}."))

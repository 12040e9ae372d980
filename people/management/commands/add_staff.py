from django.core.management.base import BaseCommand, CommandError

from people.roles import GROUP_NAMES
from people.staff import StaffSetupError, staff_add


class Command(BaseCommand):
    help = "Create or update a staff account with one role and its labs; prints a one-time password-set link."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--role", required=True, choices=sorted(GROUP_NAMES))
        parser.add_argument("--lab", action="append", default=[], metavar="SLUG", help="A lab the account works for.")
        parser.add_argument(
            "--password-env", metavar="NAME", help="Take the password from this environment variable instead."
        )

    def handle(self, *args, email, role, lab, password_env=None, **options):
        try:
            user, created, url = staff_add(email=email, role=role, lab_slugs=lab, password_env=password_env)
        except StaffSetupError as error:
            raise CommandError(str(error)) from error
        labs = ", ".join(sorted(access.lab.slug for access in user.lab_access.select_related("lab"))) or "all labs"
        self.stdout.write(f"{'Created' if created else 'Updated'} {user.email}: {GROUP_NAMES[role]} ({labs}).")
        if url:
            self.stdout.write(f"One-time link to set the password: {url}")

from django.core.management.base import BaseCommand

from recruitment.services import send_review_reminders


class Command(BaseCommand):
    help = (
        "Remind reviewers, once, of the applications they have not reviewed when their call's review deadline is "
        "REVIEW_REMINDER_DAYS away or less. Run daily."
    )

    def handle(self, *args, **options):
        reminded = send_review_reminders()
        self.stdout.write(f"Reminded {reminded} reviewer(s) of reviews still to do.")

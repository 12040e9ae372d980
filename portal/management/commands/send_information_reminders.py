from django.core.management.base import BaseCommand

from portal.conversation import send_information_reminders


class Command(BaseCommand):
    help = (
        "Remind submitters, once, of a question staff asked them that is still unanswered after "
        "INFORMATION_REMINDER_DAYS. Run daily."
    )

    def handle(self, *args, **options):
        reminded = send_information_reminders()
        self.stdout.write(f"Reminded {reminded} submitter(s) of an unanswered question.")

from django.core.management.base import BaseCommand

from recruitment.services import referees_send_reminders


class Command(BaseCommand):
    help = "Remind each referee without a letter, once, REFEREE_REMINDER_DAYS before the letter deadline. Run daily."

    def handle(self, *args, **options):
        reminded = referees_send_reminders()
        self.stdout.write(f"Reminded {reminded} referee(s) of their letter.")

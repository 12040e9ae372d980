from django.core.management.base import BaseCommand

from events.services import registrations_send_reminders


class Command(BaseCommand):
    help = (
        "E-mail a reminder, with the calendar file, to everyone with a place at an event that starts before the end "
        "of tomorrow (Hong Kong time). Each registrant is reminded once, so it is safe to run repeatedly (daily)."
    )

    def handle(self, *args, **options):
        sent = registrations_send_reminders()
        self.stdout.write(f"Queued {sent} event reminder(s).")

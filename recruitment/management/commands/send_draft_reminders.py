from django.core.management.base import BaseCommand

from recruitment.services import drafts_send_reminders


class Command(BaseCommand):
    help = (
        "E-mail each unsent application draft, once, when its call closes within DRAFT_REMINDER_DAYS. Run daily. "
        "Drafts of closed calls are deleted by purge_expired."
    )

    def handle(self, *args, **options):
        reminded = drafts_send_reminders()
        self.stdout.write(f"Reminded {reminded} unsent application draft(s).")

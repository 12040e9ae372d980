from django.core.management.base import BaseCommand

from portal.outbox import send_outbox


class Command(BaseCommand):
    help = "Send every queued e-mail once (oldest first). Safe to run from cron or a worker, even in parallel."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=None, help="Send at most this many.")

    def handle(self, *args, limit=None, **options):
        sent, left = send_outbox(limit=limit)
        self.stdout.write(f"Sent {sent} e-mail(s); {left} could not be sent and stay queued.")

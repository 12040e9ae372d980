from django.core.management.base import BaseCommand
from django.utils import timezone

from portal.held_uploads import held_uploads_purge_expired
from portal.outbox import outbox_purge_sent
from portal.registry import registry


class Command(BaseCommand):
    help = (
        "Erase personal data and files past their retention period (see the privacy notice). "
        "Safe to run repeatedly, e.g. daily from cron."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        # Each app registers what it keeps and for how long (registrations.py); the outbox is the kernel's own.
        parts, files = [], 0
        for label, purge in registry.retention_purges:
            erased, removed = purge(now=now)
            parts.append(f"{erased} {label}")
            files += removed
        held, _files = held_uploads_purge_expired(now=now)
        files += held
        emails = outbox_purge_sent(now=now)
        self.stdout.write(
            f"Erased personal data of {' and '.join(parts) or 'nothing'}; "
            f"removed {files} file(s) ({held} held between two attempts at a form); deleted {emails} sent e-mail(s)."
        )

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from people.personal_data import applications_purge_expired
from portal.models import OutboxEmail
from projects.personal_data import challenges_purge_expired


class Command(BaseCommand):
    help = (
        "Erase personal data and files past their retention period (see the privacy notice). "
        "Safe to run repeatedly, e.g. daily from cron."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        applications, application_files = applications_purge_expired(now=now)
        challenges, challenge_files = challenges_purge_expired(now=now)
        # Sent e-mails repeat names and private links; keep them only as long as needed to answer questions.
        cutoff = now - datetime.timedelta(days=settings.OUTBOX_RETENTION_DAYS)
        emails, _ = OutboxEmail.objects.filter(status=OutboxEmail.Status.SENT, sent_at__lt=cutoff).delete()
        self.stdout.write(
            f"Erased personal data of {applications} application(s) and {challenges} challenge request(s); "
            f"removed {application_files + challenge_files} file(s); deleted {emails} sent e-mail(s)."
        )

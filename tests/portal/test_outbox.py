"""The e-mail outbox: a message that cannot be sent is retried a bounded number of times, and sent messages are
deleted when their retention ends."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from portal.models import OutboxEmail
from tests import factories

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def test_outbox_gives_up_after_the_configured_attempts(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    settings.OUTBOX_MAX_ATTEMPTS = 2
    email = factories.OutboxEmailFactory()
    call_command("send_outbox", verbosity=0)
    call_command("send_outbox", verbosity=0)
    email.refresh_from_db()
    assert (email.status, email.attempts) == ("failed", 2)


def test_old_sent_emails_are_deleted(settings):
    settings.OUTBOX_RETENTION_DAYS = 30
    factories.OutboxEmailFactory(status="sent", sent_at=timezone.now() - 31 * DAY)
    recent = factories.OutboxEmailFactory(status="sent", sent_at=timezone.now() - DAY)
    queued = factories.OutboxEmailFactory()
    call_command("purge_expired", verbosity=0)
    assert set(OutboxEmail.objects.values_list("pk", flat=True)) == {recent.pk, queued.pk}

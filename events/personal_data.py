"""What the portal holds about a registration: the registrant's download, and erasure when retention ends."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from portal.workflow import history

from .models import Registration, new_token


def registration_personal_data(registration):
    workflow = Registration.WORKFLOW
    event = registration.event
    return {
        "reference": registration.reference,
        "event": event.title,
        "event_starts_at": event.starts_at.isoformat(),
        "registered_at": registration.registered_at.isoformat(),
        "consented_to_privacy_notice_at": registration.consented_at.isoformat(),
        "language": registration.language,
        "status": str(workflow.public_label(registration.status)),
        "status_history": [
            {"at": change.changed_at.isoformat(), "status": str(workflow.public_label(change.to_status))}
            for change in history(registration)
        ],
        "registrant": {
            "name": registration.name,
            "email": registration.email,
            "organisation": registration.organisation,
        },
        "reminder_sent_at": registration.reminded_at.isoformat() if registration.reminded_at else None,
    }


def registrations_purge_expired(*, now=None):
    """Erase names, addresses and organisations of registrations for events that ended more than
    EVENT_REGISTRATION_RETENTION_DAYS ago. The reference and status remain, for attendance figures. Returns
    (registrations erased, files removed)."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.EVENT_REGISTRATION_RETENTION_DAYS)
    expired = Registration.objects.filter(purged_at__isnull=True, event__ends_at__lt=cutoff)
    erased = 0
    for registration in expired.iterator():
        _erase(registration, now)
        erased += 1
    return erased, 0


@transaction.atomic
def _erase(registration, now):
    registration.name = ""
    registration.email = f"{registration.reference.lower()}@erased.invalid"  # keeps one-per-address unique
    registration.organisation = ""
    registration.token = new_token()  # the old private link stops working
    registration.purged_at = now
    registration.save()
    # Audit copies hold the same personal data.
    Registration.history.filter(id=registration.pk).delete()

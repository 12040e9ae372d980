"""What the portal holds about a challenge request: the enterprise's download, and erasure when retention ends."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from portal.conversation import erase_thread, thread_personal_data
from portal.uploads import private_storage
from portal.workflow import history

from .models import ChallengeRequest, new_status_token

# Free-text answers as typed; the choices are exported with their labels below.
TYPED_FIELDS = [
    name
    for name in ChallengeRequest.ENTERPRISE_FIELDS
    if name
    not in (
        "organisation_size",
        "sector",
        "budget_range",
        "timeline",
        "confidentiality",
        "preferred_lab",
        "focus_areas",
    )
]


def challenge_personal_data(challenge):
    """Everything stored about the request that is the enterprise's to see (not staff triage or notes)."""
    workflow = ChallengeRequest.WORKFLOW
    return {
        "reference": challenge.reference,
        "submitted_at": challenge.submitted_at.isoformat(),
        "consented_to_privacy_notice_at": challenge.consented_at.isoformat(),
        "language": challenge.language,
        "status": str(workflow.public_label(challenge.status)),
        "status_history": [
            {"at": change.changed_at.isoformat(), "status": str(workflow.public_label(change.to_status))}
            for change in history(challenge)
        ],
        **{name: getattr(challenge, name) for name in TYPED_FIELDS},
        "organisation_size": str(challenge.get_organisation_size_display()),
        "sector": str(challenge.get_sector_display()),
        "budget_range": str(challenge.get_budget_range_display()),
        "timeline": str(challenge.get_timeline_display()),
        "confidentiality": str(challenge.get_confidentiality_display()),
        "preferred_lab": challenge.preferred_lab.name if challenge.preferred_lab else None,
        "related_focus_areas": [area.name for area in challenge.focus_areas.all()],
        "attachments": [
            {
                "name": attachment.original_name,
                "size_bytes": attachment.size,
                "uploaded_at": attachment.uploaded_at.isoformat(),
            }
            for attachment in challenge.attachments.all()
        ],
        "messages": thread_personal_data(challenge),
    }


def challenges_purge_expired(*, now=None):
    """Erase contact details and attachments of requests that reached a final status more than
    CHALLENGE_RETENTION_DAYS ago; the problem itself stays for staff. Returns (requests erased, files removed)."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.CHALLENGE_RETENTION_DAYS)
    expired = ChallengeRequest.objects.filter(purged_at__isnull=True, finalised_at__lt=cutoff)
    erased = files = 0
    for challenge in expired.iterator():
        files += _erase(challenge, now)
        erased += 1
    return erased, files


@transaction.atomic
def _erase(challenge, now):
    names = [attachment.file.name for attachment in challenge.attachments.all()]
    challenge.attachments.all().delete()
    challenge.contact_name = ""
    challenge.job_title = ""
    challenge.email = f"{challenge.reference.lower()}@erased.invalid"
    challenge.phone = ""
    challenge.status_token = new_status_token()
    challenge.purged_at = now
    challenge.save()
    ChallengeRequest.history.filter(id=challenge.pk).delete()
    names += erase_thread(challenge)
    transaction.on_commit(lambda: [private_storage().delete(name) for name in names])
    return len(names)

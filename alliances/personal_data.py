"""What the portal holds about a membership application: the applicant's download, and erasure when retention
ends."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from portal.workflow import history

from .models import MembershipApplication, new_status_token

# Answers as typed; the choices are exported with their labels below.
TYPED_FIELDS = [
    name for name in MembershipApplication.APPLICANT_FIELDS if name not in ("organisation_kind", "organisation_size")
]
CONTACT_FIELDS = ("contact_name", "role", "phone")


def membership_personal_data(application: MembershipApplication) -> dict:
    """Everything stored about the application that is the applicant's to see (not staff notes)."""
    workflow = MembershipApplication.WORKFLOW
    programme = application.programme
    return {
        "reference": application.reference,
        "alliance": programme.name,
        "lab": programme.lab.name,
        "submitted_at": application.submitted_at.isoformat(),
        "consented_to_privacy_notice_at": application.consented_at.isoformat(),
        "language": application.language,
        "status": str(workflow.public_label(application.status)),
        "status_history": [
            {"at": change.changed_at.isoformat(), "status": str(workflow.public_label(change.to_status))}
            for change in history(application)
        ],
        **{name: getattr(application, name) for name in TYPED_FIELDS},
        "organisation_kind": str(application.get_organisation_kind_display()),
        "organisation_size": str(application.get_organisation_size_display()),
    }


def memberships_purge_expired(*, now=None):
    """Erase the contact person's details of applications that reached a final status more than
    ALLIANCE_RETENTION_DAYS ago; what the organisation offered and sought stays for staff, and an approved
    member's partnership stays on the lab's page. Returns (applications erased, files removed: none are kept)."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.ALLIANCE_RETENTION_DAYS)
    expired = MembershipApplication.objects.filter(purged_at__isnull=True, finalised_at__lt=cutoff)
    erased = 0
    for application in expired.iterator():
        _erase(application, now)
        erased += 1
    return erased, 0


@transaction.atomic
def _erase(application, now):
    for name in CONTACT_FIELDS:
        setattr(application, name, "")
    application.email = f"{application.reference.lower()}@erased.invalid"
    application.status_token = new_status_token()  # the e-mailed link stops working
    application.purged_at = now
    application.save()
    # The audit history repeats the erased details.
    MembershipApplication.history.filter(id=application.pk).delete()

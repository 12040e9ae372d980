"""What the portal holds about an application: the applicant's download, and erasure when retention ends."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from portal.conversation import erase_thread, thread_personal_data
from portal.uploads import private_storage
from portal.workflow import history

from .models import Application, ApplicationReferee, InterviewSlot, Offer, Review, ReviewScore, new_token


def application_personal_data(application):
    """Everything stored about the application that is the applicant's to see (not staff notes or reviews)."""
    workflow = Application.WORKFLOW
    return {
        "reference": application.reference,
        "call": application.call.title,
        "submitted_at": application.submitted_at.isoformat(),
        "consented_to_privacy_notice_at": application.consented_at.isoformat(),
        "language": application.language,
        "status": str(workflow.public_label(application.status)),
        "status_history": [
            {"at": change.changed_at.isoformat(), "status": str(workflow.public_label(change.to_status))}
            for change in history(application)
        ],
        "applicant": {
            "name": application.name,
            "email": application.email,
            "phone": application.phone,
            "university": application.university,
            "degree_programme": application.degree_programme,
            "year_of_study": application.year_of_study,
            "research_interests": application.research_interests,
            "personal_statement": application.personal_statement,
        },
        "preferred_focus_areas": [area.name for area in application.focus_areas.all()],
        "preferred_projects": [project.title for project in application.projects.all()],
        "documents": {"cv": bool(application.cv), "transcript": bool(application.transcript)},
        "referees": [
            {
                "name": referee.name,
                "email": referee.email,
                "institution": referee.institution,
                "letter_received": referee.letter_received,
            }
            for referee in application.referees.all()
        ],
        "messages": thread_personal_data(application),
        **_selection_personal_data(application),
    }


def applications_purge_expired(*, now=None):
    """Erase the personal data and files of applications whose call closed more than
    APPLICATION_RETENTION_DAYS ago. The reference, status, university, focus areas and review scores remain for
    anonymous statistics. Returns (applications erased, files removed)."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.APPLICATION_RETENTION_DAYS)
    expired = Application.objects.filter(purged_at__isnull=True, call__closes_at__lt=cutoff)
    erased = files = 0
    for application in expired.iterator():
        files += _erase(application, now)
        erased += 1
    return erased, files


@transaction.atomic
def _erase(application, now):
    names = [stored.name for stored in (application.cv, application.transcript) if stored]
    application.name = ""
    application.email = f"{application.reference.lower()}@erased.invalid"  # keeps one-per-address unique
    application.phone = ""
    application.degree_programme = ""
    application.year_of_study = ""
    application.research_interests = ""
    application.personal_statement = ""
    application.internal_notes = ""
    application.cv = ""
    application.transcript = ""
    application.status_token = new_token()  # the old private link stops working
    application.purged_at = now
    application.save()
    for referee in application.referees.all():
        if referee.letter:
            names.append(referee.letter.name)
        ApplicationReferee.objects.filter(pk=referee.pk).update(
            name="", email="", institution="", letter="", upload_token=new_token(), corrections=""
        )
    Review.objects.filter(application=application).update(comment="")
    ReviewScore.objects.filter(review__application=application).update(comment="")
    names += _erase_offer(application)
    # Audit copies hold the same personal data.
    Application.history.filter(id=application.pk).delete()
    Review.history.filter(application_id=application.pk).delete()
    names += erase_thread(application)
    transaction.on_commit(lambda: [private_storage().delete(name) for name in names])
    return len(names)


def _selection_personal_data(application):
    """The interview booked and the offer made, if any."""
    data = {}
    slot = InterviewSlot.objects.filter(booked_by=application).first()
    if slot is not None:
        data["interview"] = {"starts_at": slot.starts_at.isoformat(), "ends_at": slot.ends_at.isoformat()}
    offer = Offer.objects.filter(application=application).prefetch_related("conditions").first()
    if offer is not None:
        data["offer"] = {
            "made_at": offer.made_at.isoformat(),
            "reply_by": offer.reply_by.isoformat(),
            "letter": offer.letter_text,
            "conditions": [{"text": c.text, "met": c.met_at is not None} for c in offer.conditions.all()],
        }
    return data


def _erase_offer(application):
    """The offer letter names the applicant: its text and file go; the dates stay for statistics."""
    offer = Offer.objects.filter(application=application).first()
    if offer is None:
        return []
    names = [offer.letter.name] if offer.letter else []
    Offer.objects.filter(pk=offer.pk).update(letter_text="", letter="")
    return names

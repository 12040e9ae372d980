"""The e-mails that tell a student of a decision on their application, each saying what happens next, in the
language they applied in. application_transition sends them for every move into one of DECISION_STATUSES."""

from django.conf import settings
from django.urls import reverse

from portal.models import StatusChange
from portal.outbox import queue_email, site_url

from ..models import Application, Offer

WAITLISTED = Application.Status.WAITLISTED
OFFERED = Application.Status.OFFERED
# Moves with an e-mail of their own (application_decision): what it means and what happens next.
DECISION_STATUSES = {"interview", "waitlisted", "offered", "accepted", "declined", "lapsed", "rejected"}
# Reached only through their own path (an offer made, the student's answer, lapse_offers): not a plain move.
OWN_PATH_STATUSES = {"offered", "accepted", "declined", "lapsed"}


def staff_recipients(application: Application) -> list[str]:
    """Who hears of the student's answers and of lapsed offers: the lab's inbox, else the portal's."""
    return [application.call.programme.lab.inbox_email or settings.PORTAL_INBOX_EMAIL]


def admin_url(application: Application) -> str:
    return site_url(reverse("admin:recruitment_application_change", args=[application.pk]))


def application_decision_email(*, application: Application, change: StatusChange) -> None:
    """Queue the decision e-mail for the move just recorded in `change`."""
    offer = None
    if change.to_status in OWN_PATH_STATUSES:
        offer = Offer.objects.filter(application=application).prefetch_related("conditions").first()
    reply_to = application.call.programme.lab.inbox_email
    queue_email(
        to=[application.email],
        template="application_decision",
        context={
            "application": application,
            "status": change.to_status,
            "status_label": Application.WORKFLOW.public_label(change.to_status),
            "promoted": change.from_status == WAITLISTED and change.to_status == OFFERED,
            "offer": offer,
            "conditions": list(offer.conditions.all()) if offer else [],
            "status_url": site_url(application.get_status_url()),
            "calls_url": site_url(reverse("recruitment:call_list")),
            "reply_to": reply_to,
        },
        language=application.language,
        reply_to=reply_to,
    )


def offer_answer_email_to_staff(*, application: Application, status: str) -> None:
    """Tell the lab that the student accepted or declined, or that the offer lapsed (in the portal's language)."""
    queue_email(
        to=staff_recipients(application),
        template="offer_answered_for_staff",
        context={
            "application": application,
            "status": status,
            "status_label": Application.WORKFLOW.label(status),
            "admin_url": admin_url(application),
        },
        language=settings.LANGUAGE_CODE,
    )

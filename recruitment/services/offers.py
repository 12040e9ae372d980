"""Offers: staff make one (from interview, or promoting from the waiting list), the student accepts or declines it
by its reply-by date, lapse_offers ends the unanswered ones, staff mark its conditions met."""

import datetime
from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.uploads import private_storage
from portal.workflow import TransitionNotAllowed

from ..models import Application, Offer, OfferCondition
from .applications import APPLICANT, application_bulk_transition, application_transition
from .decisions import offer_answer_email_to_staff

Status = Application.Status
# Where an offer can be made from: after the interview, or promoting someone on the waiting list.
OFFER_FROM = {Status.INTERVIEW, Status.WAITLISTED}
LAPSE_ACTOR = "lapse_offers"


class OfferRefused(Exception):
    """The offer cannot be made or answered; the text says why. Nothing was changed."""


def offer_problem(*, application: Application, reply_by: datetime.datetime | None, now=None) -> str:
    """Why an offer cannot be made to `application` with this date ("" when it can): the admin form shows it."""
    now = now or timezone.now()
    if application.status not in OFFER_FROM:
        return _("An offer can be made only to an application invited to interview or on the waiting list.")
    if Offer.objects.filter(application=application).exists():
        return _("This application already has an offer.")
    if reply_by is not None and reply_by <= now:
        return _("The reply-by date must be in the future.")
    return ""


def offer_make(
    *,
    application: Application,
    reply_by: datetime.datetime,
    letter_text: str,
    conditions: Iterable[str] = (),
    letter: UploadedFile | None = None,
    by: AbstractBaseUser | None,
    now: datetime.datetime | None = None,
) -> Offer:
    """Make the application's offer and move it to "offered"; the student is e-mailed the offer (or, from the
    waiting list, that a place freed up for them). `letter`: a PDF already checked by the upload validator."""
    now = now or timezone.now()
    if not letter_text.strip():
        raise OfferRefused(_("Write the offer letter."))
    stored = []
    try:
        with transaction.atomic():
            locked = (
                Application.objects.select_for_update().select_related("call__programme__lab").get(pk=application.pk)
            )
            problem = offer_problem(application=locked, reply_by=reply_by, now=now)
            if problem:
                raise OfferRefused(problem)
            offer = Offer(
                application=locked, reply_by=reply_by, letter_text=letter_text.strip(), made_by=by, made_at=now
            )
            if letter:
                offer.letter.save(letter.name, letter, save=False)
                stored.append(offer.letter.name)
            offer.save()
            texts = [text.strip() for text in conditions if text.strip()]
            OfferCondition.objects.bulk_create(
                OfferCondition(offer=offer, order=number, text=text[:500]) for number, text in enumerate(texts, 1)
            )
            promoted = locked.status == Status.WAITLISTED
            application_transition(
                application=locked,
                to=Status.OFFERED,
                by=by,
                note=_("Promoted from the waiting list.") if promoted else "",
            )
    except Exception:
        for name in stored:
            private_storage().delete(name)
        raise
    application.status = locked.status
    return offer


def _answerable_offer(application, now):
    """The locked application and its offer, if the student may answer it now; else OfferRefused saying why."""
    locked = Application.objects.select_for_update().select_related("call__programme__lab").get(pk=application.pk)
    offer = Offer.objects.filter(application=locked).first()
    if offer is None:
        raise OfferRefused(_("No offer has been made on this application, so there is nothing to answer."))
    if locked.status == Status.ACCEPTED:
        raise OfferRefused(_("You have already accepted this offer."))
    if locked.status == Status.DECLINED:
        raise OfferRefused(_("You have already declined this offer."))
    if locked.status == Status.LAPSED or (locked.status == Status.OFFERED and offer.reply_by <= now):
        raise OfferRefused(
            _(
                "The reply-by date of this offer has passed, so it can no longer be answered here. "
                "If you have a question, write to the lab below."
            )
        )
    if locked.status != Status.OFFERED:
        raise OfferRefused(_("This offer can no longer be answered: the application has a final decision."))
    return locked, offer


def _answer(application, to, now):
    now = now or timezone.now()
    with transaction.atomic():
        locked, offer = _answerable_offer(application, now)
        Offer.objects.filter(pk=offer.pk).update(answered_at=now, updated_at=now)
        change = application_transition(application=locked, to=to, actor_label=APPLICANT)
        offer_answer_email_to_staff(application=locked, status=to)
    application.status = locked.status
    return change


def offer_accept(*, application: Application, now: datetime.datetime | None = None):
    """The student accepts the offer by its reply-by date; the student and the lab are e-mailed."""
    return _answer(application, Status.ACCEPTED, now)


def offer_decline(*, application: Application, now: datetime.datetime | None = None):
    """The student declines the offer by its reply-by date; the student and the lab are e-mailed."""
    return _answer(application, Status.DECLINED, now)


def offers_lapse(*, now: datetime.datetime | None = None) -> int:
    """Lapse every offer still unanswered after its reply-by date (daily, `manage.py lapse_offers`); the student
    and the lab are e-mailed. Returns how many lapsed."""
    now = now or timezone.now()
    due = Application.objects.filter(status=Status.OFFERED, offer__reply_by__lte=now).select_related(
        "call__programme__lab"
    )
    lapsed = 0
    for application in due:
        try:
            with transaction.atomic():
                application_transition(application=application, to=Status.LAPSED, actor_label=LAPSE_ACTOR)
                offer_answer_email_to_staff(application=application, status=Status.LAPSED)
        except TransitionNotAllowed:
            continue  # answered or moved by staff since the list was read
        lapsed += 1
    return lapsed


def offer_condition_mark_met(
    *, condition: OfferCondition, by: AbstractBaseUser, now: datetime.datetime | None = None
) -> bool:
    """Record that staff found a condition met (who and when); a condition already met keeps its first record.
    Returns whether it was marked now."""
    now = now or timezone.now()
    marked = OfferCondition.objects.filter(pk=condition.pk, met_at__isnull=True).update(met_at=now, met_by=by)
    if marked:
        condition.refresh_from_db()
    return bool(marked)


def applications_waitlist(
    *, applications: Iterable[Application], by: AbstractBaseUser | None, note: str = ""
) -> tuple[list[Application], list[Application]]:
    """Place applications on the waiting list (each e-mailed); returns (placed, refused by the workflow)."""
    return application_bulk_transition(applications=applications, to=Status.WAITLISTED, by=by, note=note)

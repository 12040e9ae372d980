"""The student's corrections to their referees, resent requests, and the referees' reminder."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal.outbox import PublicSubmissionMail, queue_email, site_url

from ..models import Application, ApplicationReferee, new_token
from .applications import letter_deadline, referee_can_upload


class RefereeChangeRefused(Exception):
    """The referee can no longer be changed, or not yet again: the message says why; nothing was changed."""


@dataclass(frozen=True)
class RefereeChange:
    changed: bool
    emailed: bool


def referee_change_refusal(referee: ApplicationReferee, now: datetime.datetime | None = None) -> str:
    """Why the student may not change this referee now ("" when they may)."""
    application = referee.application
    if referee.letter_received:
        return _("This referee's letter has arrived, so their details can no longer be changed.")
    if application.purged_at or Application.WORKFLOW.is_final(application.status):
        return _("This application is closed, so its referees can no longer be changed.")
    if not referee_can_upload(referee, now):
        return _("The time for letters has passed, so referees can no longer be changed.")
    return ""


def _clean_details(referee, *, name, institution, email):
    name, institution, email = name.strip(), institution.strip(), email.strip().lower()
    errors = {}
    if not name or len(name) > 200:
        errors["name"] = _("Give the referee's name (at most 200 characters).")
    if not institution or len(institution) > 200:
        errors["institution"] = _("Give the referee's institution (at most 200 characters).")
    try:
        validate_email(email)
    except ValidationError:
        errors["email"] = _("Enter an e-mail address like name@university.edu.")
    else:
        application = referee.application
        if email == application.email.lower():
            errors["email"] = _("A referee cannot be you.")
        elif application.referees.exclude(pk=referee.pk).filter(email__iexact=email).exists():
            errors["email"] = _("Another of your referees has this e-mail address; give a different referee.")
    if errors:
        raise ValidationError(errors)
    return name, institution, email


def _send_request(referee, *, template, public_submission=None):
    application = referee.application
    queue_email(
        to=[referee.email],
        template=template,
        context={
            "application": application,
            "call": application.call,
            "referee": referee,
            "upload_url": site_url(referee.get_upload_url()),
            "letter_deadline": letter_deadline(application.call),
        },
        language=application.language,
        public_submission=public_submission,
    )


def referee_correct(
    *,
    referee: ApplicationReferee,
    name: str,
    institution: str,
    email: str,
    resend: bool = False,
    now: datetime.datetime | None = None,
) -> RefereeChange:
    """The student corrects a referee from the status page while no letter is in and letters are still taken. A
    new e-mail address gets a new upload link (the old one stops working) and the request; `resend` sends the
    request again to the same address. The student can have it e-mailed at most once per REFEREE_RESEND_MINUTES per
    referee (and it is capped like every e-mail to a typed address). Staff are not e-mailed: a line with what the
    referee was before is added to the referee's corrections, shown on the application's admin page. Raises
    ValidationError for bad details and RefereeChangeRefused when the referee cannot change now."""
    now = now or timezone.now()
    with transaction.atomic():
        # Locked: a letter arriving at the same moment is either in before this check or waits for the change.
        referee = (
            ApplicationReferee.objects.select_for_update()
            .select_related("application__call__programme__lab")
            .get(pk=referee.pk)
        )
        refusal = referee_change_refusal(referee, now)
        if refusal:
            raise RefereeChangeRefused(refusal)
        name, institution, email = _clean_details(referee, name=name, institution=institution, email=email)
        new_address = email != referee.email.lower()
        changed = (name, institution) != (referee.name, referee.institution) or new_address
        if not changed and not resend:
            return RefereeChange(changed=False, emailed=False)
        emailing = new_address or resend
        spacing = datetime.timedelta(minutes=settings.REFEREE_RESEND_MINUTES)
        if emailing and referee.resent_at and now < referee.resent_at + spacing:
            minutes = max(1, int((referee.resent_at + spacing - now).total_seconds() // 60))
            raise RefereeChangeRefused(
                ngettext(
                    "This referee was e-mailed a short while ago. Nothing was changed: please try again in "
                    "%(minutes)d minute.",
                    "This referee was e-mailed a short while ago. Nothing was changed: please try again in "
                    "%(minutes)d minutes.",
                    minutes,
                )
                % {"minutes": minutes}
            )
        if changed:
            when = date_format(timezone.localtime(now), "Y-m-d H:i")
            line = f"{when}: was {referee.name}, {referee.institution}, {referee.email}"
            referee.corrections = f"{referee.corrections}\n{line}".strip()
        referee.name, referee.institution = name, institution
        if new_address:
            referee.email = email
            referee.upload_token = new_token()
            referee.reminded_at = None
        if emailing:
            referee.resent_at = now
        referee.save()
        if emailing:
            _send_request(referee, template="referee_request", public_submission=PublicSubmissionMail())
    return RefereeChange(changed=changed, emailed=emailing)


def referees_send_reminders(*, now: datetime.datetime | None = None) -> int:
    """Remind each referee without a letter, once, when the letter deadline is within REFEREE_REMINDER_DAYS, in
    the application's language; not for applications that are closed or erased. Returns how many were reminded."""
    now = now or timezone.now()
    grace = datetime.timedelta(days=settings.REFEREE_GRACE_DAYS)
    horizon = datetime.timedelta(days=settings.REFEREE_REMINDER_DAYS)
    final = [status for status in Application.Status.values if Application.WORKFLOW.is_final(status)]
    due = (
        ApplicationReferee.objects.filter(
            letter="",
            reminded_at__isnull=True,
            application__purged_at__isnull=True,
            # The letter deadline (closes_at + grace) is still ahead, and within the horizon.
            application__call__closes_at__gt=now - grace,
            application__call__closes_at__lte=now - grace + horizon,
        )
        .exclude(email="")
        .exclude(application__status__in=final)
        .select_related("application__call__programme__lab")
        .order_by("pk")
    )
    reminded = 0
    for referee in due:
        with transaction.atomic():
            if not ApplicationReferee.objects.filter(pk=referee.pk, reminded_at__isnull=True, letter="").update(
                reminded_at=now
            ):
                continue
            _send_request(referee, template="referee_reminder")
        reminded += 1
    return reminded

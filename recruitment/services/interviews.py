"""Interview times: the student books one of the call's free slots on their status page, and may change it once."""

import datetime

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from events.ical import CalendarEntry, calendar_bytes, uid_for
from events.models import EmailCalendarFile
from portal.outbox import queue_email, site_url

from ..models import Application, InterviewSlot


class BookingRefused(Exception):
    """The slot cannot be booked; the text says why. Nothing was changed."""


def interview_slots_free(*, application: Application, now: datetime.datetime | None = None):
    """The call's future slots nobody has booked, soonest first."""
    return InterviewSlot.objects.filter(
        call_id=application.call_id, booked_by__isnull=True, starts_at__gt=now or timezone.now()
    ).order_by("starts_at", "pk")


def interview_can_reschedule(slot: InterviewSlot | None, now: datetime.datetime | None = None) -> bool:
    return slot is not None and not slot.rescheduled and slot.starts_at > (now or timezone.now())


def interview_slot_book(
    *, application: Application, slot_id: int, now: datetime.datetime | None = None
) -> InterviewSlot:
    """Book the slot `slot_id` of the application's call for it, or move its booking there (once). Refused, with
    nothing changed, when the application is not invited to interview, the slot is another call's, past, taken, or
    already this application's, and when the one change was used. Two students racing for the last slot: the
    conditional update lets exactly one have it. The student is e-mailed a confirmation with a calendar file."""
    now = now or timezone.now()
    with transaction.atomic():
        # One booking at a time per application: a double submit waits here and then sees the first one's result.
        locked = Application.objects.select_for_update().get(pk=application.pk)
        if locked.status != Application.Status.INTERVIEW:
            raise BookingRefused(_("Interview times can be chosen only while you are invited to interview."))
        current = InterviewSlot.objects.filter(booked_by=locked).first()
        slot = InterviewSlot.objects.filter(pk=slot_id, call_id=locked.call_id).first()
        if slot is None:
            raise BookingRefused(_("That is not one of the interview times of this call. Please choose one below."))
        if current is not None and current.pk == slot.pk:
            raise BookingRefused(_("You have already booked this interview time."))
        if current is not None and current.rescheduled:
            raise BookingRefused(
                _("You have already changed your interview time once. To change it again, write to the lab below.")
            )
        if current is not None and current.starts_at <= now:
            raise BookingRefused(_("Your interview time has passed. To arrange another, write to the lab below."))
        if slot.starts_at <= now:
            raise BookingRefused(_("That interview time has already passed. Please choose another."))
        if current is not None:
            InterviewSlot.objects.filter(pk=current.pk).update(booked_by=None, booked_at=None, rescheduled=False)
        taken = InterviewSlot.objects.filter(pk=slot.pk, booked_by__isnull=True, starts_at__gt=now).update(
            booked_by=locked, booked_at=now, rescheduled=current is not None, updated_at=now
        )
        if not taken:  # someone else booked it since the page was shown; the release above is rolled back
            raise BookingRefused(_("Someone else has just booked that interview time. Please choose another."))
        slot.refresh_from_db()
        _confirm(locked, slot, changed=current is not None)
    return slot


def interview_calendar(*, application: Application, slot: InterviewSlot, language: str) -> bytes:
    """The .ics of the booked interview, in Hong Kong time; one uid per application, so a change updates it."""
    with translation.override(language):
        call = application.call
        return calendar_bytes(
            [
                CalendarEntry(
                    uid=uid_for("interview", application.pk),
                    title=_("Interview: %(title)s") % {"title": call.title},
                    starts_at=slot.starts_at,
                    ends_at=slot.ends_at,
                    url=site_url(application.get_status_url()),
                    description=_("Interview for application %(reference)s with %(lab)s.")
                    % {"reference": application.reference, "lab": call.programme.lab.display_name},
                    location=slot.where,
                    updated_at=slot.updated_at,
                )
            ]
        )


def _confirm(application, slot, *, changed):
    email = queue_email(
        to=[application.email],
        template="interview_booked",
        context={
            "application": application,
            "slot": slot,
            "changed": changed,
            "status_url": site_url(application.get_status_url()),
            "reply_to": application.call.programme.lab.inbox_email,
        },
        language=application.language,
        reply_to=application.call.programme.lab.inbox_email,
    )
    content = interview_calendar(application=application, slot=slot, language=application.language).decode()
    EmailCalendarFile.objects.create(email=email, filename=f"interview-{application.reference}.ics", content=content)

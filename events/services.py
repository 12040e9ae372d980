"""State changes of events and registrations, shared by the public form, the admin and commands.

Places are counted with the event's row locked (select_for_update), in registration and in every move that can
free or fill a place: simultaneous registrations for one event queue behind each other, so an event is never
overbooked on PostgreSQL (SQLite writes one transaction at a time anyway).
"""

import datetime
from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal.flags import records_set_flag
from portal.models import StatusChange
from portal.outbox import PublicSubmissionMail, queue_email, site_url
from portal.references import next_reference
from portal.workflow import TransitionNotAllowed, record_creation, transition

from .ical import calendar_bytes, event_entry
from .models import EmailCalendarFile, Event, Registration
from .selectors import places_taken

REGISTRANT = "registrant"
WAITING_LIST = "waiting list"
WORKFLOW = Registration.WORKFLOW


class RegistrationRefused(Exception):
    """Nothing was stored; str(error) says why, in words for the visitor."""


class RegistrationClosed(RegistrationRefused):
    def __init__(self, event):
        super().__init__(_("Registration for this event has closed."))
        self.event = event


class AlreadyRegistered(RegistrationRefused):
    def __init__(self, existing):
        super().__init__(_("This e-mail address is already registered for this event."))
        self.existing = existing


def events_set_published(*, queryset: QuerySet, value: bool, by: AbstractBaseUser | None, reason: str = "") -> int:
    """Publish events or take them off the site; the cached public pages and calendars change at once."""
    return records_set_flag(queryset=queryset, field="is_published", value=value, by=by, reason=reason)


def _lock(event):
    return Event.objects.select_for_update().get(pk=event.pk)


def _live_registration(event, email):
    return event.registrations.exclude(status=Registration.Status.CANCELLED).filter(email__iexact=email).first()


def _has_room(event):
    if event.capacity is None:
        return True
    return places_taken(event) < event.capacity


def registration_create(
    *,
    event: Event,
    name: str,
    email: str,
    organisation: str = "",
    language: str,
    now: datetime.datetime | None = None,
) -> Registration:
    """Register someone for `event` while its registration is open (by the server's clock): a place if one is
    free and nobody is waiting for it, else a place on the waiting list. The registration, its history and its
    e-mail (with the calendar file for a place) are saved together. Raises RegistrationClosed, AlreadyRegistered
    (one live registration per address, whatever its case) or ValidationError, storing nothing."""
    now = now or timezone.now()
    email = (email or "").strip().lower()
    try:
        with transaction.atomic():
            event = _lock(event)
            if not event.is_published or event.registration_state(now) != Event.RegistrationState.OPEN:
                raise RegistrationClosed(event)
            existing = _live_registration(event, email)
            if existing:
                raise AlreadyRegistered(existing)
            someone_waiting = event.registrations.filter(status=Registration.Status.WAITLISTED).exists()
            confirmed = _has_room(event) and not someone_waiting
            registration = Registration(
                event=event,
                name=(name or "").strip(),
                email=email,
                organisation=(organisation or "").strip(),
                language=language,
                status=Registration.Status.CONFIRMED if confirmed else Registration.Status.WAITLISTED,
                registered_at=now,
                consented_at=now,
            )
            registration.reference = next_reference("EV", now=now)
            # The one-per-address rule was checked above and is kept by the database under a race.
            registration.full_clean(validate_unique=False, validate_constraints=False)
            registration.save()
            record_creation(registration, actor_label=REGISTRANT)
            _tell_registrant(
                registration,
                "event_registered" if confirmed else "event_waitlisted",
                calendar=confirmed,
                public_submission=PublicSubmissionMail(),  # an address typed into a public form: capped
            )
    except IntegrityError as error:
        existing = _live_registration(event, email)
        if existing:  # lost a race with a simultaneous registration from the same address
            raise AlreadyRegistered(existing) from error
        raise
    return registration


def registration_send_link(*, registration: Registration, language: str) -> None:
    """Someone registered again with this address: tell the address's owner where their registration is."""
    _tell_registrant(
        registration, "event_registration_link", language=language, public_submission=PublicSubmissionMail()
    )


def registration_cancel(
    *,
    registration: Registration,
    by: AbstractBaseUser | None = None,
    actor_label: str = "",
    now: datetime.datetime | None = None,
) -> StatusChange:
    """Cancel a place or a place on the waiting list; a freed place goes to the first person waiting. The
    registrant may cancel until the event starts, staff until it ends. Raises TransitionNotAllowed."""
    now = now or timezone.now()
    with transaction.atomic():
        event = _lock(registration.event)  # the same lock order as registration_create: event, then registration
        limit = event.ends_at if by is not None else event.starts_at
        if now >= limit:
            raise TransitionNotAllowed(_("This event has started; its registrations can no longer be cancelled."))
        change = transition(
            registration, workflow=WORKFLOW, to=Registration.Status.CANCELLED, by=by, actor_label=actor_label
        )
        _tell_registrant(registration, "event_registration_cancelled")
        event_fill_places(event=event, now=now)
    return change


def registrations_cancel(
    *, registrations: Iterable[Registration], by: AbstractBaseUser | None
) -> tuple[list[Registration], list[Registration]]:
    """Staff cancel several registrations, one at a time through the same path. Returns (cancelled, refused)."""
    cancelled, refused = [], []
    for registration in registrations:
        try:
            registration_cancel(registration=registration, by=by)
        except TransitionNotAllowed:
            refused.append(registration)
        else:
            cancelled.append(registration)
    return cancelled, refused


def event_fill_places(*, event: Event, now: datetime.datetime | None = None) -> list[Registration]:
    """Give free places to the people waiting, first come first served, and e-mail each; nothing once the event
    has started. Called when a place is freed and when staff change the capacity. Returns those promoted."""
    now = now or timezone.now()
    promoted = []
    with transaction.atomic():
        event = _lock(event)
        if event.starts_at <= now:
            return promoted
        waiting = event.registrations.filter(status=Registration.Status.WAITLISTED).order_by("registered_at", "pk")
        if event.capacity is not None:
            free = event.capacity - places_taken(event)
            if free <= 0:
                return promoted
            waiting = waiting[:free]
        for registration in list(waiting):
            transition(registration, workflow=WORKFLOW, to=Registration.Status.CONFIRMED, actor_label=WAITING_LIST)
            _tell_registrant(registration, "event_place_offered", calendar=True)
            promoted.append(registration)
    return promoted


def registrations_mark_attendance(
    *,
    registrations: Iterable[Registration],
    attended: bool,
    by: AbstractBaseUser | None,
    now: datetime.datetime | None = None,
) -> tuple[list[Registration], list[Registration]]:
    """Staff record who came (or did not), once the event has started; people without a place, and cancelled
    registrations, are refused. Returns (marked, refused)."""
    now = now or timezone.now()
    to = Registration.Status.ATTENDED if attended else Registration.Status.ABSENT
    marked, refused = [], []
    for registration in registrations:
        if registration.event.starts_at > now:
            refused.append(registration)
            continue
        try:
            transition(registration, workflow=WORKFLOW, to=to, by=by)
        except TransitionNotAllowed:
            refused.append(registration)
        else:
            marked.append(registration)
    return marked, refused


def registrations_send_reminders(*, now: datetime.datetime | None = None) -> int:
    """E-mail each confirmed registrant of a published event that starts before the end of tomorrow (Hong Kong
    time) and has not started yet — once: a second run the same day sends nothing. Returns how many went out."""
    now = now or timezone.now()
    day_after_tomorrow = timezone.localdate(now) + datetime.timedelta(days=2)
    horizon = timezone.make_aware(datetime.datetime.combine(day_after_tomorrow, datetime.time.min))
    due = Registration.objects.filter(
        status=Registration.Status.CONFIRMED,
        reminded_at__isnull=True,
        event__is_published=True,
        event__starts_at__gt=now,
        event__starts_at__lt=horizon,
    )
    sent = 0
    for pk in list(due.values_list("pk", flat=True)):
        with transaction.atomic():
            # A second run at the same moment skips what this one is sending.
            registration = (
                Registration.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("event")
                .filter(pk=pk, reminded_at__isnull=True, status=Registration.Status.CONFIRMED)
                .first()
            )
            if registration is None:
                continue
            registration.reminded_at = now
            registration.save(update_fields=["reminded_at", "updated_at"])
            _tell_registrant(registration, "event_reminder", calendar=True)
            sent += 1
    return sent


def _tell_registrant(registration, template, *, calendar=False, language=None, public_submission=None):
    """Queue one e-mail to the registrant in their language, with the event's calendar file when it gives them
    a place."""
    language = language or registration.language
    event = registration.event
    with translation.override(language):
        event_url = site_url(event.get_absolute_url())
        context = {
            "registration": registration,
            "event": event,
            "event_url": event_url,
            "status_url": site_url(registration.get_status_url()),
            "status_label": WORKFLOW.public_label(registration.status),
        }
        email = queue_email(
            to=[registration.email],
            template=template,
            context=context,
            language=language,
            public_submission=public_submission,
        )
        if calendar:
            content = calendar_bytes([event_entry(event, url=event_url)]).decode()
            EmailCalendarFile.objects.create(email=email, filename=f"{event.slug[:90]}.ics", content=content)
    return email

"""What the public sees of events, and which events and registrations a staff account may manage: one set of
rules for the pages, the calendars, the admin, exports and the page sections."""

import datetime

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from portal.scoping import restrict_to_labs

from .models import Event, Registration

UPCOMING_ON_LAB_PAGE = 3
CALENDAR_HISTORY = datetime.timedelta(days=365)  # how far back the subscribed calendar goes


def events_visible_to(user, queryset: QuerySet | None = None) -> QuerySet:
    queryset = Event.objects.all() if queryset is None else queryset
    return restrict_to_labs(queryset, user, lambda lab_ids: Q(lab__in=lab_ids))


def registrations_visible_to(user, queryset: QuerySet | None = None) -> QuerySet:
    queryset = Registration.objects.all() if queryset is None else queryset
    return restrict_to_labs(queryset, user, lambda lab_ids: Q(event__lab__in=lab_ids))


def registrations_awaiting_attendance(queryset: QuerySet, now=None) -> QuerySet:
    """Registrations whose event is over and whose attendance staff have not recorded yet (still "Registered")."""
    return queryset.filter(status=Registration.Status.CONFIRMED, event__ends_at__lte=now or timezone.now())


def public_events() -> QuerySet:
    return Event.objects.published().select_related("lab")


def upcoming_events(*, now=None, lab=None) -> QuerySet:
    """Soonest first; an event under way counts as upcoming."""
    events = public_events().upcoming(now).order_by("starts_at", "pk")
    return events if lab is None else events.filter(lab=lab)


def past_events(*, now=None) -> QuerySet:
    """Most recent first: past events stay listed as a record."""
    return public_events().past(now).order_by("-starts_at", "-pk")


def calendar_events(*, now=None) -> QuerySet:
    now = now or timezone.now()
    return public_events().filter(ends_at__gte=now - CALENDAR_HISTORY).order_by("starts_at", "pk")


def places_taken(event) -> int:
    return event.registrations.filter(status__in=Registration.HOLDS_A_PLACE).count()


def with_registration_counts(queryset: QuerySet) -> QuerySet:
    """Events annotated with `taken` (places held) and `waiting` (the waiting list), for staff lists."""
    return queryset.annotate(
        taken=Count("registrations", filter=Q(registrations__status__in=Registration.HOLDS_A_PLACE), distinct=True),
        waiting=Count("registrations", filter=Q(registrations__status=Registration.Status.WAITLISTED), distinct=True),
    )

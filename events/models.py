import secrets

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.models import TimestampedModel
from portal.workflow import Workflow

# Addresses under /events/ that are not events: an event with one of these slugs could not be registered for.
RESERVED_SLUGS = {"registrations"}


def validate_not_reserved(slug):
    if slug in RESERVED_SLUGS:
        raise ValidationError(_("“%(slug)s” is a reserved address; choose another slug.") % {"slug": slug})


class EventQuerySet(models.QuerySet):
    """Upcoming and past follow the clock; an event under way is still upcoming (it can be joined)."""

    def published(self):
        return self.filter(is_published=True)

    def upcoming(self, now=None):
        return self.filter(ends_at__gt=now or timezone.now())

    def past(self, now=None):
        return self.filter(ends_at__lte=now or timezone.now())


class Event(TimestampedModel):
    class Kind(models.TextChoices):
        SEMINAR = "seminar", _("Seminar")
        WORKSHOP = "workshop", _("Workshop")
        OPEN_DAY = "open_day", _("Open day")
        LAUNCH = "launch", _("Launch")
        CEREMONY = "ceremony", _("Ceremony")
        OTHER = "other", _("Other")

    class Language(models.TextChoices):
        ENGLISH = "en", _("English")
        CANTONESE = "yue", _("Cantonese")
        PUTONGHUA = "cmn", _("Putonghua")
        ENGLISH_CANTONESE = "en+yue", _("English and Cantonese")
        ENGLISH_PUTONGHUA = "en+cmn", _("English and Putonghua")

    class RegistrationState(models.TextChoices):
        NOT_NEEDED = "not_needed", _("No registration")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    lab = models.ForeignKey("labs.JointLab", on_delete=models.CASCADE, related_name="events", verbose_name=_("lab"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.SEMINAR, db_index=True)
    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, validators=[validate_not_reserved])
    summary = models.TextField(
        _("summary"), max_length=600, blank=True, help_text=_("One or two sentences for lists and calendars.")
    )
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts"), db_index=True, help_text=_("In Hong Kong time."))
    ends_at = models.DateTimeField(_("ends"), db_index=True, help_text=_("In Hong Kong time."))
    all_day = models.BooleanField(
        _("all day"), default=False, help_text=_("Show the dates only (for example when the time is not known).")
    )
    venue = models.TextField(_("place"), blank=True, help_text=_("Building, room and address."))
    online_url = models.URLField(_("online link"), blank=True)
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=Language.choices,
        default=Language.ENGLISH,
        blank=True,
        help_text=_("Empty when not known (a past event kept as a record)."),
    )
    takes_registrations = models.BooleanField(
        _("takes registrations"), default=True, help_text=_("Untick for events by invitation or open to all.")
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Places for registrants; empty for no limit.")
    )
    registration_deadline = models.DateTimeField(
        _("registration deadline"),
        null=True,
        blank=True,
        help_text=_("In Hong Kong time; empty: registration closes when the event starts."),
    )
    is_published = models.BooleanField(_("published"), default=False, db_index=True)
    # Filled by a PostgreSQL trigger (see the search migration); unused on SQLite, which searches with icontains.
    search_document = SearchVectorField(null=True, editable=False)

    objects = EventQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["search_document"])

    class Meta:
        ordering = ["starts_at", "title"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")),
                name="event_ends_after_start",
                violation_error_message=_("An event cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(registration_deadline__isnull=True) | Q(registration_deadline__lte=models.F("ends_at")),
                name="event_deadline_before_end",
                violation_error_message=_("The registration deadline must fall before the event ends."),
            ),
        ]
        indexes = [models.Index(fields=["is_published", "ends_at"], name="event_published_end_idx")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:event_detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if not (self.venue or "").strip() and not self.online_url:
            raise ValidationError(_("Give the place, the online link, or both."))
        if self.all_day and self.starts_at and self.ends_at:
            # A whole day (or days) in Hong Kong, whatever times were typed.
            start = timezone.localtime(self.starts_at).replace(hour=0, minute=0, second=0, microsecond=0)
            end = timezone.localtime(self.ends_at).replace(hour=23, minute=59, second=0, microsecond=0)
            self.starts_at, self.ends_at = start, end

    @property
    def registration_closes_at(self):
        return self.registration_deadline or self.starts_at

    def registration_state(self, now=None):
        if not self.takes_registrations:
            return self.RegistrationState.NOT_NEEDED
        if (now or timezone.now()) < self.registration_closes_at:
            return self.RegistrationState.OPEN
        return self.RegistrationState.CLOSED

    @property
    def registration_is_open(self):
        return self.registration_state() == self.RegistrationState.OPEN

    def is_past(self, now=None):
        return self.ends_at <= (now or timezone.now())

    @property
    def has_ended(self):
        return self.is_past()

    @property
    def has_started(self):
        return self.starts_at <= timezone.now()

    @property
    def spans_days(self):
        return timezone.localdate(self.starts_at) != timezone.localdate(self.ends_at)

    @property
    def language_tag(self):
        """BCP 47 tags of the languages spoken, for schema.org and calendars."""
        tags = {"en": "en", "yue": "yue", "cmn": "zh-cmn"}
        return ", ".join(tags[part] for part in self.language.split("+") if part)


def new_token():
    return secrets.token_urlsafe(32)


class Registration(TimestampedModel):
    """A visitor's place at an event, or their place in its waiting list."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Registered")
        WAITLISTED = "waitlisted", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")
        ATTENDED = "attended", _("Attended")
        ABSENT = "absent", _("Did not attend")

    WORKFLOW = None  # set below
    # Statuses that hold one of the event's places.
    HOLDS_A_PLACE = (Status.CONFIRMED, Status.ATTENDED, Status.ABSENT)

    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="registrations", verbose_name=_("event"))
    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.CONFIRMED, db_index=True, editable=False
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    registered_at = models.DateTimeField(_("registered"), default=timezone.now, db_index=True, editable=False)
    language = models.CharField(_("language"), max_length=10, default="en", editable=False)
    name = models.CharField(_("full name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    consented_at = models.DateTimeField(_("consented to the privacy notice"), editable=False)
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True, editable=False)
    purged_at = models.DateTimeField(_("personal data erased"), null=True, blank=True, editable=False)

    history = HistoricalRecords(excluded_fields=["token"])

    class Meta:
        ordering = ["registered_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            # One live registration per address and event; after cancelling, the address may register again.
            models.UniqueConstraint(
                Lower("email"),
                "event",
                condition=~Q(status="cancelled"),
                name="registration_one_live_per_email",
            ),
        ]
        indexes = [models.Index(fields=["event", "status", "registered_at"], name="registration_queue_idx")]

    def __str__(self):
        return self.reference

    def get_status_url(self):
        return reverse("events:registration_status", kwargs={"token": self.token})


Registration.WORKFLOW = Workflow(
    status_choices=Registration.Status,
    transitions={
        "confirmed": frozenset({"cancelled", "attended", "absent"}),
        "waitlisted": frozenset({"confirmed", "cancelled"}),
        "attended": frozenset({"absent"}),  # corrections of the attendance list
        "absent": frozenset({"attended"}),
    },
    public_labels={
        "confirmed": _("Registered — your place is confirmed"),
        "waitlisted": _("On the waiting list — we will e-mail you if a place frees up"),
        "cancelled": _("Cancelled"),
        "attended": _("Attended"),
        "absent": _("Registered (not at the event)"),
    },
    withdrawn="cancelled",
)


class EmailCalendarFile(models.Model):
    """The calendar file sent with one queued e-mail (a confirmation, a place offered, a reminder): kept beside
    the e-mail so that every attempt sends the same file as the text it goes with."""

    email = models.OneToOneField(
        "portal.OutboxEmail", on_delete=models.CASCADE, related_name="calendar_file", verbose_name=_("e-mail")
    )
    filename = models.CharField(_("file name"), max_length=100)
    content = models.TextField(_("content"))

    class Meta:
        verbose_name = _("calendar file of an e-mail")
        verbose_name_plural = _("calendar files of e-mails")

    def __str__(self):
        return self.filename

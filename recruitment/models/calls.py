"""Calls for applications: internships and PhD fellowships, open between two dates."""

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.models import TimestampedModel


class CallQuerySet(models.QuerySet):
    """Open, upcoming and closed are derived from the clock, never stored."""

    def published(self):
        return self.filter(is_published=True)

    def open(self, now=None):
        now = now or timezone.now()
        return self.filter(opens_at__lte=now, closes_at__gt=now)

    def upcoming(self, now=None):
        return self.filter(opens_at__gt=now or timezone.now())

    def closed(self, now=None):
        return self.filter(closes_at__lte=now or timezone.now())


class Call(TimestampedModel):
    class State(models.TextChoices):
        UPCOMING = "upcoming", _("Upcoming")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    programme = models.ForeignKey(
        "labs.Programme", on_delete=models.PROTECT, related_name="calls", verbose_name=_("programme")
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    eligibility = models.TextField(_("eligibility"), blank=True)
    opens_at = models.DateTimeField(_("opens at"), db_index=True)
    closes_at = models.DateTimeField(_("closes at"), db_index=True, help_text=_("The deadline, in Hong Kong time."))
    places = models.PositiveIntegerField(_("number of places"), null=True, blank=True)
    is_published = models.BooleanField(_("published"), default=False, db_index=True)
    statement_word_limit = models.PositiveIntegerField(
        _("personal statement word limit"), default=800, validators=[MinValueValidator(50)]
    )
    blind_review = models.BooleanField(
        _("blind review"), default=False, help_text=_("Reviewers do not see applicants' names or contact details.")
    )
    review_deadline = models.DateTimeField(
        _("reviews due"),
        null=True,
        blank=True,
        help_text=_("Reviewers are told this date when assigned, and reminded before it; Hong Kong time."),
    )

    objects = CallQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["closes_at", "title"]
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")),
                name="call_closes_after_opening",
                violation_error_message=_("A call must close after it opens."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("recruitment:call_detail", kwargs={"slug": self.slug})

    def state(self, now=None):
        now = now or timezone.now()
        if now < self.opens_at:
            return self.State.UPCOMING
        if now < self.closes_at:
            return self.State.OPEN
        return self.State.CLOSED

    def get_state_display(self):
        return self.State(self.state()).label

    @property
    def is_open(self):
        return self.state() == self.State.OPEN

    @property
    def lab(self):
        return self.programme.lab

from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.models import TimestampedModel

orcid_validator = RegexValidator(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$", _("Enter an ORCID iD like 0000-0002-1825-0097."))


class PersonQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)


class Person(TimestampedModel):
    name = models.CharField(_("name"), max_length=200, db_index=True)
    chinese_name = models.CharField(_("Chinese name"), max_length=100, blank=True)
    honorific = models.CharField(
        _("honorific"), max_length=30, blank=True, help_text=_("For example Prof., Dr., Mr., Ms.")
    )
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    position = models.CharField(_("position"), max_length=300, blank=True)
    organisation = models.ForeignKey(
        "labs.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("organisation"),
    )
    short_bio = models.TextField(_("short bio"), blank=True)
    photo = models.ImageField(_("photo"), upload_to="people/", blank=True)
    public_email = models.EmailField(_("public e-mail"), blank=True)
    homepage = models.URLField(_("homepage"), blank=True)
    orcid = models.CharField(_("ORCID iD"), max_length=19, blank=True, validators=[orcid_validator])
    is_public = models.BooleanField(_("public"), default=True, db_index=True)
    # Filled by a PostgreSQL trigger (see the search migrations); unused on SQLite, which searches with icontains.
    search_document = SearchVectorField(null=True, editable=False)

    objects = PersonQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["search_document"])

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("people:person_detail", kwargs={"slug": self.slug})

    @property
    def display_name(self):
        return f"{self.honorific} {self.name}".strip()


class LabRoleQuerySet(models.QuerySet):
    def current(self, today=None):
        today = today or timezone.localdate()
        return self.filter(Q(end_date__isnull=True) | Q(end_date__gte=today))

    def leadership(self):
        return self.filter(role__in=LabRole.LEADERSHIP)


class LabRole(TimestampedModel):
    class Role(models.TextChoices):
        DIRECTOR = "director", _("Director")
        CO_DIRECTOR = "co_director", _("Co-director")
        ASSOCIATE_DIRECTOR = "associate_director", _("Associate director")
        STRATEGIC_COMMITTEE = "strategic_committee", _("Strategic committee member")
        SIGNATORY = "signatory", _("Signatory")
        PRINCIPAL_INVESTIGATOR = "principal_investigator", _("Principal investigator")
        RESEARCHER = "researcher", _("Researcher")
        STAFF = "staff", _("Staff")

    LEADERSHIP = [Role.DIRECTOR, Role.CO_DIRECTOR, Role.ASSOCIATE_DIRECTOR, Role.STRATEGIC_COMMITTEE]

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="lab_roles", verbose_name=_("person"))
    lab = models.ForeignKey("labs.JointLab", on_delete=models.CASCADE, related_name="lab_roles", verbose_name=_("lab"))
    role = models.CharField(_("role"), max_length=30, choices=Role.choices, db_index=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Leave empty while the role is held.")
    )
    display_order = models.PositiveSmallIntegerField(_("display order"), default=0)

    objects = LabRoleQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["lab__name", "display_order", "person__name"]
        verbose_name = _("lab role")
        verbose_name_plural = _("lab roles")
        constraints = [
            models.UniqueConstraint(fields=["person", "lab", "role"], name="labrole_unique_person_lab_role"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="labrole_ends_after_start",
                violation_error_message=_("A role cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return f"{self.person} — {self.get_role_display()} — {self.lab.display_name}"

    def is_current(self, today=None):
        today = today or timezone.localdate()
        return self.end_date is None or self.end_date >= today


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
        return reverse("people:call_detail", kwargs={"slug": self.slug})

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

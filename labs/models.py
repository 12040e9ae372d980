from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.images import validate_brand_colour, validate_picture
from portal.models import TimestampedModel, split_lines


class JointLab(TimestampedModel):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ACTIVE = "active", _("Active")
        CLOSED = "closed", _("Closed")

    # Names are translated (labs/translation.py); the slug is what identifies a lab.
    name = models.CharField(_("name"), max_length=200, db_index=True)
    short_name = models.CharField(_("short name"), max_length=80, blank=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    tagline = models.CharField(_("tagline"), max_length=255, blank=True)
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences for cards and search results.")
    )
    description = models.TextField(_("description"), blank=True)
    established_on = models.DateField(_("established"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE, db_index=True)
    locations = models.TextField(_("locations"), blank=True, help_text=_("The sites the lab works from, one per line."))
    website = models.URLField(_("website"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="logos/labs/", blank=True, validators=[validate_picture])
    brand_colour = models.CharField(
        _("brand colour"),
        max_length=7,
        blank=True,
        validators=[validate_brand_colour],
        help_text=_(
            "The lab's colour on its pages and generated pictures, as # and six hexadecimal digits (e.g. #1f4e79). "
            "Text on it is set in white or black, whichever reads better. Empty: a colour chosen for the lab."
        ),
    )
    inbox_email = models.EmailField(
        _("staff inbox"),
        blank=True,
        help_text=_("Where new challenge requests and applications for this lab are announced. Never shown publicly."),
    )
    # Filled by a PostgreSQL trigger (see the search migrations); unused on SQLite, which searches with icontains.
    search_document = SearchVectorField(null=True, editable=False)

    history = HistoricalRecords(excluded_fields=["search_document"])

    class Meta:
        ordering = ["name"]
        verbose_name = _("joint lab")
        verbose_name_plural = _("joint labs")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("overview:lab_detail", kwargs={"slug": self.slug})

    @property
    def display_name(self):
        return self.short_name or self.name

    @property
    def location_list(self):
        return split_lines(self.locations)


class Organisation(TimestampedModel):
    class Kind(models.TextChoices):
        UNIVERSITY = "university", _("University")
        STATUTORY_BODY = "statutory_body", _("Statutory body")
        RESEARCH_INSTITUTE = "research_institute", _("Research institute")
        COMPANY = "company", _("Company")
        INVESTOR = "investor", _("Investor")
        GOVERNMENT = "government", _("Government")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200, db_index=True)
    short_name = models.CharField(_("short name"), max_length=80, blank=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.OTHER, db_index=True)
    region = models.CharField(_("region"), max_length=100, blank=True, db_index=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="logos/organisations/", blank=True, validators=[validate_picture])
    # Filled by a PostgreSQL trigger (see the search migrations); unused on SQLite, which searches with icontains.
    search_document = SearchVectorField(null=True, editable=False)

    history = HistoricalRecords(excluded_fields=["search_document"])

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("overview:organisation_detail", kwargs={"slug": self.slug})

    @property
    def display_name(self):
        return self.short_name or self.name


class Partnership(TimestampedModel):
    class Role(models.TextChoices):
        FOUNDING_PARTNER = "founding_partner", _("Founding partner")
        HOST = "host", _("Host")
        COLLABORATOR = "collaborator", _("Collaborator")
        INDUSTRY_TEST_BED = "industry_test_bed", _("Industry test bed")
        INVESTOR = "investor", _("Investor")
        ALLIANCE_MEMBER = "alliance_member", _("Alliance member")

    lab = models.ForeignKey(JointLab, on_delete=models.CASCADE, related_name="partnerships", verbose_name=_("lab"))
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="partnerships", verbose_name=_("organisation")
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices, db_index=True)
    since = models.DateField(_("since"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=255, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["lab__name", "role", "organisation__name"]
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        constraints = [
            models.UniqueConstraint(fields=["lab", "organisation", "role"], name="partnership_unique_lab_org_role"),
        ]

    def __str__(self):
        return f"{self.organisation} — {self.get_role_display()} — {self.lab}"


class FocusAreaManager(models.Manager):
    def get_queryset(self):
        # A focus area is always named with its lab (see __str__): fetch the lab in the same query.
        return super().get_queryset().select_related("lab")


class FocusArea(TimestampedModel):
    lab = models.ForeignKey(JointLab, on_delete=models.CASCADE, related_name="focus_areas", verbose_name=_("lab"))
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100)
    summary = models.TextField(_("summary"), blank=True)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    # Filled by a PostgreSQL trigger (see the search migrations); unused on SQLite, which searches with icontains.
    search_document = SearchVectorField(null=True, editable=False)

    objects = FocusAreaManager()
    history = HistoricalRecords(excluded_fields=["search_document"])

    class Meta:
        ordering = ["lab__name", "order", "name"]
        base_manager_name = "objects"
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")
        constraints = [
            models.UniqueConstraint(fields=["lab", "slug"], name="focusarea_unique_slug_per_lab"),
        ]
        indexes = [models.Index(fields=["lab", "order"], name="focusarea_lab_order_idx")]

    def __str__(self):
        return f"{self.name} ({self.lab.display_name})"

    def get_absolute_url(self):
        return reverse("overview:focus_area_detail", kwargs={"lab_slug": self.lab.slug, "slug": self.slug})


class Programme(TimestampedModel):
    class Kind(models.TextChoices):
        INTERNSHIP = "internship", _("Internship")
        PHD_FELLOWSHIP = "phd_fellowship", _("PhD fellowship")
        INDUSTRY_RESEARCH_ALLIANCE = "industry_research_alliance", _("Industry-research alliance")
        CAPITAL_ALLIANCE = "capital_alliance", _("Capital alliance")
        OTHER = "other", _("Other")

    lab = models.ForeignKey(JointLab, on_delete=models.CASCADE, related_name="programmes", verbose_name=_("lab"))
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, db_index=True)
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100)
    description = models.TextField(_("description"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["lab__name", "name"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        constraints = [
            models.UniqueConstraint(fields=["lab", "slug"], name="programme_unique_slug_per_lab"),
        ]

    def __str__(self):
        return f"{self.name} ({self.lab.display_name})"

    def get_absolute_url(self):
        return reverse("overview:programme_detail", kwargs={"lab_slug": self.lab.slug, "slug": self.slug})

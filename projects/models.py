from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.images import validate_picture
from portal.models import TimestampedModel, split_commas
from portal.uploads import RandomUploadName


class ProjectQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)


class Project(TimestampedModel):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ACTIVE = "active", _("Active")
        COMPLETED = "completed", _("Completed")

    # What Hong Kong funders ask about a university–industry project in their knowledge-transfer returns.
    class CollaborationType(models.TextChoices):
        COLLABORATIVE_RESEARCH = "collaborative", _("Collaborative research")
        CONTRACT_RESEARCH = "contract", _("Contract research")
        CONSULTANCY = "consultancy", _("Consultancy")
        LICENCE = "licence", _("Licence")

    class FundingScheme(models.TextChoices):
        ITF = "itf", _("Innovation and Technology Fund (ITF)")
        TVP = "tvp", _("Technology Voucher Programme (TVP)")
        RTH = "rth", _("Research Talent Hub (RTH)")
        OTHER_PUBLIC = "other_public", _("Other public funding")
        PARTNER_ONLY = "partner_only", _("Funded by the partners only")

    lab = models.ForeignKey("labs.JointLab", on_delete=models.CASCADE, related_name="projects", verbose_name=_("lab"))
    title = models.CharField(_("title"), max_length=255, db_index=True)
    slug = models.SlugField(_("slug"), max_length=120)
    summary = models.TextField(_("summary"), blank=True)
    description = models.TextField(_("description"), blank=True)
    image = models.ImageField(
        _("image"), upload_to=RandomUploadName("projects"), blank=True, validators=[validate_picture]
    )
    image_alt = models.CharField(
        _("image description"),
        max_length=255,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it. Required with an image."),
    )
    focus_areas = models.ManyToManyField(
        "labs.FocusArea", blank=True, related_name="projects", verbose_name=_("focus areas")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED, db_index=True)
    start_date = models.DateField(_("start date"), null=True, blank=True, db_index=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    people = models.ManyToManyField(
        "people.Person", through="ProjectMember", blank=True, related_name="projects", verbose_name=_("people")
    )
    partners = models.ManyToManyField(
        "labs.Organisation", blank=True, related_name="projects", verbose_name=_("partner organisations")
    )
    keywords = models.CharField(_("keywords"), max_length=500, blank=True, help_text=_("Separated by commas."))
    is_public = models.BooleanField(_("public"), default=True, db_index=True)
    is_featured = models.BooleanField(_("featured"), default=False, db_index=True)
    collaboration_type = models.CharField(
        _("collaboration type"), max_length=20, choices=CollaborationType.choices, blank=True, db_index=True
    )
    partner_contribution_hkd = models.DecimalField(
        _("partner contribution (HK$)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Cash and in-kind contribution of the industry partners, in Hong Kong dollars."),
    )
    funding_scheme = models.CharField(
        _("funding scheme"), max_length=20, choices=FundingScheme.choices, blank=True, db_index=True
    )
    # Filled by a PostgreSQL trigger (see the search migrations); unused on SQLite, which searches with icontains.
    search_document = SearchVectorField(null=True, editable=False)

    objects = ProjectQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["search_document"])

    class Meta:
        ordering = ["title"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        constraints = [
            models.UniqueConstraint(fields=["lab", "slug"], name="project_unique_slug_per_lab"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="project_ends_after_start",
                violation_error_message=_("A project cannot end before it starts."),
            ),
        ]
        indexes = [
            models.Index(fields=["is_public", "title"], name="proj_public_title_idx"),
            # A lab page's first projects (featured first, then by title) without sorting all of the lab's.
            models.Index(
                fields=["lab", "-is_featured", "title"],
                condition=models.Q(is_public=True),
                name="proj_lab_featured_idx",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("projects:project_detail", kwargs={"lab_slug": self.lab.slug, "slug": self.slug})

    @property
    def keyword_list(self):
        return split_commas(self.keywords)

    def clean(self):
        super().clean()
        if self.image and not (self.image_alt or "").strip():
            raise ValidationError({"image_alt": _("Describe the image for people who cannot see it.")})


class ProjectMember(TimestampedModel):
    class Role(models.TextChoices):
        LEAD = "lead", _("Lead")
        MEMBER = "member", _("Member")

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("project")
    )
    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="project_memberships", verbose_name=_("person")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "order", "person__name"]
        verbose_name = _("project member")
        verbose_name_plural = _("project members")
        constraints = [
            models.UniqueConstraint(fields=["project", "person"], name="projectmember_unique_person_per_project"),
        ]

    def __str__(self):
        return f"{self.person} — {self.get_role_display()} — {self.project}"

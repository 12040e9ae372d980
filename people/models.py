from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.images import validate_picture
from portal.models import TimestampedModel

orcid_validator = RegexValidator(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$", _("Enter an ORCID iD like 0000-0002-1825-0097."))


class PersonQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)


class Person(TimestampedModel):
    # "full name", not the generic "name" (名稱, a thing's name): a person's name is 姓名.
    name = models.CharField(_("full name"), max_length=200, db_index=True)
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
    photo = models.ImageField(_("photo"), upload_to="people/", blank=True, validators=[validate_picture])
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
        return reverse("overview:person_detail", kwargs={"slug": self.slug})

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


class StaffLabAccess(models.Model):
    """Which labs a staff account works for. Lab managers and scoped editors see only these labs' records."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lab_access", verbose_name=_("staff user")
    )
    lab = models.ForeignKey(
        "labs.JointLab", on_delete=models.CASCADE, related_name="staff_access", verbose_name=_("lab")
    )

    class Meta:
        ordering = ["user", "lab"]
        verbose_name = _("staff lab access")
        verbose_name_plural = _("staff lab access")
        constraints = [models.UniqueConstraint(fields=["user", "lab"], name="stafflabaccess_unique_user_lab")]
        permissions = [("access_all_labs", _("Can see and manage the records of every lab"))]

    def __str__(self):
        return f"{self.user} → {self.lab}"

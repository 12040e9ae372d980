import secrets

from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from labs.models import Programme
from portal.models import TimestampedModel
from portal.workflow import Workflow

# The programme kinds that are alliances organisations can apply to join.
ALLIANCE_KINDS = (Programme.Kind.INDUSTRY_RESEARCH_ALLIANCE, Programme.Kind.CAPITAL_ALLIANCE)


def new_status_token():
    return secrets.token_urlsafe(32)


class AlliancePage(TimestampedModel):
    """What the public page of an alliance programme says about membership, and whether it takes applications.
    The programme keeps its name and description; this adds what members do and get (translated)."""

    programme = models.OneToOneField(
        Programme,
        on_delete=models.CASCADE,
        related_name="alliance_page",
        limit_choices_to={"kind__in": ALLIANCE_KINDS},
        verbose_name=_("alliance"),
    )
    members_do = models.TextField(_("what members do"), help_text=_("Shown on the alliance's public page."))
    members_get = models.TextField(_("what members get"), help_text=_("Shown on the alliance's public page."))
    accepting_applications = models.BooleanField(
        _("accepting applications"),
        default=True,
        help_text=_("Untick to close the “Apply to join” form; applications already received stay as they are."),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["programme__lab__name", "programme__name"]
        verbose_name = _("alliance page")
        verbose_name_plural = _("alliance pages")

    def __str__(self):
        return str(self.programme)

    def get_absolute_url(self):
        return self.programme.get_absolute_url()


class MembershipApplication(TimestampedModel):
    """An organisation's application to join an alliance (a programme of an alliance kind) of a lab."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        UNDER_REVIEW = "under_review", _("Under review")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class OrganisationKind(models.TextChoices):
        ENTERPRISE = "enterprise", _("Enterprise")
        INVESTOR = "investor", _("Investor")
        UNIVERSITY = "university", _("University")
        INSTITUTE = "institute", _("Research institute")

    class OrganisationSize(models.TextChoices):
        MICRO = "1-9", _("1–9 people")
        SMALL = "10-49", _("10–49 people")
        MEDIUM = "50-249", _("50–249 people")
        LARGE = "250+", _("250 people or more")

    WORKFLOW = None  # set below, once Status exists
    # Statuses still waiting for a decision: an e-mail address has at most one of these per alliance.
    OPEN_STATUSES = (Status.SUBMITTED, Status.UNDER_REVIEW)
    # What the organisation tells us on the form (read-only for staff; listed in their data download).
    APPLICANT_FIELDS = (
        "organisation_name",
        "organisation_kind",
        "organisation_size",
        "website",
        "contact_name",
        "role",
        "email",
        "phone",
        "offer",
        "seek",
    )

    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="membership_applications", verbose_name=_("alliance")
    )
    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED, db_index=True, editable=False
    )
    status_token = models.CharField(max_length=64, unique=True, default=new_status_token, editable=False)
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now, db_index=True, editable=False)
    language = models.CharField(_("language"), max_length=10, default="en", editable=False)

    organisation_name = models.CharField(_("organisation name"), max_length=200)
    organisation_kind = models.CharField(_("kind of organisation"), max_length=20, choices=OrganisationKind.choices)
    organisation_size = models.CharField(_("organisation size"), max_length=10, choices=OrganisationSize.choices)
    website = models.URLField(_("website"), blank=True)
    contact_name = models.CharField(_("contact name"), max_length=200)
    role = models.CharField(_("your role"), max_length=200)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    offer = models.TextField(_("what your organisation offers"), max_length=3000)
    seek = models.TextField(_("what your organisation hopes to gain"), max_length=3000)
    consented_at = models.DateTimeField(_("consented to the privacy notice"), editable=False)

    # Staff only: never shown on the applicant's page.
    internal_notes = models.TextField(_("internal notes"), blank=True, help_text=_("Staff only."))
    organisation = models.ForeignKey(
        "labs.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="membership_applications",
        verbose_name=_("partner organisation"),
        help_text=_(
            "If the applicant is already a partner organisation, pick it before approving; left empty, approving "
            "creates a new partner organisation from the application."
        ),
    )
    partnership = models.ForeignKey(
        "labs.Partnership",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="membership_applications",
        editable=False,
        verbose_name=_("resulting partnership"),
    )

    finalised_at = models.DateTimeField(_("reached a final status"), null=True, blank=True, editable=False)
    purged_at = models.DateTimeField(_("personal data erased"), null=True, blank=True, editable=False)

    history = HistoricalRecords(excluded_fields=["status_token"])

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("membership application")
        verbose_name_plural = _("membership applications")
        constraints = [
            # Case-insensitive, and only while undecided: after a decline or a withdrawal one may apply again.
            models.UniqueConstraint(
                Lower("email"),
                "programme",
                condition=Q(status__in=["submitted", "under_review"]),
                name="membership_one_open_per_email_per_alliance",
            ),
        ]

    def __str__(self):
        return f"{self.reference} {self.organisation_name}"

    def get_status_url(self):
        return reverse("alliances:membership_status", kwargs={"token": self.status_token})

    @property
    def lab(self):
        return self.programme.lab


MembershipApplication.WORKFLOW = Workflow(
    status_choices=MembershipApplication.Status,
    transitions={
        "submitted": frozenset({"under_review", "withdrawn"}),
        "under_review": frozenset({"approved", "declined", "withdrawn"}),
    },
    public_labels={
        "submitted": _("Received — the lab will review it shortly"),
        "under_review": _("Being reviewed by the lab"),
        "approved": _("Approved — welcome to the alliance"),
        "declined": _("Not accepted this time"),
        "withdrawn": _("Withdrawn by you"),
    },
    withdrawn="withdrawn",
)

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.models import TimestampedModel
from portal.uploads import RandomUploadName, private_storage
from portal.workflow import Workflow


def new_status_token():
    return secrets.token_urlsafe(32)


class ChallengeRequest(TimestampedModel):
    """An industry challenge (problem statement) an enterprise brings to the labs."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        UNDER_REVIEW = "under_review", _("Under review")
        WAITING = "waiting", _("Waiting for information")
        MATCHED = "matched", _("Matched")
        IN_DISCUSSION = "in_discussion", _("In discussion")
        CONVERTED = "converted", _("Converted to project")
        DECLINED = "declined", _("Declined")
        CLOSED = "closed", _("Closed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class OrganisationSize(models.TextChoices):
        MICRO = "1-9", _("1–9 people")
        SMALL = "10-49", _("10–49 people")
        MEDIUM = "50-249", _("50–249 people")
        LARGE = "250+", _("250 people or more")

    class Sector(models.TextChoices):
        MANUFACTURING = "manufacturing", _("Manufacturing")
        ELECTRONICS = "electronics", _("Electronics and semiconductors")
        AUTOMOTIVE = "automotive", _("Automotive and transport")
        LOGISTICS = "logistics", _("Logistics")
        FOOD = "food", _("Food and beverage")
        HEALTHCARE = "healthcare", _("Healthcare and life sciences")
        CONSTRUCTION = "construction", _("Construction and property")
        ENERGY = "energy", _("Energy and environment")
        RETAIL = "retail", _("Retail and consumer goods")
        FINANCE = "finance", _("Finance and insurance")
        TEXTILES = "textiles", _("Textiles and garments")
        OTHER = "other", _("Other")

    class Budget(models.TextChoices):
        UNDECIDED = "undecided", _("Not decided yet")
        UNDER_100K = "under_100k", _("Under HK$100,000")
        FROM_100K = "100k_500k", _("HK$100,000–500,000")
        FROM_500K = "500k_2m", _("HK$500,000–2 million")
        OVER_2M = "over_2m", _("Over HK$2 million")

    class Timeline(models.TextChoices):
        URGENT = "under_3_months", _("Within 3 months")
        SOON = "3_12_months", _("3–12 months")
        LATER = "over_12_months", _("More than 12 months")
        FLEXIBLE = "flexible", _("Flexible")

    class Confidentiality(models.TextChoices):
        ANONYMOUS_OK = "anonymous_ok", _("May be published anonymously")
        CONFIDENTIAL = "confidential", _("Confidential")

    WORKFLOW = None  # set below, once Status exists
    # What the enterprise tells us on the form (the admin shows these read-only; their data download lists them).
    ENTERPRISE_FIELDS = (
        "organisation_name",
        "organisation_size",
        "sector",
        "contact_name",
        "job_title",
        "email",
        "phone",
        "title",
        "problem_statement",
        "current_approach",
        "desired_outcome",
        "preferred_lab",
        "focus_areas",
        "budget_range",
        "timeline",
        "confidentiality",
    )

    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED, db_index=True, editable=False
    )
    status_token = models.CharField(max_length=64, unique=True, default=new_status_token, editable=False)
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now, db_index=True, editable=False)
    language = models.CharField(_("language"), max_length=10, default="en", editable=False)

    organisation_name = models.CharField(_("organisation name"), max_length=200)
    organisation_size = models.CharField(_("organisation size"), max_length=10, choices=OrganisationSize.choices)
    sector = models.CharField(_("industry sector"), max_length=20, choices=Sector.choices, db_index=True)
    contact_name = models.CharField(_("contact name"), max_length=200)
    job_title = models.CharField(_("job title"), max_length=200)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    title = models.CharField(_("challenge title"), max_length=200)
    problem_statement = models.TextField(_("problem statement"), max_length=5000)
    current_approach = models.TextField(_("current approach"), max_length=3000, blank=True)
    desired_outcome = models.TextField(_("desired outcome"), max_length=3000)
    preferred_lab = models.ForeignKey(
        "labs.JointLab",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="preferred_by_challenges",
        verbose_name=_("preferred lab"),
    )
    focus_areas = models.ManyToManyField(
        "labs.FocusArea", blank=True, related_name="challenge_requests", verbose_name=_("related focus areas")
    )
    budget_range = models.CharField(_("budget range"), max_length=20, choices=Budget.choices)
    timeline = models.CharField(_("timeline"), max_length=20, choices=Timeline.choices)
    confidentiality = models.CharField(_("confidentiality"), max_length=20, choices=Confidentiality.choices)
    consented_at = models.DateTimeField(_("consented to the privacy notice"), editable=False)

    # Staff-only triage fields: never shown on a public or enterprise page.
    lab = models.ForeignKey(
        "labs.JointLab",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="challenge_requests",
        verbose_name=_("assigned lab"),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_challenges",
        verbose_name=_("owner"),
    )
    matched_people = models.ManyToManyField(
        "people.Person", blank=True, related_name="matched_challenges", verbose_name=_("matched people")
    )
    matched_projects = models.ManyToManyField(
        "projects.Project", blank=True, related_name="matched_challenges", verbose_name=_("matched projects")
    )
    internal_notes = models.TextField(_("internal notes"), blank=True, help_text=_("Staff only."))
    project = models.ForeignKey(
        "projects.Project",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="source_challenges",
        verbose_name=_("resulting project"),
    )

    finalised_at = models.DateTimeField(_("reached a final status"), null=True, blank=True, editable=False)
    purged_at = models.DateTimeField(_("personal data erased"), null=True, blank=True, editable=False)

    history = HistoricalRecords(excluded_fields=["status_token"])

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("challenge request")
        verbose_name_plural = _("challenge requests")

    def __str__(self):
        return f"{self.reference} {self.title}"

    def get_status_url(self):
        return reverse("challenges:challenge_status", kwargs={"token": self.status_token})

    @property
    def responsible_lab(self):
        """The lab staff assigned it to or, before that, the one the enterprise chose."""
        return self.lab or self.preferred_lab


ChallengeRequest.WORKFLOW = Workflow(
    status_choices=ChallengeRequest.Status,
    transitions={
        "submitted": frozenset({"under_review", "waiting", "withdrawn"}),
        "under_review": frozenset({"waiting", "matched", "declined", "closed", "withdrawn"}),
        # Staff ask the enterprise formally; its answer (or staff) moves the request on again.
        "waiting": frozenset({"under_review", "matched", "in_discussion", "declined", "closed", "withdrawn"}),
        "matched": frozenset({"waiting", "in_discussion", "declined", "closed", "withdrawn"}),
        "in_discussion": frozenset({"waiting", "converted", "declined", "closed", "withdrawn"}),
    },
    public_labels={
        "submitted": _("Received — we will review it shortly"),
        "under_review": _("Being reviewed by the labs"),
        "waiting": _("Waiting for your information — please answer the lab's question below"),
        "matched": _("Matched with a lab"),
        "in_discussion": _("In discussion with the lab"),
        "converted": _("Became a joint project"),
        "declined": _("Not taken forward"),
        "closed": _("Closed"),
        "withdrawn": _("Withdrawn by you"),
    },
    withdrawn="withdrawn",
    waiting="waiting",
)


class ChallengeAttachment(models.Model):
    challenge = models.ForeignKey(
        ChallengeRequest, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("challenge request")
    )
    file = models.FileField(_("file"), storage=private_storage, upload_to=RandomUploadName("challenges"))
    original_name = models.CharField(_("original name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=10)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.original_name


class SuggestionFeedback(models.Model):
    """What staff did with one suggested match of a request: added it, or marked it unhelpful. The data to measure
    the ranking with; an unhelpful suggestion is not offered for that request again."""

    class Verdict(models.TextChoices):
        ADDED = "added", _("Added")
        UNHELPFUL = "unhelpful", _("Unhelpful")

    challenge = models.ForeignKey(
        ChallengeRequest, on_delete=models.CASCADE, related_name="suggestion_feedback", verbose_name=_("challenge")
    )
    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    verdict = models.CharField(_("verdict"), max_length=10, choices=Verdict.choices)
    model_name = models.CharField(_("ranking model"), max_length=60, blank=True)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("marked by")
    )
    marked_at = models.DateTimeField(_("marked at"), auto_now=True)

    class Meta:
        ordering = ["-marked_at"]
        verbose_name = _("suggestion feedback")
        verbose_name_plural = _("suggestion feedback")
        constraints = [
            models.UniqueConstraint(
                fields=["challenge", "content_type", "object_id", "verdict"], name="suggestionfeedback_unique_mark"
            )
        ]

    def __str__(self):
        return f"{self.challenge_id}: {self.content_type.model} {self.object_id} {self.verdict}"

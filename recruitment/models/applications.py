"""A student's application and its workflow."""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.models import TimestampedModel
from portal.uploads import RandomUploadName, private_storage
from portal.workflow import Workflow

from .calls import Call
from .reviewer_choices import may_review

SCORE_RANGE = [MinValueValidator(1), MaxValueValidator(5)]


def new_token():
    return secrets.token_urlsafe(32)


class Application(TimestampedModel):
    """A student's application to an internship or PhD fellowship call."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        UNDER_REVIEW = "under_review", _("Under review")
        WAITING = "waiting", _("Waiting for information")
        SHORTLISTED = "shortlisted", _("Shortlisted")
        INTERVIEW = "interview", _("Interview")
        WAITLISTED = "waitlisted", _("Waiting list")
        OFFERED = "offered", _("Offered")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined by applicant")
        LAPSED = "lapsed", _("Offer lapsed")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    WORKFLOW = None  # set below
    # What the student tells us on the form (shown read-only to staff).
    APPLICANT_FIELDS = (
        "name",
        "email",
        "phone",
        "university",
        "degree_programme",
        "year_of_study",
        "research_interests",
        "focus_areas",
        "projects",
        "personal_statement",
    )
    IDENTITY_FIELDS = ("name", "email", "phone")  # hidden from reviewers under blind review

    call = models.ForeignKey(Call, on_delete=models.PROTECT, related_name="applications", verbose_name=_("call"))
    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED, db_index=True, editable=False
    )
    status_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now, db_index=True, editable=False)
    language = models.CharField(_("language"), max_length=10, default="en", editable=False)

    name = models.CharField(_("full name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40)
    university = models.CharField(_("current university"), max_length=200, db_index=True)
    degree_programme = models.CharField(_("degree and programme"), max_length=200)
    year_of_study = models.CharField(_("year of study or expected graduation"), max_length=100)
    research_interests = models.TextField(_("research interests"), max_length=2000)
    focus_areas = models.ManyToManyField(
        "labs.FocusArea", blank=True, related_name="applications", verbose_name=_("preferred focus areas")
    )
    projects = models.ManyToManyField(
        "projects.Project", blank=True, related_name="applications", verbose_name=_("preferred projects")
    )
    personal_statement = models.TextField(_("personal statement"))
    cv = models.FileField(_("CV"), storage=private_storage, upload_to=RandomUploadName("applications"))
    transcript = models.FileField(
        _("transcript"), storage=private_storage, upload_to=RandomUploadName("applications"), blank=True
    )
    consented_at = models.DateTimeField(_("consented to the privacy notice"), editable=False)

    reviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="assigned_applications",
        verbose_name=_("reviewers"),
        limit_choices_to=may_review,  # staff allowed to review; the admin's picker narrows to colleagues
    )
    internal_notes = models.TextField(_("internal notes"), blank=True, help_text=_("Staff only."))

    purged_at = models.DateTimeField(_("personal data erased"), null=True, blank=True, editable=False)
    # Kept up to date by recruitment.services.review_save, so lists sort and filter on them without aggregating.
    average_score = models.DecimalField(
        _("average score"), max_digits=4, decimal_places=2, null=True, blank=True, editable=False, db_index=True
    )
    review_count = models.PositiveSmallIntegerField(_("reviews"), default=0, editable=False)

    history = HistoricalRecords(excluded_fields=["status_token"])

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [
            models.UniqueConstraint(Lower("email"), "call", name="application_one_per_email_per_call"),
        ]
        permissions = [
            ("triage_application", _("Can see and move every application of their labs")),
            ("review_application", _("Can review applications assigned to them")),
        ]

    def __str__(self):
        # Only the reference: titles, breadcrumbs and logs must not name applicants under blind review.
        return self.reference

    def get_status_url(self):
        return reverse("recruitment:application_status", kwargs={"token": self.status_token})


Application.WORKFLOW = Workflow(
    status_choices=Application.Status,
    transitions={
        "submitted": frozenset({"under_review", "waiting", "rejected", "withdrawn"}),
        "under_review": frozenset({"waiting", "shortlisted", "rejected", "withdrawn"}),
        # Staff ask the student formally; the answer (or staff) moves the application on again.
        "waiting": frozenset({"under_review", "shortlisted", "interview", "rejected", "withdrawn"}),
        "shortlisted": frozenset({"waiting", "interview", "waitlisted", "rejected", "withdrawn"}),
        "interview": frozenset({"waiting", "offered", "waitlisted", "rejected", "withdrawn"}),
        # Promoted from the waiting list when a place frees up: an offer is made to them.
        "waitlisted": frozenset({"offered", "rejected", "withdrawn"}),
        # The student answers; the daily lapse_offers ends an offer unanswered by its reply-by date.
        "offered": frozenset({"accepted", "declined", "lapsed", "rejected", "withdrawn"}),
    },
    public_labels={
        "submitted": _("Received — the lab will review it after the deadline"),
        "under_review": _("Being reviewed"),
        "waiting": _("Waiting for your information — please answer the lab's question below"),
        "shortlisted": _("Shortlisted"),
        "interview": _("Invited to interview"),
        "waitlisted": _("On the waiting list"),
        "offered": _("Offered a place"),
        "accepted": _("Offer accepted"),
        "declined": _("Offer declined by you"),
        "lapsed": _("Offer lapsed — it was not answered by its reply-by date"),
        "rejected": _("Not successful this time"),
        "withdrawn": _("Withdrawn by you"),
    },
    withdrawn="withdrawn",
    waiting="waiting",
)

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.models import TimestampedModel
from portal.uploads import RandomUploadName, private_storage
from portal.workflow import Workflow


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
        OFFERED = "offered", _("Offered")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined by applicant")
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

    name = models.CharField(_("name"), max_length=200)
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
        settings.AUTH_USER_MODEL, blank=True, related_name="assigned_applications", verbose_name=_("reviewers")
    )
    internal_notes = models.TextField(_("internal notes"), blank=True, help_text=_("Staff only."))

    purged_at = models.DateTimeField(_("personal data erased"), null=True, blank=True, editable=False)
    # Kept up to date by recruitment.services.review_save, so lists sort and filter on them without aggregating.
    average_score = models.DecimalField(
        _("average score"), max_digits=3, decimal_places=2, null=True, blank=True, editable=False, db_index=True
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
        "shortlisted": frozenset({"waiting", "interview", "rejected", "withdrawn"}),
        "interview": frozenset({"waiting", "offered", "rejected", "withdrawn"}),
        "offered": frozenset({"accepted", "declined", "rejected", "withdrawn"}),
    },
    public_labels={
        "submitted": _("Received — the lab will review it after the deadline"),
        "under_review": _("Being reviewed"),
        "waiting": _("Waiting for your information — please answer the lab's question below"),
        "shortlisted": _("Shortlisted"),
        "interview": _("Invited to interview"),
        "offered": _("Offered a place"),
        "accepted": _("Offer accepted"),
        "declined": _("Offer declined by you"),
        "rejected": _("Not successful this time"),
        "withdrawn": _("Withdrawn by you"),
    },
    withdrawn="withdrawn",
    waiting="waiting",
)


class ApplicationReferee(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="referees", verbose_name=_("application")
    )
    order = models.PositiveSmallIntegerField(_("order"))
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    institution = models.CharField(_("institution"), max_length=200)
    upload_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    letter = models.FileField(
        _("letter"), storage=private_storage, upload_to=RandomUploadName("letters"), blank=True, editable=False
    )
    letter_uploaded_at = models.DateTimeField(_("letter received"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["application", "order"]
        verbose_name = _("referee")
        verbose_name_plural = _("referees")
        constraints = [
            models.UniqueConstraint(fields=["application", "order"], name="referee_unique_order_per_application"),
        ]

    def __str__(self):
        return f"{self.name} ({self.institution})"

    def get_upload_url(self):
        return reverse("recruitment:referee_upload", kwargs={"token": self.upload_token})

    @property
    def letter_received(self):
        return bool(self.letter)


class Review(TimestampedModel):
    class Recommendation(models.TextChoices):
        STRONG_YES = "strong_yes", _("Strongly recommend")
        YES = "yes", _("Recommend")
        NEUTRAL = "neutral", _("Neutral")
        NO = "no", _("Do not recommend")

    CRITERIA = ("academic_record", "research_fit", "statement", "references")

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="reviews", verbose_name=_("application")
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="reviews", verbose_name=_("reviewer")
    )
    academic_record = models.PositiveSmallIntegerField(
        _("academic record"), null=True, blank=True, validators=SCORE_RANGE
    )
    research_fit = models.PositiveSmallIntegerField(_("research fit"), null=True, blank=True, validators=SCORE_RANGE)
    statement = models.PositiveSmallIntegerField(_("personal statement"), null=True, blank=True, validators=SCORE_RANGE)
    references = models.PositiveSmallIntegerField(_("references"), null=True, blank=True, validators=SCORE_RANGE)
    recommendation = models.CharField(_("recommendation"), max_length=20, choices=Recommendation.choices, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    conflict_of_interest = models.BooleanField(
        _("I have a conflict of interest"),
        default=False,
        help_text=_("Declaring one removes you from this application; your scores are not counted."),
    )
    score = models.DecimalField(_("score"), max_digits=3, decimal_places=2, null=True, blank=True, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["application", "reviewer"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            models.UniqueConstraint(fields=["application", "reviewer"], name="review_one_per_reviewer"),
            models.CheckConstraint(
                condition=Q(conflict_of_interest=True)
                | (
                    Q(academic_record__range=(1, 5))
                    & Q(research_fit__range=(1, 5))
                    & Q(statement__range=(1, 5))
                    & Q(references__range=(1, 5))
                ),
                name="review_scores_1_to_5_unless_conflicted",
                violation_error_message=_("Score every criterion from 1 to 5, or declare a conflict of interest."),
            ),
        ]

    def __str__(self):
        return f"{self.application.reference} — {self.reviewer}"

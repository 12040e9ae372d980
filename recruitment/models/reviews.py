"""Reviewers' scores and recommendations."""


from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.models import TimestampedModel

from .applications import SCORE_RANGE, Application


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

"""Reviewers' scores and recommendations."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.models import TimestampedModel

from .applications import Application


class Review(TimestampedModel):
    """A reviewer's judgement of one application: a score per criterion of the call's rubric (ReviewScore), an
    overall comment and a recommendation; `score` is the weighted average of the criteria."""

    class Recommendation(models.TextChoices):
        ADVANCE = "advance", _("Advance")
        HOLD = "hold", _("Hold")
        DECLINE = "decline", _("Decline")

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="reviews", verbose_name=_("application")
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="reviews", verbose_name=_("reviewer")
    )
    recommendation = models.CharField(_("recommendation"), max_length=20, choices=Recommendation.choices, blank=True)
    comment = models.TextField(_("overall comment"), blank=True)
    conflict_of_interest = models.BooleanField(
        _("I have a conflict of interest"),
        default=False,
        help_text=_("Declaring one removes you from this application; your scores are not counted."),
    )
    score = models.DecimalField(_("score"), max_digits=4, decimal_places=2, null=True, blank=True, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["application", "reviewer"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            models.UniqueConstraint(fields=["application", "reviewer"], name="review_one_per_reviewer"),
            # The scores live in ReviewScore, each within its criterion's scale: recruitment.services.review_save
            # checks them (a check constraint cannot look at the criterion's row), and the recommendation.
        ]

    def __str__(self):
        return f"{self.application.reference} — {self.reviewer}"

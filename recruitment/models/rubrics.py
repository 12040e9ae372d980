"""Each call's rubric: the criteria reviewers score, each on a labelled scale with a weight; and the scores."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.models import TimestampedModel

from .applications import Application
from .calls import Call
from .reviews import Review

# One digit before the decimal point is what the stored averages hold (Application.average_score).
HIGHEST_SCORE = 10


class RubricCriterion(TimestampedModel):
    """What reviewers judge, on a scale from `min_score` to `max_score` with a sentence per level."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("call"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("criterion"), max_length=200)
    description = models.TextField(_("what it judges"), blank=True)
    min_score = models.PositiveSmallIntegerField(
        _("lowest score"), default=1, validators=[MaxValueValidator(HIGHEST_SCORE - 1)]
    )
    max_score = models.PositiveSmallIntegerField(
        _("highest score"), default=5, validators=[MinValueValidator(1), MaxValueValidator(HIGHEST_SCORE)]
    )
    level_labels = models.TextField(
        _("what each score means"),
        blank=True,
        help_text=_("One sentence per line, from the lowest score to the highest: one line for every score."),
    )
    weight = models.DecimalField(
        _("weight"),
        max_digits=4,
        decimal_places=2,
        default=Decimal(1),
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_("How much this criterion counts in the weighted score; 1 unless some matter more."),
    )

    class Meta:
        ordering = ["call", "order", "pk"]
        verbose_name = _("rubric criterion")
        verbose_name_plural = _("rubric")
        constraints = [
            models.CheckConstraint(
                condition=Q(max_score__gt=F("min_score")) & Q(max_score__lte=HIGHEST_SCORE),
                name="rubric_scale_low_to_high",
                violation_error_message=_("The highest score must be above the lowest, and at most 10."),
            ),
            models.CheckConstraint(
                condition=Q(weight__gt=0),
                name="rubric_weight_positive",
                violation_error_message=_("Give a weight above 0."),
            ),
        ]

    def __str__(self):
        return self.name

    def labels(self) -> list[str]:
        return [line.strip() for line in self.level_labels.splitlines() if line.strip()]

    def levels(self) -> list[tuple[int, str]]:
        """Every score of the scale with its sentence ("" where none was written)."""
        labels = self.labels()
        scores = range(self.min_score, self.max_score + 1)
        return [(score, labels[i] if len(labels) == len(scores) else "") for i, score in enumerate(scores)]

    def clean(self):
        super().clean()
        if self.min_score is None or self.max_score is None or self.max_score <= self.min_score:
            return
        count = self.max_score - self.min_score + 1
        if self.level_labels.strip() and len(self.labels()) != count:
            raise ValidationError(
                {
                    "level_labels": _(
                        "Write one line for each score from %(low)d to %(high)d (%(count)d lines), or none."
                    )
                    % {"low": self.min_score, "high": self.max_score, "count": count}
                }
            )
        if self.pk and self.scores.exclude(score__range=(self.min_score, self.max_score)).exists():
            raise ValidationError(
                _("Reviewers already gave scores outside %(low)d–%(high)d for this criterion; keep the scale.")
                % {"low": self.min_score, "high": self.max_score}
            )


class ReviewScore(models.Model):
    """A reviewer's score on one criterion, with an optional comment. Within the criterion's scale: checked by
    recruitment.services.review_save (a database check cannot look at the criterion's row)."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores", verbose_name=_("review"))
    criterion = models.ForeignKey(
        RubricCriterion, on_delete=models.PROTECT, related_name="scores", verbose_name=_("criterion")
    )
    score = models.PositiveSmallIntegerField(_("score"), validators=[MaxValueValidator(HIGHEST_SCORE)])
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["review", "criterion__order", "criterion"]
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="review_score_once_per_criterion"),
            models.CheckConstraint(condition=Q(score__lte=HIGHEST_SCORE), name="review_score_at_most_10"),
        ]

    def __str__(self):
        return f"{self.criterion}: {self.score}"


class ReviewReminder(models.Model):
    """That a reviewer was reminded of an application they had not reviewed yet: they are reminded once."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="review_reminders")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["application", "reviewer"], name="review_reminder_once"),
        ]

    def __str__(self):
        return f"{self.application_id} — {self.reviewer_id}"

"""Reviews: assigning reviewers (who are e-mailed), scoring against the call's rubric, reminders before the call's
review deadline, and the stored averages the lists sort on."""

import datetime
from collections import defaultdict
from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Avg, Count, Exists, OuterRef, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from people.selectors import staff_display_name
from portal.outbox import queue_email, site_url

from ..models import Application, Call, Review, ReviewReminder, ReviewScore, RubricCriterion
from ..models.reviewer_choices import may_review

# The rubric every call had before rubrics were editable (migration 0005 gives it to existing calls).
DEFAULT_CRITERIA = (
    ("Academic record", "academic_record"),
    ("Research fit", "research_fit"),
    ("Personal statement", "statement"),
    ("References", "references"),
)


def rubric_add_default(*, call: Call) -> list[RubricCriterion]:
    """Give a call without criteria the four classic ones, each scored 1–5 with weight 1."""
    if call.criteria.exists():
        return list(call.criteria.all())
    return RubricCriterion.objects.bulk_create(
        RubricCriterion(call=call, order=order, name=name, min_score=1, max_score=5, weight=Decimal(1))
        for order, (name, _code) in enumerate(DEFAULT_CRITERIA, start=1)
    )


def scoring_url(application: Application) -> str:
    return f"{reverse('admin:recruitment_review_add')}?application={application.pk}"


def _check_reviewers(reviewers: Iterable[AbstractBaseUser]) -> list[AbstractBaseUser]:
    reviewers = list(reviewers)
    if not reviewers:
        return []
    users = type(reviewers[0])._default_manager
    allowed = set(users.filter(may_review(), pk__in=[r.pk for r in reviewers]).values_list("pk", flat=True))
    refused = [reviewer for reviewer in reviewers if reviewer.pk not in allowed]
    if refused:
        raise ValidationError(
            _("These accounts may not review applications: %(names)s")
            % {"names": ", ".join(reviewer.get_username() for reviewer in refused)}
        )
    return reviewers


def _email_assigned(assigned: Mapping[AbstractBaseUser, list[Application]]) -> None:
    """One e-mail per newly assigned reviewer, naming their applications by reference (never the applicant)."""
    for reviewer, applications in assigned.items():
        if not reviewer.email or not applications:
            continue
        queue_email(
            to=[reviewer.email],
            template="reviewer_assigned",
            context={"name": staff_display_name(reviewer), "items": _items(applications)},
            language=settings.LANGUAGE_CODE,  # staff e-mails are in the portal's language
        )


def _items(applications):
    return [
        {
            "reference": application.reference,
            "call": application.call.title,
            "review_deadline": application.call.review_deadline,
            "url": site_url(scoring_url(application)),
        }
        for application in applications
    ]


def application_set_reviewers(
    *, application: Application, reviewers: Iterable[AbstractBaseUser], by: AbstractBaseUser | None
) -> list[AbstractBaseUser]:
    """Make `reviewers` the application's reviewers (the admin's reviewers field). Those newly added must be
    allowed to review and are e-mailed with the call's review deadline; returns them."""
    reviewers = list(reviewers)
    with transaction.atomic():
        before = set(application.reviewers.values_list("pk", flat=True))
        added = _check_reviewers(reviewer for reviewer in reviewers if reviewer.pk not in before)
        application.reviewers.set(reviewers)
        _email_assigned({reviewer: [application] for reviewer in added})
    return added


def applications_assign_reviewers(
    *, applications: Iterable[Application], reviewers: Iterable[AbstractBaseUser], by: AbstractBaseUser | None
) -> int:
    """Add `reviewers` to each of `applications` (the admin's bulk action), keeping those already assigned. Each
    reviewer gets one e-mail listing the applications newly given to them; returns how many assignments were new."""
    reviewers = _check_reviewers(reviewers)
    applications = list(applications)
    through = Application.reviewers.through
    with transaction.atomic():
        existing = set(
            through.objects.filter(application__in=applications, user__in=reviewers).values_list(
                "application_id", "user_id"
            )
        )
        assigned = defaultdict(list)
        for reviewer in reviewers:
            for application in applications:
                if (application.pk, reviewer.pk) not in existing:
                    assigned[reviewer].append(application)
        through.objects.bulk_create(
            [through(application=a, user=r) for r, apps in assigned.items() for a in apps], ignore_conflicts=True
        )
        _email_assigned(assigned)
    return sum(len(apps) for apps in assigned.values())


def _weighted(scores: Mapping[RubricCriterion, int]) -> Decimal:
    total_weight = sum(criterion.weight for criterion in scores)
    total = sum(criterion.weight * score for criterion, score in scores.items())
    return (Decimal(total) / total_weight).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _validated_scores(review: Review, scores: Mapping) -> dict[RubricCriterion, int]:
    criteria = list(review.application.call.criteria.all())
    if not criteria:
        raise ValidationError(_("This call has no rubric yet: ask the lab's manager to add its criteria."))
    by_pk = {criterion.pk: criterion for criterion in criteria}
    given = {getattr(key, "pk", key): value for key, value in scores.items()}
    errors = {}
    if set(given) - set(by_pk):
        errors["__all__"] = _("Some scores are for criteria of another call; reload the page and score again.")
    checked = {}
    for criterion in criteria:
        value = given.get(criterion.pk)
        if (
            value in (None, "")
            or not str(value).isdigit()
            or not (criterion.min_score <= int(value) <= criterion.max_score)
        ):
            errors[f"score_{criterion.pk}"] = _("Score “%(name)s” from %(low)d to %(high)d.") % {
                "name": criterion.name,
                "low": criterion.min_score,
                "high": criterion.max_score,
            }
        else:
            checked[criterion] = int(value)
    if errors:
        raise ValidationError(errors)
    return checked


def review_save(
    *,
    review: Review,
    by: AbstractBaseUser,
    scores: Mapping | None = None,
    comments: Mapping | None = None,
) -> Review:
    """Save `by`'s review of an application assigned to them: `scores` maps each criterion of the call's rubric
    (or its id) to a score within its scale, `comments` optionally to a comment. Declaring a conflict of interest
    clears the scores and takes the reviewer off the application."""
    if review.reviewer_id != by.pk or not review.application.reviewers.filter(pk=by.pk).exists():
        raise ValidationError(_("Only a reviewer assigned to this application can review it."))
    comments = {getattr(key, "pk", key): text for key, text in (comments or {}).items()}
    with transaction.atomic():
        if review.conflict_of_interest:
            review.recommendation = ""
            review.score = None
            review.save()
            review.scores.all().delete()
            review.application.reviewers.remove(by)
        else:
            checked = _validated_scores(review, scores or {})
            if review.recommendation not in Review.Recommendation.values:
                raise ValidationError({"recommendation": _("Choose a recommendation.")})
            review.score = _weighted(checked)
            review.full_clean(exclude=["reviewer"])
            review.save()
            review.scores.exclude(criterion__in=list(checked)).delete()
            for criterion, score in checked.items():
                ReviewScore.objects.update_or_create(
                    review=review,
                    criterion=criterion,
                    defaults={"score": score, "comment": comments.get(criterion.pk, "").strip()},
                )
        application_refresh_scores(application=review.application)
    return review


def reviews_delete(*, reviews: QuerySet) -> int:
    """Delete reviews; their applications' stored averages must not keep the deleted scores."""
    with transaction.atomic():
        applications = list(Application.objects.filter(pk__in=reviews.values("application_id")))
        deleted, _by_model = reviews.delete()
        for application in applications:
            application_refresh_scores(application=application)
    return deleted


def application_refresh_scores(*, application: Application) -> None:
    """Store the average of the counted reviews' weighted scores (conflicts excluded) and their number."""
    figures = application.reviews.filter(conflict_of_interest=False).aggregate(average=Avg("score"), count=Count("pk"))
    Application.objects.filter(pk=application.pk).update(
        average_score=figures["average"], review_count=figures["count"]
    )


def send_review_reminders(*, now: datetime.datetime | None = None) -> int:
    """Remind, once, each reviewer with assigned applications still unreviewed when their call's review deadline
    is at most REVIEW_REMINDER_DAYS away. Returns how many reviewers were reminded. Run daily."""
    now = now or timezone.now()
    workflow = Application.WORKFLOW
    open_statuses = [status for status in Application.Status.values if not workflow.is_final(status)]
    through = Application.reviewers.through
    pending = (
        through.objects.filter(
            application__status__in=open_statuses,
            application__call__review_deadline__gt=now,
            application__call__review_deadline__lte=now + datetime.timedelta(days=settings.REVIEW_REMINDER_DAYS),
        )
        .exclude(Exists(Review.objects.filter(application=OuterRef("application"), reviewer=OuterRef("user"))))
        .exclude(Exists(ReviewReminder.objects.filter(application=OuterRef("application"), reviewer=OuterRef("user"))))
        .select_related("user", "application__call")
        .order_by("user", "application__call__review_deadline", "application__reference")
    )
    by_reviewer = defaultdict(list)
    for row in pending:
        by_reviewer[row.user].append(row.application)
    for reviewer, applications in by_reviewer.items():
        with transaction.atomic():
            ReviewReminder.objects.bulk_create(
                [ReviewReminder(application=a, reviewer=reviewer, sent_at=now) for a in applications],
                ignore_conflicts=True,
            )
            if reviewer.email:
                queue_email(
                    to=[reviewer.email],
                    template="reviewer_reminder",
                    context={"name": staff_display_name(reviewer), "items": _items(applications)},
                    language=settings.LANGUAGE_CODE,
                )
    return len(by_reviewer)

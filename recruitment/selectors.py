"""Who may see which calls, applications and reviews, and what the public sees of calls: one set of rules for the
admin, the dashboard, exports, downloads and the public pages."""

from django.db.models import Q, QuerySet
from django.utils import timezone

from portal.scoping import restrict_to_labs

from .models import Application, Call, Review

TRIAGE_PERMISSION = "recruitment.triage_application"


def reviewer_only(user) -> bool:
    """A reviewer sees only the applications assigned to them; staff who triage see every application of their
    labs."""
    return not user.has_perm(TRIAGE_PERMISSION)


def hides_identity(user, application: Application) -> bool:
    """Under blind review a reviewer never sees who applied."""
    return reviewer_only(user) and application.call.blind_review


def calls_visible_to(user, queryset: QuerySet | None = None) -> QuerySet:
    queryset = Call.objects.all() if queryset is None else queryset
    return restrict_to_labs(queryset, user, lambda lab_ids: Q(programme__lab__in=lab_ids))


def applications_visible_to(user, queryset: QuerySet | None = None) -> QuerySet:
    """Applications of the user's labs, and those assigned to them for review; a reviewer only the latter."""
    queryset = Application.objects.all() if queryset is None else queryset
    queryset = restrict_to_labs(queryset, user, lambda lab_ids: Q(call__programme__lab__in=lab_ids) | Q(reviewers=user))
    if reviewer_only(user):
        queryset = queryset.filter(pk__in=Application.objects.filter(reviewers=user).values("pk"))
    return queryset


def reviews_visible_to(user, queryset: QuerySet | None = None) -> QuerySet:
    """Reviews of the user's labs' applications; a reviewer sees only their own (reviewers judge independently)."""
    queryset = Review.objects.all() if queryset is None else queryset
    queryset = restrict_to_labs(
        queryset, user, lambda lab_ids: Q(application__call__programme__lab__in=lab_ids) | Q(reviewer=user)
    )
    return queryset.filter(reviewer=user) if reviewer_only(user) else queryset


def calls_open_to_the_public(now=None) -> QuerySet:
    return Call.objects.published().open(now or timezone.now()).select_related("programme__lab")

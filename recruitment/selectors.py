"""Who may see which calls, applications and reviews, and what the public sees of calls: one set of rules for the
admin, the dashboard, exports, downloads and the public pages."""

from django.db.models import Q, QuerySet
from django.utils import timezone

from portal.scoping import lab_ids_of, restrict_to_labs, sees_all_labs

from .models import Application, Call, Review

TRIAGE_PERMISSION = "recruitment.triage_application"


def reviewer_only(user) -> bool:
    """A reviewer sees only the applications assigned to them; staff who triage see every application of their
    labs."""
    return not user.has_perm(TRIAGE_PERMISSION)


def triages(user, application: Application) -> bool:
    """Staff who triage decide on the applications of their own labs. On another lab's application they can only
    be one of its assigned reviewers, with a reviewer's view: blinded, their own review, no workflow."""
    if reviewer_only(user):
        return False
    return sees_all_labs(user) or application.call.programme.lab_id in lab_ids_of(user)


def hides_identity(user, application: Application) -> bool:
    """Under blind review whoever only reviews an application never sees who applied."""
    return application.call.blind_review and not triages(user, application)


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


def applications_triaged_by(user, queryset: QuerySet | None = None) -> QuerySet:
    """The applications this user decides on: every one of their labs' (none for a reviewer)."""
    queryset = Application.objects.all() if queryset is None else queryset
    if reviewer_only(user):
        return queryset.none()
    return restrict_to_labs(queryset, user, lambda lab_ids: Q(call__programme__lab__in=lab_ids))


def applications_reviewed_by(user, queryset: QuerySet | None = None) -> QuerySet:
    """The applications this user was assigned to review, whichever lab they belong to."""
    queryset = Application.objects.all() if queryset is None else queryset
    return queryset.filter(pk__in=Application.objects.filter(reviewers=user).values("pk"))


def applications_awaiting_review_by(user, queryset: QuerySet | None = None) -> QuerySet:
    """The applications of `queryset` assigned to this user for review that they have not reviewed yet."""
    queryset = Application.objects.all() if queryset is None else queryset
    assigned = Application.objects.filter(reviewers=user).exclude(reviews__reviewer=user)
    return queryset.filter(pk__in=assigned.values("pk"))


def reviews_visible_to(user, queryset: QuerySet | None = None) -> QuerySet:
    """Reviews of the user's labs' applications; a reviewer sees only their own (reviewers judge independently)."""
    queryset = Review.objects.all() if queryset is None else queryset
    queryset = restrict_to_labs(
        queryset, user, lambda lab_ids: Q(application__call__programme__lab__in=lab_ids) | Q(reviewer=user)
    )
    return queryset.filter(reviewer=user) if reviewer_only(user) else queryset


def calls_open_to_the_public(now=None) -> QuerySet:
    return Call.objects.published().open(now or timezone.now()).select_related("programme__lab")

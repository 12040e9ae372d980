"""Who may see which challenge requests: one rule for the admin, the dashboard, exports and downloads."""

from django.db.models import Q, QuerySet

from portal.scoping import restrict_to_labs

from .models import ChallengeRequest


def belonging_to_labs(lab_ids) -> Q:
    """A request belongs to the lab staff assigned it to or, before that, to the lab the enterprise chose."""
    return Q(lab__in=lab_ids) | Q(lab__isnull=True, preferred_lab__in=lab_ids)


def challenge_requests_visible_to(user, queryset: QuerySet | None = None) -> QuerySet:
    """The requests of the user's labs (belonging_to_labs); with no lab at all, only portal administrators see one
    (and route it)."""
    queryset = ChallengeRequest.objects.all() if queryset is None else queryset
    return restrict_to_labs(queryset, user, belonging_to_labs)

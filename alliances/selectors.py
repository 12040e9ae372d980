"""Who may see which membership applications, and which alliances take applications: one rule for the public
pages, the admin, the dashboard and exports."""

from django.db.models import Q, QuerySet

from labs.models import Programme
from portal.scoping import restrict_to_labs

from .models import ALLIANCE_KINDS, AlliancePage, MembershipApplication


def alliance_programmes() -> QuerySet:
    return Programme.objects.filter(kind__in=ALLIANCE_KINDS)


def alliance_page_of(programme: Programme) -> AlliancePage | None:
    """The membership page of an alliance programme; None for other programmes or before staff write one."""
    if programme.kind not in ALLIANCE_KINDS:
        return None
    return AlliancePage.objects.filter(programme=programme).first()


def accepts_applications(programme: Programme) -> bool:
    """An alliance takes applications once staff have written what members do and get, until they close it."""
    return AlliancePage.objects.filter(
        programme=programme, programme__kind__in=ALLIANCE_KINDS, accepting_applications=True
    ).exists()


def open_application_of(programme: Programme, email: str) -> MembershipApplication | None:
    """The undecided application of this address (any letter case) to this alliance, if there is one."""
    if not email:
        return None
    return MembershipApplication.objects.filter(
        programme=programme, email__iexact=email, status__in=MembershipApplication.OPEN_STATUSES
    ).first()


def membership_applications_visible_to(user, queryset: QuerySet | None = None) -> QuerySet:
    """An application belongs to the lab whose alliance it applies to."""
    queryset = MembershipApplication.objects.all() if queryset is None else queryset
    return restrict_to_labs(queryset, user, lambda lab_ids: Q(programme__lab__in=lab_ids))


def membership_applications_to_decide(queryset: QuerySet) -> QuerySet:
    """Applications still waiting for staff's decision."""
    return queryset.filter(status__in=MembershipApplication.OPEN_STATUSES)

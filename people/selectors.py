"""Who may see which people records on the staff side: one rule for the admin, its pickers and exports."""

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from portal.scoping import lab_ids_of, restrict_to_labs, sees_all_labs

from .models import Person, StaffLabAccess
from .roles import ADMIN, EDITOR, GROUP_NAMES, LAB_MANAGER, REVIEWER, ROLE_LABELS


def _linked_to_labs(lab_ids):
    # One subquery per link, not one OR over both joins: that multiplies each person's roles by their memberships.
    with_role = Person.objects.filter(lab_roles__lab__in=lab_ids).values("pk")
    on_project = Person.objects.filter(project_memberships__project__lab__in=lab_ids).values("pk")
    return Q(pk__in=with_role) | Q(pk__in=on_project)


def people_visible_to(user, queryset: QuerySet | None = None) -> QuerySet:
    """The people directory is shared between labs: public profiles are everyone's; hidden ones belong to the labs
    they hold a role in or work on a project of."""
    queryset = Person.objects.all() if queryset is None else queryset
    return restrict_to_labs(queryset, user, lambda lab_ids: Q(is_public=True) | _linked_to_labs(lab_ids))


def people_editable_by(user, queryset: QuerySet | None = None) -> QuerySet:
    """Rights over a shared profile follow the labs it is linked to (a role, a project): a person of several labs
    needs one of them; a person of no lab, or only of other labs, needs an administrator."""
    queryset = Person.objects.all() if queryset is None else queryset
    return restrict_to_labs(queryset, user, _linked_to_labs)


def staff_colleagues_of(user, queryset: QuerySet | None = None) -> QuerySet:
    """The accounts a user may pick as an owner or a reviewer: active staff, and for a lab-scoped user only the staff
    of their labs."""
    queryset = get_user_model().objects.all() if queryset is None else queryset
    queryset = queryset.filter(is_active=True, is_staff=True)
    if sees_all_labs(user):
        return queryset
    return queryset.filter(pk__in=StaffLabAccess.objects.filter(lab__in=lab_ids_of(user)).values("user"))


def staff_display_name(account) -> str:
    """How a staff account is shown in pickers and filters: the person's name, the sign-in name only without one."""
    return account.get_full_name() or account.get_username()


def staff_role_label(account) -> str:
    """The staff member's role in words ("lab manager"), for submitters who want to know who their contact is."""
    group_names = {group.name for group in account.groups.all()}
    for role in (LAB_MANAGER, EDITOR, ADMIN, REVIEWER):
        if GROUP_NAMES[role] in group_names:
            return str(ROLE_LABELS[role])
    return ""


def staff_public_name(account) -> str:
    """How a staff member is named to enterprises and students: their name, never the sign-in name (often an
    e-mail address); "A member of staff" when the account has no name."""
    return account.get_full_name() or str(_("A member of staff"))

"""Who may see which people records on the staff side: one rule for the admin, its pickers and exports."""

from django.db.models import Q, QuerySet

from portal.scoping import restrict_to_labs

from .models import Person


def people_visible_to(user, queryset: QuerySet | None = None) -> QuerySet:
    """The people directory is shared between labs: public profiles are everyone's; hidden ones belong to the labs
    they hold a role in or work on a project of."""
    queryset = Person.objects.all() if queryset is None else queryset
    return restrict_to_labs(
        queryset,
        user,
        lambda lab_ids: (
            Q(is_public=True) | Q(lab_roles__lab__in=lab_ids) | Q(project_memberships__project__lab__in=lab_ids)
        ),
    )

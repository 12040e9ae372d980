"""Who may change which shared lab records on the staff side, and how the public lists read labs."""

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from portal.scoping import restrict_to_labs

from .models import JointLab, Organisation


def organisations_editable_by(user, queryset: QuerySet | None = None) -> QuerySet:
    """Partner organisations are shared between labs and public: every member of staff may look at them, but
    rights over one follow the labs it partners; an organisation of no lab needs an administrator."""
    queryset = Organisation.objects.all() if queryset is None else queryset
    return restrict_to_labs(queryset, user, lambda lab_ids: Q(partnerships__lab__in=lab_ids))


def _count_per_lab(relation: str, condition: Q) -> Subquery:
    """How many related rows each lab has, as a correlated subquery: three counts on one list would otherwise join
    projects × partners × roles and multiply the rows."""
    counted = (
        JointLab.objects.filter(pk=OuterRef("pk"))
        .annotate(n=Count(relation, filter=condition, distinct=True))
        .values("n")
    )
    return Subquery(counted, output_field=IntegerField())


def labs_for_cards(queryset: QuerySet | None = None) -> QuerySet:
    """Labs as the public cards show them: focus areas at hand, and how many public projects, partner organisations
    and public people (current roles) each has."""
    queryset = JointLab.objects.all() if queryset is None else queryset
    today = timezone.localdate()
    current_public_role = Q(lab_roles__person__is_public=True) & (
        Q(lab_roles__end_date__isnull=True) | Q(lab_roles__end_date__gte=today)
    )
    return queryset.prefetch_related("focus_areas").annotate(
        project_count=_count_per_lab("projects", Q(projects__is_public=True)),
        partner_count=_count_per_lab("partnerships__organisation", Q()),
        people_count=_count_per_lab("lab_roles__person", current_public_role),
    )

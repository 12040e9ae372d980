"""Who may change which shared lab records on the staff side."""

from django.db.models import Q, QuerySet

from portal.scoping import restrict_to_labs

from .models import Organisation


def organisations_editable_by(user, queryset: QuerySet | None = None) -> QuerySet:
    """Partner organisations are shared between labs and public: every member of staff may look at them, but
    rights over one follow the labs it partners; an organisation of no lab needs an administrator."""
    queryset = Organisation.objects.all() if queryset is None else queryset
    return restrict_to_labs(queryset, user, lambda lab_ids: Q(partnerships__lab__in=lab_ids))

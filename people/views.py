from django.db.models import Prefetch
from django_filters.views import FilterView

from portal.filters import ContentCountPaginator

from .filters import PersonFilter
from .models import LabRole, Person

# A person's own page shows their projects too, so it lives in overview/ with the other combining pages.


class PersonListView(FilterView):
    filterset_class = PersonFilter
    template_name = "people/person_list.html"
    context_object_name = "people"
    paginate_by = 50
    paginator_class = ContentCountPaginator

    def get_queryset(self):
        return (
            Person.objects.public()
            .select_related("organisation")
            .prefetch_related(Prefetch("lab_roles", queryset=LabRole.objects.current().select_related("lab")))
            .order_by("name")
        )

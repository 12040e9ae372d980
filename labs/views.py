from django.db.models import Count, Prefetch, Q
from django.views.generic import ListView
from django_filters.views import FilterView

from portal.filters import ContentCountPaginator

from .filters import OrganisationFilter
from .models import FocusArea, JointLab, Organisation, Partnership
from .selectors import labs_for_cards

# The detail pages of labs, focus areas, partners and programmes show other apps' records (projects, calls,
# roles): they live in overview/, the layer that may draw on every app.


class LabListView(ListView):
    model = JointLab
    template_name = "labs/lab_list.html"
    context_object_name = "labs"

    def get_queryset(self):
        return labs_for_cards()


class FocusAreaListView(ListView):
    template_name = "labs/focus_area_list.html"
    context_object_name = "focus_areas"

    def get_queryset(self):
        return FocusArea.objects.select_related("lab").annotate(
            project_count=Count("projects", filter=Q(projects__is_public=True))
        )


class OrganisationListView(FilterView):
    filterset_class = OrganisationFilter
    template_name = "labs/organisation_list.html"
    context_object_name = "organisations"
    paginate_by = 50
    paginator_class = ContentCountPaginator

    def get_queryset(self):
        return Organisation.objects.prefetch_related(
            Prefetch("partnerships", queryset=Partnership.objects.select_related("lab"))
        ).order_by("name")

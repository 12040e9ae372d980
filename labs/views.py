from itertools import groupby

from django.apps import apps
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView
from django_filters.views import FilterView

from portal.redirects import FollowRenamedSlugMixin, renamed
from portal.structured_data import organisation_data

from .filters import OrganisationFilter
from .models import FocusArea, JointLab, Organisation, Partnership, Programme

LAB_PAGE_PROJECTS = 12


class LabListView(ListView):
    model = JointLab
    template_name = "labs/lab_list.html"
    context_object_name = "labs"

    def get_queryset(self):
        return JointLab.objects.prefetch_related("focus_areas")


class LabDetailView(FollowRenamedSlugMixin, DetailView):
    model = JointLab
    template_name = "labs/lab_detail.html"
    context_object_name = "lab"

    def find_renamed(self):
        return renamed(JointLab.objects.all(), slug=self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        lab = self.object
        partnerships = list(lab.partnerships.select_related("organisation").order_by("role", "organisation__name"))
        context.update(
            leadership=lab.lab_roles.current().leadership().filter(person__is_public=True).select_related("person"),
            partners_by_role=[
                (Partnership.Role(role).label, list(items))
                for role, items in groupby(partnerships, key=lambda p: p.role)
            ],
            focus_areas=lab.focus_areas.all(),
            # A busy lab has hundreds of projects: show the first ones and link to the filtered list.
            projects=lab.projects.public().order_by("-is_featured", "title")[:LAB_PAGE_PROJECTS],
            project_total=lab.projects.public().count(),
            programmes=lab.programmes.all(),
            open_calls=_open_calls().filter(programme__lab=lab),
            structured_data=organisation_data(
                self.request,
                lab,
                description=lab.summary,
                members=list({p.organisation.pk: p.organisation for p in partnerships}.values()),
            ),
        )
        return context


def _open_calls():
    # Calls belong to the people app, which depends on labs; look the model up by name to keep imports one-way.
    call_model = apps.get_model("people", "Call")
    return call_model.objects.published().open().select_related("programme__lab")


class FocusAreaListView(ListView):
    template_name = "labs/focus_area_list.html"
    context_object_name = "focus_areas"

    def get_queryset(self):
        return FocusArea.objects.select_related("lab")


class FocusAreaDetailView(DetailView):
    template_name = "labs/focus_area_detail.html"
    context_object_name = "focus_area"

    def get_object(self, queryset=None):
        return get_object_or_404(
            FocusArea.objects.select_related("lab"), lab__slug=self.kwargs["lab_slug"], slug=self.kwargs["slug"]
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        projects = self.object.projects.public().select_related("lab").prefetch_related("people")
        context["projects"] = projects
        people = {person for project in projects for person in project.people.all() if person.is_public}
        context["people"] = sorted(people, key=lambda person: person.name)
        return context


class OrganisationListView(FilterView):
    filterset_class = OrganisationFilter
    template_name = "labs/organisation_list.html"
    context_object_name = "organisations"
    paginate_by = 50

    def get_queryset(self):
        return Organisation.objects.prefetch_related(
            Prefetch("partnerships", queryset=Partnership.objects.select_related("lab"))
        ).order_by("name")


class OrganisationDetailView(DetailView):
    model = Organisation
    template_name = "labs/organisation_detail.html"
    context_object_name = "organisation"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["partnerships"] = self.object.partnerships.select_related("lab").order_by("lab__name", "role")
        context["projects"] = self.object.projects.public().select_related("lab")
        context["structured_data"] = organisation_data(self.request, self.object, description=self.object.description)
        return context


class ProgrammeDetailView(DetailView):
    template_name = "labs/programme_detail.html"
    context_object_name = "programme"

    def get_object(self, queryset=None):
        return get_object_or_404(
            Programme.objects.select_related("lab"), lab__slug=self.kwargs["lab_slug"], slug=self.kwargs["slug"]
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["calls"] = self.object.calls.published().order_by("-closes_at")
        return context

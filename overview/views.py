"""Public pages that draw on several apps: home, site search, and the detail pages of labs, focus areas, partners,
programmes and people (each shows projects, calls or roles kept by other apps)."""

from itertools import groupby

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render
from django.views.generic import DetailView

from alliances.models import ALLIANCE_KINDS
from alliances.selectors import alliance_page_of
from labs.models import FocusArea, JointLab, Organisation, Partnership, Programme
from overview.home import home_page_data
from people.models import Person
from portal.forms import SearchForm
from portal.redirects import FollowRenamedSlugMixin, renamed
from portal.search import site_search
from portal.structured_data import organisation_data, person_data
from recruitment.selectors import calls_open_to_the_public

LAB_PAGE_PROJECTS = 12


def home(request):
    return render(request, "overview/home.html", home_page_data())


def site_search_view(request):
    form = SearchForm(request.GET or None)
    results = site_search(form.cleaned_data["q"]) if form.is_valid() else []
    return render(
        request,
        "overview/search.html",
        {"form": form, "results": results, "total": sum(len(items) for _type, items in results)},
    )


class LabDetailView(FollowRenamedSlugMixin, DetailView):
    model = JointLab
    template_name = "overview/lab_detail.html"
    context_object_name = "lab"

    def find_renamed(self):
        return renamed(JointLab.objects.all(), slug=self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        lab = self.object
        # Founding partners and hosts first: the order the roles are declared in, not the alphabet.
        role_order = {role: position for position, role in enumerate(Partnership.Role.values)}
        partnerships = sorted(
            lab.partnerships.select_related("organisation").order_by("organisation__name"),
            key=lambda partnership: role_order.get(partnership.role, len(role_order)),
        )
        lab_projects = lab.projects.public()
        context.update(
            leadership=lab.lab_roles.current()
            .leadership()
            .filter(person__is_public=True)
            .select_related("person")
            .order_by("display_order", "person__name"),
            partners_by_role=[
                (Partnership.Role(role).label, list(items))
                for role, items in groupby(partnerships, key=lambda p: p.role)
            ],
            focus_areas=lab.focus_areas.annotate(project_count=Count("projects", filter=Q(projects__is_public=True))),
            # A busy lab has hundreds of projects: show the first ones and link to the filtered list.
            projects=lab_projects.order_by("-is_featured", "title")[:LAB_PAGE_PROJECTS],
            project_total=lab_projects.count(),
            programmes=lab.programmes.all(),
            open_calls=calls_open_to_the_public().filter(programme__lab=lab),
            structured_data=organisation_data(
                self.request,
                lab,
                description=lab.summary,
                members=list({p.organisation.pk: p.organisation for p in partnerships}.values()),
            ),
        )
        return context


class FocusAreaDetailView(DetailView):
    template_name = "overview/focus_area_detail.html"
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


class OrganisationDetailView(DetailView):
    model = Organisation
    template_name = "overview/organisation_detail.html"
    context_object_name = "organisation"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["partnerships"] = self.object.partnerships.select_related("lab").order_by("lab__name", "role")
        context["projects"] = self.object.projects.public().select_related("lab").order_by("-is_featured", "title")
        context["people"] = self.object.people.public().order_by("name")
        context["structured_data"] = organisation_data(self.request, self.object, description=self.object.description)
        return context


class ProgrammeDetailView(DetailView):
    template_name = "overview/programme_detail.html"
    context_object_name = "programme"

    def get_object(self, queryset=None):
        return get_object_or_404(
            Programme.objects.select_related("lab"), lab__slug=self.kwargs["lab_slug"], slug=self.kwargs["slug"]
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["calls"] = self.object.calls.published().order_by("-closes_at")
        # An alliance's page says what members do and get, and leads to the membership form.
        context["is_alliance"] = self.object.kind in ALLIANCE_KINDS
        context["alliance_page"] = alliance_page_of(self.object)
        return context


class PersonDetailView(FollowRenamedSlugMixin, DetailView):
    template_name = "overview/person_detail.html"
    context_object_name = "person"

    def get_object(self, queryset=None):
        return get_object_or_404(Person.objects.public().select_related("organisation"), slug=self.kwargs["slug"])

    def find_renamed(self):
        return renamed(Person.objects.public(), slug=self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.object
        context["roles"] = roles = list(person.lab_roles.select_related("lab").order_by("lab__name", "display_order"))
        context["structured_data"] = person_data(
            self.request, person, affiliations=[role.lab for role in roles if role.is_current()]
        )
        context["memberships"] = (
            person.project_memberships.filter(project__is_public=True)
            .select_related("project__lab")
            .order_by("project__title")
        )
        return context

"""Public pages that draw on several apps: home, site search, and the detail pages of labs, focus areas, partners,
programmes and people (each shows projects, calls or roles kept by other apps)."""

import time
from itertools import groupby

from django.shortcuts import get_object_or_404, render
from django.utils.functional import cached_property
from django.views.generic import DetailView

from alliances.models import ALLIANCE_KINDS
from alliances.selectors import alliance_page_of
from labs.models import FocusArea, JointLab, Organisation, Partnership, Programme
from overview.home import home_page_data
from people.models import Person
from portal.forms import SearchForm
from portal.page_cache import remember_for_content
from portal.redirects import FollowRenamedSlugMixin, renamed
from portal.search import site_search
from portal.structured_data import organisation_data, person_data
from projects.selectors import public_project_counts
from recruitment.selectors import calls_open_to_the_public

LAB_PAGE_PROJECTS = 12
# How long a page part that depends on the clock may be kept: calls open and close, events pass.
CLOCK_SECONDS = 300


def clock():
    """The current stretch of CLOCK_SECONDS: part of the key of fragments that show open calls or coming events."""
    return int(time.time() // CLOCK_SECONDS)


# Leaders shown as cards on a lab page; the rest are a link away (the people list filtered by the lab).
LAB_PAGE_LEADERS = 12


def home(request):
    return render(request, "overview/home.html", home_page_data())


class SearchResults:
    """The results of one query, searched only when the page shows them: the template keeps them as a fragment,
    per query, until public content changes or the clock moves on (calls open and close with it)."""

    def __init__(self, query):
        self.query = query

    @cached_property
    def groups(self):
        return site_search(self.query)

    @cached_property
    def total(self):
        return sum(len(items) for _type, items in self.groups)


def site_search_view(request):
    form = SearchForm(request.GET or None)
    return render(
        request,
        "overview/search.html",
        {
            "form": form,
            "search": SearchResults(form.cleaned_data["q"]) if form.is_valid() else None,
            "clock": clock(),
        },
    )


class LabPageSections:
    """What a lab page shows of its people, focus areas and projects, read on first use."""

    def __init__(self, lab):
        self.lab = lab

    @cached_property
    def _leaders(self):
        return list(
            self.lab.lab_roles.current()
            .leadership()
            .filter(person__is_public=True)
            .select_related("person")
            .order_by("display_order", "person__name")[: LAB_PAGE_LEADERS + 1]
        )

    @property
    def leadership(self):
        return self._leaders[:LAB_PAGE_LEADERS]

    @property
    def more_leaders(self):
        return len(self._leaders) > LAB_PAGE_LEADERS

    @cached_property
    def _counts(self):
        # Counting a busy lab's projects per focus area grew with the data: counted once per content version.
        return remember_for_content(f"lab-project-counts.{self.lab.pk}", lambda: public_project_counts(self.lab))

    @cached_property
    def focus_areas(self):
        areas = list(self.lab.focus_areas.all())
        for area in areas:
            area.project_count = self._counts["areas"].get(area.pk, 0)
        return areas

    @cached_property
    def projects(self):
        # A busy lab has hundreds of projects: show the first ones and link to the filtered list.
        projects = self.lab.projects.public().select_related("lab").order_by("-is_featured", "title")
        return list(projects[:LAB_PAGE_PROJECTS])

    @property
    def project_total(self):
        return self._counts["total"]


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
        context.update(
            # The page's body is a fragment kept per content version and clock (open calls, news and events): leaders,
            # focus areas, projects and the rest are read only when it is not kept.
            sections=LabPageSections(lab),
            clock=clock(),
            partners_by_role=[
                (Partnership.Role(role).label, list(items))
                for role, items in groupby(partnerships, key=lambda p: p.role)
            ],
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

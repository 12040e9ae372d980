from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.generic import DetailView, TemplateView
from django_filters.views import FilterView

from labs.models import Programme
from portal.redirects import FollowRenamedSlugMixin, renamed
from portal.structured_data import person_data

from .filters import PersonFilter
from .models import Call, LabRole, Person


class PersonListView(FilterView):
    filterset_class = PersonFilter
    template_name = "people/person_list.html"
    context_object_name = "people"
    paginate_by = 50

    def get_queryset(self):
        return (
            Person.objects.public()
            .select_related("organisation")
            .prefetch_related(Prefetch("lab_roles", queryset=LabRole.objects.current().select_related("lab")))
            .order_by("name")
        )


class PersonDetailView(FollowRenamedSlugMixin, DetailView):
    template_name = "people/person_detail.html"
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


class CallListView(TemplateView):
    """Programmes and their calls, grouped by what a student can do now."""

    template_name = "people/call_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        calls = Call.objects.published().select_related("programme__lab")
        context.update(
            open_calls=calls.open(now).order_by("closes_at"),
            upcoming_calls=calls.upcoming(now).order_by("opens_at"),
            closed_calls=calls.closed(now).order_by("-closes_at")[:20],
            programmes=_programmes(),
        )
        return context


def _programmes():
    return Programme.objects.select_related("lab").order_by("lab__name", "name")


class CallDetailView(DetailView):
    template_name = "people/call_detail.html"
    context_object_name = "call"

    def get_object(self, queryset=None):
        return get_object_or_404(Call.objects.published().select_related("programme__lab"), slug=self.kwargs["slug"])

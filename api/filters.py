"""Filters of the API lists that have no filter form on the public site (labs, focus areas, programmes, calls).

The lists that do (projects, people, partners) use the public pages' own FilterSets, so a filter means the same on
the page and in the API. These follow the same pattern: PublicFilterSet, KeywordFilter on the language shown, and
labs named by slug.
"""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from labs.models import FocusArea, JointLab, Programme
from portal.filters import KeywordFilter, PublicFilterSet
from recruitment.models import Call


def lab_filter(field_name="lab"):
    return django_filters.ModelChoiceFilter(
        label=_("Lab"), field_name=field_name, queryset=JointLab.objects.all(), to_field_name="slug"
    )


class LabFilter(PublicFilterSet):
    q = KeywordFilter(fields=["name", "short_name", "tagline", "summary"])
    status = django_filters.ChoiceFilter(label=_("Status"), choices=JointLab.Status.choices)

    class Meta:
        model = JointLab
        fields = []


class FocusAreaFilter(PublicFilterSet):
    q = KeywordFilter(fields=["name", "summary", "description"])
    lab = lab_filter()

    class Meta:
        model = FocusArea
        fields = []


class ProgrammeFilter(PublicFilterSet):
    q = KeywordFilter(fields=["name", "description"])
    lab = lab_filter()
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Programme.Kind.choices)

    class Meta:
        model = Programme
        fields = []


class CallFilter(PublicFilterSet):
    """Open, upcoming and closed come from the calls' own queryset (derived from the clock, never stored)."""

    q = KeywordFilter(fields=["title", "description", "eligibility"])
    lab = lab_filter("programme__lab")
    kind = django_filters.ChoiceFilter(label=_("Kind"), field_name="programme__kind", choices=Programme.Kind.choices)
    state = django_filters.ChoiceFilter(label=_("State"), choices=Call.State.choices, method="filter_state")

    class Meta:
        model = Call
        fields = []

    def filter_state(self, queryset, name, value):
        now = timezone.now()
        return {
            Call.State.OPEN: queryset.open,
            Call.State.UPCOMING: queryset.upcoming,
            Call.State.CLOSED: queryset.closed,
        }[value](now)

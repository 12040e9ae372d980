"""portal.filters.PublicFilterSet: each request gets filters of its own (shallow copies, not django-filter's deep
copies) and a form class built once per FilterSet class; nothing chosen in one request reaches the next."""

from datetime import timedelta

import pytest
from django.utils import timezone

from api.filters import CallFilter
from projects.filters import ProjectFilter
from tests import factories

pytestmark = pytest.mark.django_db


def test_each_request_has_its_own_filters_and_the_declared_ones_stay_untouched():
    first, second = ProjectFilter({"status": "active"}), ProjectFilter({"status": "completed"})
    assert first.filters["status"] is not second.filters["status"]
    assert first.filters["lab"].extra is not ProjectFilter.base_filters["lab"].extra
    assert (first.form.is_valid(), second.form.is_valid()) == (True, True)
    assert (first.form.cleaned_data["status"], second.form.cleaned_data["status"]) == ("active", "completed")
    assert not hasattr(ProjectFilter.base_filters["status"], "_field")


def test_the_form_class_is_built_once_but_each_request_has_its_own_fields():
    first, second = ProjectFilter({}), ProjectFilter({})
    assert type(first.form) is type(second.form)
    assert first.form.fields["lab"] is not second.form.fields["lab"]
    assert first.form.fields["lab"].queryset is not second.form.fields["lab"].queryset


def test_a_lab_added_after_the_form_class_was_built_can_be_chosen():
    ProjectFilter({}).form  # noqa: B018 (builds the class)
    lab = factories.JointLabFactory(slug="new-lab")
    form = ProjectFilter({"lab": "new-lab"}).form
    assert form.is_valid() and form.cleaned_data["lab"] == lab


def test_a_method_filter_calls_the_method_of_its_own_filterset():
    now = timezone.now()
    open_call = factories.CallFactory()
    closed_call = factories.CallFactory(opens_at=now - timedelta(days=60), closes_at=now - timedelta(days=1))
    open_calls, closed_calls = CallFilter({"state": "open"}), CallFilter({"state": "closed"})
    assert open_calls.filters["state"].filter.f is open_calls.filters["state"]
    assert CallFilter.base_filters["state"].filter.f is CallFilter.base_filters["state"]
    assert (list(open_calls.qs), list(closed_calls.qs)) == ([open_call], [closed_call])

"""Staff manage calls, applications and reviews in the admin: every page loads in a steady number of queries (there
is no add form for applications: they come from students), and the call list filters by the call's state."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from recruitment.models import Application
from tests import factories

pytestmark = pytest.mark.django_db
MODELS = factories.admin_factories("recruitment")


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_changelist_query_count_does_not_grow_with_rows(admin_changelist_is_steady, model):
    admin_changelist_is_steady(model)


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_change_and_add_forms_load_with_a_steady_query_count(admin_forms_are_steady, model):
    admin_forms_are_steady(model, add_form=model is not Application)


def test_call_list_filters_by_derived_state(admin_client):
    now = timezone.now()
    factories.CallFactory(title="Open call")
    factories.CallFactory(
        title="Closed call", opens_at=now - datetime.timedelta(days=60), closes_at=now - datetime.timedelta(days=1)
    )
    response = admin_client.get(reverse("admin:recruitment_call_changelist"), {"state": "closed"})
    titles = [call.title for call in response.context["cl"].result_list]
    assert titles == ["Closed call"]

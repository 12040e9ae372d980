"""Staff manage people, their lab roles and staff lab access in the admin: every page loads in a steady number of
queries, search finds people by name, and bulk actions record who changed what."""

import pytest
from django.urls import reverse

from people.models import Person
from tests import factories

pytestmark = pytest.mark.django_db
MODELS = factories.admin_factories("people")


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_changelist_query_count_does_not_grow_with_rows(admin_changelist_is_steady, model):
    admin_changelist_is_steady(model)


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_change_and_add_forms_load_with_a_steady_query_count(admin_forms_are_steady, model):
    admin_forms_are_steady(model)


@pytest.mark.parametrize("model", [Person], ids=lambda model: model.__name__)
def test_admin_search_finds_by_name(admin_search_finds_by_name, model):
    admin_search_finds_by_name(model)


def test_bulk_actions_record_who_changed_what(admin_client, superuser):
    hidden = factories.PersonFactory(is_public=False)
    response = admin_client.post(
        reverse("admin:people_person_changelist"),
        {"action": "people_set_public_on", "_selected_action": [hidden.pk]},
        follow=True,
    )
    assert "1 people are now public." in response.content.decode()
    hidden.refresh_from_db()
    assert hidden.is_public
    assert hidden.history.latest().history_user == superuser

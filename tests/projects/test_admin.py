"""Staff manage projects and their members in the admin: every page loads in a steady number of queries, and
search finds projects by name."""

import pytest

from projects.models import Project
from tests import factories

pytestmark = pytest.mark.django_db
MODELS = factories.admin_factories("projects")


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_changelist_query_count_does_not_grow_with_rows(admin_changelist_is_steady, model):
    admin_changelist_is_steady(model)


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_change_and_add_forms_load_with_a_steady_query_count(admin_forms_are_steady, model):
    admin_forms_are_steady(model)


@pytest.mark.parametrize("model", [Project], ids=lambda model: model.__name__)
def test_admin_search_finds_by_name(admin_search_finds_by_name, model):
    admin_search_finds_by_name(model)

"""The admin site: every model staff manage has its pages, the outbox's among them, under the portal's name."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, User

from tests import factories

pytestmark = pytest.mark.django_db


def test_every_portal_model_has_an_admin():
    ours = {
        model
        for model in admin.site._registry
        if model._meta.app_label
        in {"labs", "people", "projects", "news", "events", "challenges", "recruitment", "alliances", "portal"}
    }
    assert ours == set(factories.ADMIN_FACTORIES)  # and so each app's test_admin.py checks its pages
    assert {User, Group} <= set(admin.site._registry)


def test_admin_header_names_the_portal(admin_client):
    assert "Joint Lab Portal administration" in admin_client.get("/admin/").content.decode()


@pytest.mark.parametrize("model", factories.admin_factories("portal"), ids=lambda model: model.__name__)
def test_changelist_query_count_does_not_grow_with_rows(admin_changelist_is_steady, model):
    admin_changelist_is_steady(model)


@pytest.mark.parametrize("model", factories.admin_factories("portal"), ids=lambda model: model.__name__)
def test_change_and_add_forms_load_with_a_steady_query_count(admin_forms_are_steady, model):
    admin_forms_are_steady(model, add_form=False)  # e-mails only come from the outbox

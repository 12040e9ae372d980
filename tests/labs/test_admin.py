"""Staff manage labs, organisations, partnerships, focus areas and programmes in the admin: every page loads in a
steady number of queries, search finds by name, and each edit is kept in the history with who made it."""

import pytest
from django.urls import reverse

from labs.models import JointLab, Organisation
from tests import factories

pytestmark = pytest.mark.django_db
MODELS = factories.admin_factories("labs")


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_changelist_query_count_does_not_grow_with_rows(admin_changelist_is_steady, model):
    admin_changelist_is_steady(model)


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_change_and_add_forms_load_with_a_steady_query_count(admin_forms_are_steady, model):
    admin_forms_are_steady(model)


@pytest.mark.parametrize("model", [JointLab, Organisation], ids=lambda model: model.__name__)
def test_admin_search_finds_by_name(admin_search_finds_by_name, model):
    admin_search_finds_by_name(model)


def test_staff_edit_is_kept_in_the_history(admin_client, superuser):
    lab = factories.JointLabFactory(tagline="Old tagline")
    url = reverse("admin:labs_jointlab_change", args=[lab.pk])
    data = {
        "name_en": lab.name,
        "short_name_en": lab.short_name,
        "slug": lab.slug,
        "status": lab.status,
        "tagline_en": "New tagline",
        "summary_en": lab.summary,
        "locations": "",
        "website": "",
        "established_on": "",
    }
    for prefix in ["partnerships", "focus_areas", "programmes", "lab_roles"]:
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    latest = lab.history.latest()
    assert latest.tagline_en == "New tagline"
    assert latest.history_user == superuser
    assert "New tagline" in admin_client.get(reverse("admin:labs_jointlab_history", args=[lab.pk])).content.decode()

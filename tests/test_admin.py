"""Every admin page staff use loads, and its query count does not grow with the number of rows."""

import pytest
from django.contrib import admin
from django.contrib.admin.templatetags.admin_urls import admin_urlname
from django.contrib.auth.models import Group, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from challenges.models import ChallengeRequest
from labs.models import FocusArea, JointLab, Organisation, Partnership, Programme
from people.models import LabRole, Person, StaffLabAccess
from portal.models import OutboxEmail
from projects.models import Project, ProjectMember
from recruitment.models import Application, Call, Review
from tests import factories

pytestmark = pytest.mark.django_db

FACTORIES = {
    JointLab: factories.JointLabFactory,
    Organisation: factories.OrganisationFactory,
    Partnership: factories.PartnershipFactory,
    FocusArea: factories.FocusAreaFactory,
    Programme: factories.ProgrammeFactory,
    Person: factories.PersonFactory,
    LabRole: factories.LabRoleFactory,
    Call: factories.CallFactory,
    Project: factories.ProjectFactory,
    ProjectMember: factories.ProjectMemberFactory,
    ChallengeRequest: factories.ChallengeRequestFactory,
    OutboxEmail: factories.OutboxEmailFactory,
    Application: factories.ApplicationFactory,
    Review: factories.ReviewFactory,
    StaffLabAccess: factories.StaffLabAccessFactory,
}
# Rows that only arrive from outside (the public form, the outbox): staff have no add form for them.
NO_ADD_FORM = {ChallengeRequest, OutboxEmail, Application}


def count_queries(client, url):
    client.get(url)  # warm the per-process caches (content types, permissions) so both counts compare like with like
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), response


def test_every_portal_model_has_an_admin():
    ours = {
        model
        for model in admin.site._registry
        if model._meta.app_label in {"labs", "people", "projects", "challenges", "recruitment", "portal"}
    }
    assert ours == set(FACTORIES)
    assert {User, Group} <= set(admin.site._registry)


def test_admin_header_names_the_portal(admin_client):
    assert "Joint Lab Portal administration" in admin_client.get("/admin/").content.decode()


@pytest.mark.parametrize("model", FACTORIES, ids=lambda model: model.__name__)
def test_changelist_query_count_does_not_grow_with_rows(admin_client, model):
    url = reverse(admin_urlname(model._meta, "changelist"))
    FACTORIES[model].create_batch(5)
    five, _ = count_queries(admin_client, url)
    FACTORIES[model].create_batch(45)
    fifty, response = count_queries(admin_client, url)
    assert fifty == five
    assert f"50 {model._meta.verbose_name_plural}" in response.content.decode()


@pytest.mark.parametrize("model", FACTORIES, ids=lambda model: model.__name__)
def test_change_and_add_forms_load_with_a_steady_query_count(admin_client, model):
    first = FACTORIES[model]()
    FACTORIES[model].create_batch(4)
    change_url = reverse(admin_urlname(model._meta, "change"), args=[first.pk])
    add_url = reverse(admin_urlname(model._meta, "add"))
    history_url = reverse(admin_urlname(model._meta, "history"), args=[first.pk])
    change_five, _ = count_queries(admin_client, change_url)
    count_queries(admin_client, history_url)
    if model in NO_ADD_FORM:
        assert admin_client.get(add_url).status_code == 403
    else:
        add_five, _ = count_queries(admin_client, add_url)
    FACTORIES[model].create_batch(45)
    assert count_queries(admin_client, change_url)[0] == change_five
    if model not in NO_ADD_FORM:
        assert count_queries(admin_client, add_url)[0] == add_five


@pytest.mark.parametrize("model", [JointLab, Organisation, Person, Project], ids=lambda model: model.__name__)
def test_admin_search_finds_by_name(admin_client, model):
    FACTORIES[model].create_batch(3)
    target = FACTORIES[model]()
    label = str(target)
    response = admin_client.get(reverse(admin_urlname(model._meta, "changelist")), {"q": label})
    assert response.status_code == 200
    assert response.context["cl"].result_count == 1


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


def test_call_list_filters_by_derived_state(admin_client):
    import datetime

    from django.utils import timezone

    now = timezone.now()
    factories.CallFactory(title="Open call")
    factories.CallFactory(
        title="Closed call", opens_at=now - datetime.timedelta(days=60), closes_at=now - datetime.timedelta(days=1)
    )
    response = admin_client.get(reverse("admin:recruitment_call_changelist"), {"state": "closed"})
    titles = [call.title for call in response.context["cl"].result_list]
    assert titles == ["Closed call"]

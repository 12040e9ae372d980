"""Role × model × action × own lab / other lab: each cell of the staff scoping rule, with data that could leak."""

import pytest
from django.contrib.admin.templatetags.admin_urls import admin_urlname
from django.urls import reverse

from alliances.models import AlliancePage, MembershipApplication
from challenges.models import ChallengeRequest
from events.models import Event, Registration
from labs.models import FocusArea, JointLab, Partnership, Programme
from news.models import NewsArticle
from people.models import LabRole
from people.roles import ADMIN, EDITOR, LAB_MANAGER, REVIEWER
from people.staff import staff_add
from projects.models import Project, ProjectMember
from recruitment.models import Application, Call
from tests import factories
from tests.files import pdf

pytestmark = pytest.mark.django_db

CONTENT = [
    JointLab, FocusArea, Programme, Partnership, LabRole, Call, Project, ProjectMember, AlliancePage, NewsArticle, Event
]  # fmt: skip
SUBMISSIONS = [ChallengeRequest, Application, MembershipApplication, Registration]
ROLES = [ADMIN, LAB_MANAGER, EDITOR, REVIEWER]


def make(model, lab):
    """One record of `model` belonging to `lab`."""
    if model is JointLab:
        return lab
    if model is ChallengeRequest:
        return factories.ChallengeRequestFactory(lab=lab)
    if model is Application:
        return factories.ApplicationFactory(call__programme__lab=lab)
    if model is Call:
        return factories.CallFactory(programme__lab=lab)
    if model is AlliancePage:
        return factories.AlliancePageFactory(programme__lab=lab)
    if model is MembershipApplication:
        return factories.MembershipApplicationFactory(
            programme=factories.AlliancePageFactory(programme__lab=lab).programme
        )
    if model is ProjectMember:
        return factories.ProjectMemberFactory(project__lab=lab)
    if model is Registration:
        return factories.RegistrationFactory(event__lab=lab)
    return {
        FocusArea: factories.FocusAreaFactory,
        Programme: factories.ProgrammeFactory,
        Partnership: factories.PartnershipFactory,
        LabRole: factories.LabRoleFactory,
        Project: factories.ProjectFactory,
        NewsArticle: factories.NewsArticleFactory,
        Event: factories.EventFactory,
    }[model](lab=lab)


@pytest.fixture
def world():
    own, other = factories.JointLabFactory(slug="own-lab"), factories.JointLabFactory(slug="other-lab")
    records = {model: {"own": make(model, own), "other": make(model, other)} for model in CONTENT + SUBMISSIONS}
    users = {
        ADMIN: staff_add(email="admin@example.org", role=ADMIN)[0],
        LAB_MANAGER: staff_add(email="manager@example.org", role=LAB_MANAGER, lab_slugs=["own-lab"])[0],
        EDITOR: staff_add(email="editor@example.org", role=EDITOR, lab_slugs=["own-lab"])[0],
        REVIEWER: staff_add(email="reviewer@example.org", role=REVIEWER)[0],
    }
    # The reviewer is assigned the own lab's application only.
    records[Application]["own"].reviewers.add(users[REVIEWER])
    return {"own": own, "other": other, "records": records, "users": users}


def may_see(role, model, whose):
    if role == ADMIN:
        return True
    if role == REVIEWER:
        return model is Application and whose == "own"
    if role == EDITOR:
        return model in CONTENT and whose == "own"
    return whose == "own"  # lab manager: content and submissions of their lab


def may_open_list(role, model):
    if role in (ADMIN, LAB_MANAGER):
        return True
    if role == EDITOR:
        return model in CONTENT
    return model is Application


CELLS = [(role, model, whose) for role in ROLES for model in CONTENT + SUBMISSIONS for whose in ("own", "other")]


def ids(cell):
    role, model, whose = cell
    return f"{role}-{model.__name__}-{whose}"


@pytest.mark.parametrize("cell", CELLS, ids=ids)
def test_changelist_and_search(client, world, cell):
    role, model, whose = cell
    client.force_login(world["users"][role])
    record = world["records"][model][whose]
    url = reverse(admin_urlname(model._meta, "changelist"))
    response = client.get(url)
    if not may_open_list(role, model):
        assert response.status_code == 403
        return
    change_url = reverse(admin_urlname(model._meta, "change"), args=[record.pk])
    assert (change_url in response.content.decode()) == may_see(role, model, whose)
    if model in SUBMISSIONS:
        searched = client.get(url, {"q": record.reference}).content.decode()
        assert (change_url in searched) == may_see(role, model, whose)


@pytest.mark.parametrize("cell", CELLS, ids=ids)
def test_change_history_and_delete_pages(client, world, cell):
    role, model, whose = cell
    client.force_login(world["users"][role])
    record = world["records"][model][whose]
    for view in ("change", "history", "delete"):
        response = client.get(reverse(admin_urlname(model._meta, view), args=[record.pk]))
        if role == REVIEWER and model is Application and view == "history":
            assert response.status_code == 403  # the history lists staff notes; reviewers never see it
        elif may_see(role, model, whose):
            # Deleting needs its own permission, which not every role has for every model.
            assert response.status_code in ((200, 403) if view == "delete" else (200,)), (view, response.status_code)
        else:
            # Never the record: a 403, a 404, or the admin's redirect to its index.
            assert response.status_code in (302, 403, 404), (view, response.status_code)
            if response.status_code == 302:
                assert response["Location"] == "/admin/"


@pytest.mark.parametrize("role", ROLES)
def test_autocomplete_offers_only_own_labs(client, world, role):
    client.force_login(world["users"][role])
    response = client.get(
        "/admin/autocomplete/", {"app_label": "projects", "model_name": "project", "field_name": "lab", "term": ""}
    )
    if role in (REVIEWER,):
        assert response.status_code == 403
        return
    slugs = {item["text"] for item in response.json()["results"]}
    names = {world["own"].name, world["other"].name}
    expected = names if role == ADMIN else {world["own"].name}
    assert slugs & names == expected


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("model", SUBMISSIONS, ids=lambda model: model.__name__)
def test_exports_are_scoped(client, world, role, model):
    client.force_login(world["users"][role])
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_export")
    response = client.get(url)
    if not may_open_list(role, model):
        assert response.status_code in (403, 404)
        return
    text = response.content.decode("utf-8-sig")
    for whose in ("own", "other"):
        assert (world["records"][model][whose].reference in text) == may_see(role, model, whose)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("whose", ["own", "other"])
def test_file_downloads_are_scoped(client, world, role, whose):
    client.force_login(world["users"][role])
    application = world["records"][Application][whose]
    cv = client.get(reverse("admin:recruitment_application_document", args=[application.pk, "cv"]))
    assert (cv.status_code == 200) == may_see(role, Application, whose)
    challenge = world["records"][ChallengeRequest][whose]
    attachment = challenge.attachments.create(original_name="a.pdf", kind="pdf", size=10, file=pdf())
    download = client.get(reverse("admin:challenges_challengerequest_attachment", args=[challenge.pk, attachment.pk]))
    assert (download.status_code == 200) == may_see(role, ChallengeRequest, whose)


@pytest.mark.parametrize("role", ROLES)
def test_actions_cannot_reach_other_labs_records(client, world, role):
    client.force_login(world["users"][role])
    other = world["records"][Application]["other"]
    client.post(
        reverse("admin:recruitment_application_changelist"),
        {"action": "move_to_rejected", "_selected_action": [other.pk]},
    )
    other.refresh_from_db()
    assert (other.status == "rejected") == (role == ADMIN)


def test_a_request_with_no_lab_is_for_administrators_only(client, world):
    unrouted = factories.ChallengeRequestFactory(lab=None, preferred_lab=None)
    chosen = factories.ChallengeRequestFactory(lab=None, preferred_lab=world["own"])
    url = reverse("admin:challenges_challengerequest_changelist")
    client.force_login(world["users"][LAB_MANAGER])
    html = client.get(url).content.decode()
    assert f"/{chosen.pk}/change/" in html and f"/{unrouted.pk}/change/" not in html
    client.force_login(world["users"][ADMIN])
    assert f"/{unrouted.pk}/change/" in client.get(url).content.decode()


def test_a_lab_manager_can_only_pick_their_own_lab(client, world):
    client.force_login(world["users"][LAB_MANAGER])
    form = client.get(reverse("admin:labs_focusarea_add")).context["adminform"].form
    assert list(form.fields["lab"].queryset) == [world["own"]]
    response = client.post(
        reverse("admin:labs_focusarea_add"), {"lab": world["other"].pk, "name": "Sneaky", "slug": "sneaky", "order": 0}
    )
    assert response.status_code == 200 and not FocusArea.objects.filter(slug="sneaky").exists()


def test_only_administrators_read_the_outbox(client, world):
    email = factories.OutboxEmailFactory(subject="A message with a private link")
    url = reverse("admin:portal_outboxemail_changelist")
    for role in ROLES:
        client.force_login(world["users"][role])
        response = client.get(url)
        assert (response.status_code == 200) == (role == ADMIN), role
        assert (email.subject in response.content.decode()) == (role == ADMIN), role

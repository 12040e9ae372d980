"""The admin home as each role's workspace: what waits for them, counted as the lists they link to count it; the
apps grouped by workflow, technical ones for superusers only; every admin list open to a role answers, with filters
that offer only the user's labs."""

import datetime

import pytest
from django.contrib import admin
from django.contrib.admin.templatetags.admin_urls import admin_urlname
from django.urls import reverse
from django.utils import timezone

from challenges.services import challenge_message_from_enterprise
from people.roles import ADMIN, EDITOR, LAB_MANAGER, REVIEWER
from people.staff import staff_add
from recruitment.services import application_message_from_student
from tests import factories
from tests.portal.test_scoping_matrix import CONTENT, SUBMISSIONS, make

pytestmark = pytest.mark.django_db

ROLES = [ADMIN, LAB_MANAGER, REVIEWER]
EXPECTED_TASKS = {
    ADMIN: {
        "challenges_to_triage",
        "challenge_messages",
        "application_messages",
        "offers",
        "attendance",
        "memberships",
    },
    LAB_MANAGER: {
        "challenges_to_triage",
        "challenge_messages",
        "application_messages",
        "offers",
        "reviews_due",
        "attendance",
        "memberships",
    },
    REVIEWER: {"reviews_due"},
}


def seed(own, other, users, n):
    """n of each kind of work in each lab, and as much that is not work (decided, answered, reviewed)."""
    past_event = {
        lab: factories.EventFactory(lab=lab, starts_at=timezone.now() - datetime.timedelta(days=3))
        for lab in (own, other)
    }
    alliance = {lab: factories.AlliancePageFactory(programme__lab=lab).programme for lab in (own, other)}
    for lab in (own, other):
        for _i in range(n):
            factories.ChallengeRequestFactory(lab=lab)  # submitted: to triage
            asked = factories.ChallengeRequestFactory(lab=lab, status="under_review")
            challenge_message_from_enterprise(challenge=asked, body="Any news?")
            application = factories.ApplicationFactory(call__programme__lab=lab, status="under_review")
            application_message_from_student(application=application, body="I added my transcript.")
            factories.ApplicationFactory(call__programme__lab=lab, status="offered")
            factories.ApplicationFactory(call__programme__lab=lab, status="rejected")
            for reviewer in (users[REVIEWER], users[LAB_MANAGER]):
                due = factories.ApplicationFactory(call__programme__lab=lab)
                due.reviewers.add(reviewer)
                done = factories.ApplicationFactory(call__programme__lab=lab)
                done.reviewers.add(reviewer)
                factories.ReviewFactory(application=done, reviewer=reviewer)
            factories.RegistrationFactory(event=past_event[lab])  # attendance to record
            factories.RegistrationFactory(event=past_event[lab], status="attended")
            factories.RegistrationFactory(event=factories.EventFactory(lab=lab))  # upcoming: nothing to do yet
            factories.MembershipApplicationFactory(programme=alliance[lab])
            factories.MembershipApplicationFactory(programme=alliance[lab], status="under_review")
            factories.MembershipApplicationFactory(programme=alliance[lab], status="approved")


@pytest.fixture
def world():
    own = factories.JointLabFactory(slug="own-lab", name="Own Vision Laboratory", short_name="OVL")
    other = factories.JointLabFactory(slug="other-lab", name="Zeta Other Laboratory", short_name="ZOL")
    users = {
        ADMIN: staff_add(email="admin@example.org", role=ADMIN)[0],
        LAB_MANAGER: staff_add(email="manager@example.org", role=LAB_MANAGER, lab_slugs=["own-lab"])[0],
        EDITOR: staff_add(email="editor@example.org", role=EDITOR, lab_slugs=["own-lab"])[0],
        REVIEWER: staff_add(email="reviewer@example.org", role=REVIEWER)[0],
    }
    return {"own": own, "other": other, "users": users}


def tasks_of(client):
    response = client.get("/admin/")
    assert response.status_code == 200
    return {task.key: task for task in response.context["workspace_tasks"]}


@pytest.mark.parametrize("role", ROLES)
def test_every_figure_equals_the_list_it_links_to(client, world, role):
    seed(world["own"], world["other"], world["users"], n=2)
    client.force_login(world["users"][role])
    tasks = tasks_of(client)
    assert set(tasks) == EXPECTED_TASKS[role]
    for task in tasks.values():
        listed = client.get(task.url)
        assert listed.status_code == 200, task.url
        assert listed.context["cl"].result_count == task.count, (task.key, task.url)
        assert f'href="{task.url.replace("&", "&amp;")}"' in client.get("/admin/").content.decode()


def test_a_lab_manager_counts_their_labs_work_only(client, world):
    seed(world["own"], world["other"], world["users"], n=2)
    client.force_login(world["users"][LAB_MANAGER])
    counts = {key: task.count for key, task in tasks_of(client).items()}
    # Two of each in their lab; the memberships to decide are the submitted and the under-review ones.
    assert counts == {
        "challenges_to_triage": 2,
        "challenge_messages": 2,
        "application_messages": 2,
        "offers": 2,
        "reviews_due": 2,  # their own lab's; the other lab's they review are on the dashboard
        "attendance": 2,
        "memberships": 4,
    }


def test_an_administrator_counts_every_lab(client, world):
    seed(world["own"], world["other"], world["users"], n=2)
    client.force_login(world["users"][ADMIN])
    counts = {key: task.count for key, task in tasks_of(client).items()}
    assert counts["challenges_to_triage"] == 4 and counts["offers"] == 4 and counts["memberships"] == 8


def test_a_reviewer_sees_only_the_reviews_due_from_them(client, world):
    seed(world["own"], world["other"], world["users"], n=2)
    client.force_login(world["users"][REVIEWER])
    tasks = tasks_of(client)
    assert {key: task.count for key, task in tasks.items()} == {"reviews_due": 4}  # both labs' assignments


def test_a_review_saved_leaves_the_reviews_due(client, world):
    application = factories.ApplicationFactory(call__programme__lab=world["own"])
    application.reviewers.add(world["users"][REVIEWER])
    client.force_login(world["users"][REVIEWER])
    assert tasks_of(client)["reviews_due"].count == 1
    factories.ReviewFactory(application=application, reviewer=world["users"][REVIEWER])
    assert tasks_of(client)["reviews_due"].count == 0


@pytest.mark.parametrize("role", ROLES)
def test_the_workspace_costs_the_same_queries_at_two_sizes(client, world, role, count_queries):
    seed(world["own"], world["other"], world["users"], n=1)
    client.force_login(world["users"][role])
    small = count_queries(client, "/admin/")
    seed(world["own"], world["other"], world["users"], n=2)
    assert count_queries(client, "/admin/") == small


def group_names(client):
    return {
        group["key"]: [model["object_name"] for model in group["models"]]
        for group in client.get("/admin/").context["app_groups"]
    }


def test_a_lab_manager_sees_the_apps_grouped_by_workflow_without_technical_ones(client, world):
    client.force_login(world["users"][LAB_MANAGER])
    groups = group_names(client)
    assert list(groups) == ["content", "challenges", "recruitment", "events"]
    assert "ChallengeRequest" in groups["challenges"] and "Application" in groups["recruitment"]
    assert "Registration" in groups["events"] and "MembershipApplication" in groups["events"]
    html = client.get("/admin/").content.decode()
    assert "Axes" not in html and "Tasks" not in html
    assert 'class="workspace-dashboard-link" href="/admin/dashboard/"' in html


def test_a_reviewer_sees_recruitment_only(client, world):
    client.force_login(world["users"][REVIEWER])
    assert list(group_names(client)) == ["recruitment"]


def test_a_portal_administrator_gets_settings_but_no_technical_models(client, world):
    client.force_login(world["users"][ADMIN])
    groups = group_names(client)
    assert "User" in groups["settings"] and "Group" in groups["settings"]
    assert "technical" not in groups


def test_a_superuser_also_gets_the_technical_models(admin_client):
    groups = group_names(admin_client)
    assert list(groups)[-1] == "technical"
    assert {"AccessAttempt", "OutboxEmail", "DBTaskResult"} <= set(groups["technical"])


# --- every admin list a role may open answers, and its filters offer only the user's labs ------------------------


@pytest.fixture
def records(world):
    for model in CONTENT + SUBMISSIONS:
        make(model, world["own"]), make(model, world["other"])
    return world


@pytest.mark.parametrize("role", [ADMIN, LAB_MANAGER, EDITOR, REVIEWER])
def test_every_admin_list_a_role_may_open_answers(client, records, role):
    """The lists the admin offers a role (its home's app list) open; every other registered list is refused."""
    client.force_login(records["users"][role])
    offered = {model["admin_url"] for app in client.get("/admin/").context["app_list"] for model in app["models"]}
    for model in admin.site._registry:
        url = reverse(admin_urlname(model._meta, "changelist"))
        response = client.get(url)
        assert response.status_code == (200 if url in offered else 403), model
        if url in offered and role in (LAB_MANAGER, EDITOR):
            # Not in a row, not in a filter's choices: a scoped user's lists never name the other lab.
            html = response.content.decode()
            assert "Zeta Other Laboratory" not in html and "ZOL" not in html, model
    assert len(offered) >= {ADMIN: 20, LAB_MANAGER: 15, EDITOR: 12, REVIEWER: 1}[role]


def test_an_administrator_filters_by_any_lab(client, records):
    client.force_login(records["users"][ADMIN])
    html = client.get(reverse("admin:challenges_challengerequest_changelist")).content.decode()
    assert "Zeta Other Laboratory" in html or "ZOL" in html

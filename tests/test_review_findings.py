"""Leaks and crashes a code review found; each test reproduces its scenario."""

import io
import zlib

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from challenges.matching import suggest_matches
from people.roles import LAB_MANAGER
from people.staff import staff_add
from tests import factories
from tests.files import pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_labs():
    return factories.JointLabFactory(slug="own"), factories.JointLabFactory(slug="other")


@pytest.fixture
def manager(client, two_labs):
    user = staff_add(email="manager@example.org", role=LAB_MANAGER, lab_slugs=["own"])[0]
    client.force_login(user)
    return user


def test_suggested_matches_never_offer_another_labs_private_projects_or_hidden_people(two_labs):
    own, other = two_labs
    factories.ProjectFactory(lab=other, title="Hush turbine coating", is_public=False)
    factories.ProjectFactory(lab=own, title="Own turbine coating", is_public=False)
    factories.ProjectFactory(lab=other, title="Public turbine coating")
    factories.LabRoleFactory(
        lab=other, person__name="Hidden Turbine", person__position="turbine coating", person__is_public=False
    )
    challenge = factories.ChallengeRequestFactory(
        lab=own, title="Turbine coating wear", problem_statement="turbine coating"
    )
    matches = suggest_matches(challenge)
    titles = {match.obj.title for match in matches["projects"]}
    assert titles == {"Own turbine coating", "Public turbine coating"}
    assert "Hidden Turbine" not in {match.obj.name for match in matches["people"]}


def test_only_own_lab_projects_can_be_linked_when_converting(client, manager, two_labs):
    own, other = two_labs
    mine = factories.ProjectFactory(lab=own, title="Own project")
    theirs = factories.ProjectFactory(lab=other, title="Secret other project", is_public=False)
    challenge = factories.ChallengeRequestFactory(lab=own, status="in_discussion")
    url = reverse("admin:challenges_challengerequest_change", args=[challenge.pk])
    form = client.get(url).context["adminform"].form
    assert list(form.fields["link_project"].queryset) == [mine]
    assert "Secret other project" not in client.get(url).content.decode()
    assert theirs.pk


def test_a_lab_manager_saving_a_request_keeps_links_they_cannot_see(client, manager, two_labs):
    own, other = two_labs
    own_area, other_area = factories.FocusAreaFactory(lab=own), factories.FocusAreaFactory(lab=other)
    challenge = factories.ChallengeRequestFactory(lab=own)
    challenge.focus_areas.add(own_area, other_area)
    url = reverse("admin:challenges_challengerequest_change", args=[challenge.pk])
    data = {
        "lab": own.pk,
        "focus_areas": [own_area.pk],
        "internal_notes": "triaged",
        "move_to": "",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
        "portal-statuschange-content_type-object_id-TOTAL_FORMS": "0",
        "portal-statuschange-content_type-object_id-INITIAL_FORMS": "0",
    }
    assert client.post(url, data).status_code == 302
    assert set(challenge.focus_areas.all()) == {own_area, other_area}


@pytest.fixture
def reviewer(client):
    user = factories.StaffUserFactory(username="reviewer")
    codenames = ["view_application", "review_application", "add_review", "change_review", "view_review"]
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    client.force_login(user)
    return user


def test_blind_review_cannot_be_bypassed_with_url_filters(client, reviewer):
    application = factories.ApplicationFactory(name="Alice Wong", call__blind_review=True)
    application.reviewers.add(reviewer)
    url = reverse("admin:recruitment_application_changelist")
    for lookup in ("name__istartswith", "email__icontains", "phone__contains"):
        assert client.get(url, {lookup: "a"}).status_code == 400, lookup
    assert client.get(reverse("admin:recruitment_application_export"), {"name__istartswith": "ali"}).status_code == 400


def test_reviewers_do_not_see_history_or_other_reviewers_scores(client, reviewer):
    application = factories.ApplicationFactory(internal_notes="Candidate is the dean's nephew")
    application.reviewers.add(reviewer)
    factories.ReviewFactory(application=application, score=2)  # someone else's
    assert client.get(reverse("admin:recruitment_application_history", args=[application.pk])).status_code == 403
    changelist = client.get(reverse("admin:recruitment_application_changelist"))
    assert "average score" not in changelist.content.decode().lower()
    by_score = client.get(reverse("admin:recruitment_application_changelist"), {"average": "0-3"})
    assert by_score.status_code == 302 and by_score["Location"].endswith("?e=1")  # no such filter for reviewers
    export = client.get(reverse("admin:recruitment_application_export")).content.decode("utf-8-sig")
    assert "average_score" not in export.splitlines()[0]


def test_an_odd_focus_area_parameter_is_ignored(client):
    assert client.get("/challenges/submit/", {"focus_area": "²"}).status_code == 200


def test_a_pdf_that_unpacks_to_gigabytes_is_refused_quickly(client, _test_storages):
    bomb = zlib.compress(b"\0" * (40 * 1024 * 1024), 9)
    content = b"%PDF-1.5\n4 0 obj<</Filter/FlateDecode>>stream\n" + bomb + b"\nendstream\nendobj\n%%EOF\n"
    from tests.projects.test_challenge_submission import valid_data

    response = client.post("/challenges/submit/", valid_data(attachments=[pdf("bomb.pdf", content)]))
    assert "“bomb.pdf” could not be checked" in " ".join(response.context["form"].errors["attachments"])
    assert io.BytesIO(content).getbuffer().nbytes < 200_000


@pytest.mark.parametrize("name", ["challenges_challengerequest_export", "recruitment_application_export"])
def test_exports_with_a_bad_filter_go_back_to_the_list(admin_client, name):
    response = admin_client.get(reverse(f"admin:{name}"), {"submitted_at__gte": "notadate"})
    assert response.status_code == 302 and response["Location"].endswith("?e=1")

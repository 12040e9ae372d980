"""Suggestions on a request's admin page: links with one click to add them or mark them unhelpful, only for
staff who may edit that request and only for records that may be suggested for it."""

import pytest
from django.urls import reverse

from challenges.models import SuggestionFeedback
from portal.ranking import embedding
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def turbine_request(two_labs):
    own, _other = two_labs
    project = factories.ProjectFactory(lab=own, title="Turbine blade coating wear")
    challenge = factories.ChallengeRequestFactory(
        lab=own, title="Coating wear on turbine blades", problem_statement="Our turbine blade coating wears fast."
    )
    return challenge, project


def change_url(challenge):
    return reverse("admin:challenges_challengerequest_change", args=[challenge.pk])


def suggestion_url(challenge):
    return reverse("admin:challenges_challengerequest_suggestion", args=[challenge.pk])


def test_suggestions_are_links_with_buttons_that_post_to_the_suggestion_view(client, manager, turbine_request):
    challenge, project = turbine_request
    page = client.get(change_url(challenge)).content.decode()
    assert reverse("admin:projects_project_change", args=[project.pk]) in page
    assert f'formaction="{suggestion_url(challenge)}"' in page
    assert f'value="add:projects:{project.pk}"' in page


def test_one_click_adds_a_suggested_project_to_the_matched_projects(client, manager, turbine_request):
    challenge, project = turbine_request
    response = client.post(suggestion_url(challenge), {"suggestion": f"add:projects:{project.pk}"})
    assert response.status_code == 302
    assert list(challenge.matched_projects.all()) == [project]
    assert SuggestionFeedback.objects.get().verdict == "added"


def test_one_click_assigns_a_suggested_lab(client, manager, turbine_request, two_labs):
    challenge, _project = turbine_request
    own, _other = two_labs
    challenge.lab = None
    challenge.preferred_lab = own
    challenge.save()
    client.post(suggestion_url(challenge), {"suggestion": f"add:labs:{own.pk}"})
    challenge.refresh_from_db()
    assert challenge.lab == own


def test_an_unhelpful_mark_is_kept_and_the_record_is_not_suggested_again(client, manager, turbine_request):
    challenge, project = turbine_request
    client.post(suggestion_url(challenge), {"suggestion": f"unhelpful:projects:{project.pk}"})
    feedback = SuggestionFeedback.objects.get()
    assert (feedback.object_id, feedback.verdict, feedback.marked_by) == (project.pk, "unhelpful", manager)
    assert f'value="add:projects:{project.pk}"' not in client.get(change_url(challenge)).content.decode()


def test_another_labs_private_project_cannot_be_added_by_a_forged_post(client, manager, turbine_request, two_labs):
    challenge, _project = turbine_request
    _own, other = two_labs
    secret = factories.ProjectFactory(lab=other, title="Turbine coating secret", is_public=False)
    client.post(suggestion_url(challenge), {"suggestion": f"add:projects:{secret.pk}"})
    assert not challenge.matched_projects.exists()
    assert not SuggestionFeedback.objects.exists()


def test_a_manager_of_another_lab_cannot_act_on_the_request(client, two_labs):
    from people.roles import LAB_MANAGER
    from people.staff import staff_add

    _own, other = two_labs
    challenge = factories.ChallengeRequestFactory(lab=other, title="Turbine", problem_statement="Turbine coating.")
    project = factories.ProjectFactory(lab=other, title="Turbine coating")
    client.force_login(staff_add(email="m@example.org", role=LAB_MANAGER, lab_slugs=["own"])[0])
    assert client.post(suggestion_url(challenge), {"suggestion": f"add:projects:{project.pk}"}).status_code == 404
    assert not challenge.matched_projects.exists()


@pytest.mark.parametrize("value", ["", "add", "add:projects:", "add:projects:²", "drop:projects:1", "add:users:1"])
def test_malformed_posts_are_refused_with_a_message(admin_client, turbine_request, value):
    challenge, _project = turbine_request
    response = admin_client.post(suggestion_url(challenge), {"suggestion": value}, follow=True)
    assert "That suggestion is no longer available." in response.content.decode()


def test_the_admin_warns_when_ranking_is_by_words_only(admin_client, turbine_request, monkeypatch):
    monkeypatch.setattr(embedding, "_model", lambda: None)
    challenge, _project = turbine_request
    assert "suggestions are ranked by shared words only" in admin_client.get(change_url(challenge)).content.decode()

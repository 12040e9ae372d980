"""Addresses people already have keep working after challenges and recruitment moved to apps of their own."""

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/admin/people/application/", "/admin/recruitment/application/"),
        (
            "/admin/people/application/?call__id__exact=3&status__exact=submitted",
            "/admin/recruitment/application/?call__id__exact=3&status__exact=submitted",
        ),
        ("/admin/people/application/42/change/", "/admin/recruitment/application/42/change/"),
        (
            "/admin/people/application/export/?status__exact=offered",
            "/admin/recruitment/application/export/?status__exact=offered",
        ),
        ("/admin/people/call/7/change/", "/admin/recruitment/call/7/change/"),
        ("/admin/people/review/add/?application=5", "/admin/recruitment/review/add/?application=5"),
        ("/admin/projects/challengerequest/", "/admin/challenges/challengerequest/"),
        ("/admin/projects/challengerequest/9/change/", "/admin/challenges/challengerequest/9/change/"),
        ("/admin/projects/challengerequest/9/attachments/2/", "/admin/challenges/challengerequest/9/attachments/2/"),
    ],
)
def test_bookmarked_admin_addresses_of_moved_records_redirect_to_the_new_ones(client, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new


def test_admin_addresses_of_records_that_stayed_are_not_redirected(admin_client):
    person = factories.PersonFactory()
    assert admin_client.get("/admin/people/person/").status_code == 200
    assert admin_client.get(f"/admin/people/person/{person.pk}/change/").status_code == 200
    assert admin_client.get("/admin/projects/project/").status_code == 200


def test_a_redirected_bookmark_still_needs_a_staff_sign_in(client):
    response = client.get("/admin/people/application/", follow=True)
    assert response.redirect_chain[0] == ("/admin/recruitment/application/", 301)
    assert response.redirect_chain[-1][0].startswith("/admin/login/")


def test_private_links_already_emailed_keep_their_addresses(client):
    challenge = factories.ChallengeRequestFactory()
    referee = factories.ApplicationRefereeFactory()
    assert challenge.get_status_url() == f"/challenges/status/{challenge.status_token}/"
    assert referee.application.get_status_url() == f"/applications/status/{referee.application.status_token}/"
    assert referee.get_upload_url() == f"/referees/{referee.upload_token}/"
    for url in (challenge.get_status_url(), referee.application.get_status_url(), referee.get_upload_url()):
        assert client.get(url).status_code == 200


def test_public_pages_keep_their_addresses(client):
    project = factories.ProjectFactory(lab__slug="vision-lab", slug="inspection")
    area = factories.FocusAreaFactory(lab=project.lab, slug="vision")
    call = factories.CallFactory(slug="summer-interns", is_published=True)
    expected = {
        project.lab: "/labs/vision-lab/",
        area: "/focus-areas/vision-lab/vision/",
        project: "/projects/vision-lab/inspection/",
        call: "/calls/summer-interns/",
    }
    for record, path in expected.items():
        assert record.get_absolute_url() == path
        assert client.get(path).status_code == 200
    assert reverse("recruitment:call_list") == "/programmes/"
    assert reverse("challenges:challenge_submit") == "/challenges/submit/"

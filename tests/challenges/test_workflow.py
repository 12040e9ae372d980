"""A challenge request's workflow: the allowed moves, converting into a project, the e-mails the enterprise gets,
and the private status page where it follows and withdraws its request."""

import itertools

import pytest
from django.core import mail
from django.urls import reverse

from challenges.models import ChallengeRequest
from challenges.services import challenge_convert_to_project, challenge_transition
from portal.workflow import TransitionNotAllowed, history
from tests import factories

pytestmark = pytest.mark.django_db

STATUSES = [status.value for status in ChallengeRequest.Status]
ALLOWED = {
    ("submitted", "under_review"),
    ("submitted", "withdrawn"),
    ("under_review", "matched"),
    ("under_review", "declined"),
    ("under_review", "closed"),
    ("under_review", "withdrawn"),
    ("matched", "in_discussion"),
    ("matched", "declined"),
    ("matched", "closed"),
    ("matched", "withdrawn"),
    ("in_discussion", "converted"),
    ("in_discussion", "declined"),
    ("in_discussion", "closed"),
    ("in_discussion", "withdrawn"),
    # Staff ask formally for information from any open status; the answer or staff move it on again.
    ("submitted", "waiting"),
    ("under_review", "waiting"),
    ("matched", "waiting"),
    ("in_discussion", "waiting"),
    ("waiting", "under_review"),
    ("waiting", "matched"),
    ("waiting", "in_discussion"),
    ("waiting", "declined"),
    ("waiting", "closed"),
    ("waiting", "withdrawn"),
}


@pytest.mark.parametrize(("current", "target"), list(itertools.product(STATUSES, STATUSES)))
def test_the_transition_table(current, target, superuser):
    challenge = factories.ChallengeRequestFactory(status=current, project=factories.ProjectFactory())
    if (current, target) in ALLOWED:
        change = challenge_transition(challenge=challenge, to=target, by=superuser, note="why")
        challenge.refresh_from_db()
        assert challenge.status == target
        assert (change.from_status, change.to_status, change.changed_by, change.note) == (
            current,
            target,
            superuser,
            "why",
        )
    else:
        with pytest.raises(TransitionNotAllowed):
            challenge_transition(challenge=challenge, to=target, by=superuser)
        challenge.refresh_from_db()
        assert challenge.status == current
        assert [change.to_status for change in history(challenge)] == ["submitted"]  # the submission, nothing more


def test_converting_needs_a_project(superuser):
    challenge = factories.ChallengeRequestFactory(status="in_discussion")
    with pytest.raises(TransitionNotAllowed, match="Link or create the resulting project first"):
        challenge_transition(challenge=challenge, to="converted", by=superuser)


def test_convert_to_project_creates_a_private_project_linked_both_ways(superuser):
    lab = factories.JointLabFactory()
    challenge = factories.ChallengeRequestFactory(status="in_discussion", lab=lab, title="Faster welding")
    project = challenge_convert_to_project(challenge=challenge, by=superuser)
    challenge.refresh_from_db()
    assert challenge.status == "converted" and challenge.project == project
    assert list(project.source_challenges.all()) == [challenge]
    assert project.lab == lab and project.title == "Faster welding" and not project.is_public


def test_convert_can_link_an_existing_project(superuser):
    existing = factories.ProjectFactory()
    challenge = factories.ChallengeRequestFactory(status="in_discussion")
    assert challenge_convert_to_project(challenge=challenge, by=superuser, project=existing) == existing
    challenge.refresh_from_db()
    assert challenge.status == "converted" and challenge.project == existing
    assert list(existing.source_challenges.all()) == [challenge]


@pytest.mark.parametrize(("target", "emailed"), [("matched", True), ("declined", True), ("closed", False)])
def test_moves_the_enterprise_cares_about_are_emailed(target, emailed, superuser, django_capture_on_commit_callbacks):
    challenge = factories.ChallengeRequestFactory(status="under_review", email="boss@firm.example")
    with django_capture_on_commit_callbacks(execute=True):
        challenge_transition(challenge=challenge, to=target, by=superuser)
    assert [message.to for message in mail.outbox] == ([["boss@firm.example"]] if emailed else [])


# --- the private status page ---------------------------------------------------------------------------------


def test_status_page_shows_status_and_history_in_plain_words(client, superuser):
    challenge = factories.ChallengeRequestFactory(internal_notes="Competitor of our sponsor — careful")
    challenge_transition(challenge=challenge, to="under_review", by=superuser, note="Staff-only remark")
    html = client.get(challenge.get_status_url()).content.decode()
    assert "Being reviewed by the labs" in html
    assert "Withdraw my request" in html
    assert "Competitor of our sponsor" not in html and "Staff-only remark" not in html
    assert '<meta name="robots" content="noindex, nofollow">' in html


def test_no_other_request_is_reachable_by_changing_the_link(client):
    mine = factories.ChallengeRequestFactory()
    theirs = factories.ChallengeRequestFactory(title="Someone else's secret")
    assert client.get(mine.get_status_url()[:-5] + "abcd/").status_code == 404
    assert client.get(f"/challenges/status/{theirs.pk}/").status_code == 404
    assert client.get(f"/challenges/status/{theirs.reference}/").status_code == 404
    assert "Someone else's secret" not in client.get(mine.get_status_url()).content.decode()
    assert len(mine.status_token) >= 40


def test_the_enterprise_can_withdraw_while_not_final(client, django_capture_on_commit_callbacks):
    challenge = factories.ChallengeRequestFactory(status="matched")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("challenges:challenge_withdraw", args=[challenge.status_token]), follow=True)
    challenge.refresh_from_db()
    assert challenge.status == "withdrawn"
    assert "Your request has been withdrawn" in response.content.decode()
    assert "Withdraw my request" not in response.content.decode()
    assert history(challenge).get(to_status="withdrawn").actor_label == "enterprise"
    enterprise_mail, staff_mail = sorted(mail.outbox, key=lambda message: message.to != [challenge.email])
    assert enterprise_mail.to == [challenge.email]
    assert staff_mail.subject == f"{challenge.reference} was withdrawn"


def test_a_final_request_cannot_be_withdrawn(client):
    challenge = factories.ChallengeRequestFactory(status="declined")
    response = client.post(reverse("challenges:challenge_withdraw", args=[challenge.status_token]), follow=True)
    challenge.refresh_from_db()
    assert challenge.status == "declined"
    assert "can no longer be withdrawn" in response.content.decode()


def test_withdrawal_asks_for_confirmation_on_its_own_page_first(client):
    challenge = factories.ChallengeRequestFactory()
    response = client.get(reverse("challenges:challenge_withdraw", args=[challenge.status_token]))
    assert response.status_code == 200
    assert "Yes, withdraw the request" in response.content.decode()
    challenge.refresh_from_db()
    assert challenge.status == "submitted"  # looking at the question changes nothing

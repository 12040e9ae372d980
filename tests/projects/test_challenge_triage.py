"""The workflow, the private status link, the outbox, and the staff side of challenge requests."""

import csv
import io
import itertools

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from challenges.matching import suggest_matches
from challenges.models import ChallengeRequest
from challenges.services import challenge_convert_to_project, challenge_submit, challenge_transition
from portal.models import OutboxEmail
from portal.workflow import TransitionNotAllowed, history
from tests import factories
from tests.files import pdf

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
        assert not history(challenge).exists()


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
    assert history(challenge).get().actor_label == "enterprise"
    assert len(mail.outbox) == 1


def test_a_final_request_cannot_be_withdrawn(client):
    challenge = factories.ChallengeRequestFactory(status="declined")
    response = client.post(reverse("challenges:challenge_withdraw", args=[challenge.status_token]), follow=True)
    challenge.refresh_from_db()
    assert challenge.status == "declined"
    assert "can no longer be withdrawn" in response.content.decode()


def test_withdraw_needs_a_post(client):
    challenge = factories.ChallengeRequestFactory()
    assert client.get(reverse("challenges:challenge_withdraw", args=[challenge.status_token])).status_code == 405


# --- the outbox --------------------------------------------------------------------------------------------------


def submit():
    return challenge_submit(
        fields={
            "organisation_name": "Fictional Co",
            "organisation_size": "1-9",
            "sector": "other",
            "contact_name": "Sam",
            "job_title": "Owner",
            "email": "sam@fictional.example",
            "title": "A problem",
            "problem_statement": "It breaks.",
            "desired_outcome": "It works.",
            "budget_range": "undecided",
            "timeline": "flexible",
            "confidentiality": "confidential",
        },
        focus_areas=[],
        attachments=[(pdf(), "pdf")],
        language="en",
    )


def test_a_mail_server_that_is_down_delays_mail_but_loses_nothing(settings, django_capture_on_commit_callbacks):
    # A real SMTP connection to a loopback port where nothing listens.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    with django_capture_on_commit_callbacks(execute=True):
        challenge = submit()
    assert ChallengeRequest.objects.filter(pk=challenge.pk).exists()
    assert challenge.attachments.count() == 1
    queued = OutboxEmail.objects.filter(status="queued")
    assert queued.count() == 2
    assert all("ConnectionRefusedError" in email.last_error and email.attempts == 1 for email in queued)

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_outbox", verbosity=0)
    assert len(mail.outbox) == 2
    assert OutboxEmail.objects.filter(status="sent").count() == 2
    call_command("send_outbox", verbosity=0)
    assert len(mail.outbox) == 2  # sent once, never twice


def test_outbox_gives_up_after_the_configured_attempts(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    settings.OUTBOX_MAX_ATTEMPTS = 2
    email = factories.OutboxEmailFactory()
    call_command("send_outbox", verbosity=0)
    call_command("send_outbox", verbosity=0)
    email.refresh_from_db()
    assert (email.status, email.attempts) == ("failed", 2)


# --- suggested matches -------------------------------------------------------------------------------------------


def test_a_request_about_scratches_on_mirror_like_parts_matches_the_reflective_surface_project():
    call_command("load_demo", verbosity=0)
    challenge = factories.ChallengeRequestFactory(
        title="Surface scratches on chrome-plated parts",
        problem_statement=(
            "We plate bathroom fittings with chrome. The mirror-like parts get fine surface scratches that our "
            "inspectors miss under factory lights, and customers return them."
        ),
        desired_outcome="Catch every scratched part on the line before packing.",
    )
    matches = suggest_matches(challenge)
    best = matches["projects"][0]
    assert best.obj.slug == "reflective-freeform-defect-inspection"
    assert {"surface", "parts"} <= set(best.terms)
    assert matches["labs"][0].obj.slug == "hkust-hkpc-industrial-ai-robotics"


def test_a_request_with_no_useful_words_matches_nothing():
    challenge = factories.ChallengeRequestFactory(title="??", problem_statement="...", desired_outcome="!!")
    assert all(found == [] for found in suggest_matches(challenge).values())


# --- the admin ---------------------------------------------------------------------------------------------------


def test_staff_move_a_request_with_a_note_and_see_the_history(
    admin_client, superuser, django_capture_on_commit_callbacks
):
    lab = factories.JointLabFactory()
    challenge = factories.ChallengeRequestFactory(status="under_review")
    url = reverse("admin:challenges_challengerequest_change", args=[challenge.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            url, triage_data(lab=lab.pk, move_to="matched", move_note="Good fit for vision lab")
        )
    assert response.status_code == 302
    challenge.refresh_from_db()
    assert challenge.status == "matched" and challenge.lab == lab
    change = history(challenge).get()
    assert (change.changed_by, change.note) == (superuser, "Good fit for vision lab")
    page = admin_client.get(url).content.decode()
    assert "Good fit for vision lab" in page and "Suggested matches" in page
    assert len(mail.outbox) == 1


def test_a_disallowed_move_is_refused_with_a_message(admin_client):
    challenge = factories.ChallengeRequestFactory(status="submitted")
    url = reverse("admin:challenges_challengerequest_change", args=[challenge.pk])
    response = admin_client.post(url, triage_data(move_to="converted"))
    assert response.status_code == 200
    assert "That move is not allowed from the current status" in response.content.decode()
    challenge.refresh_from_db()
    assert challenge.status == "submitted"


def test_staff_convert_a_request_from_the_admin(admin_client):
    lab = factories.JointLabFactory()
    challenge = factories.ChallengeRequestFactory(status="in_discussion", lab=lab)
    url = reverse("admin:challenges_challengerequest_change", args=[challenge.pk])
    response = admin_client.post(url, triage_data(lab=lab.pk, move_to="converted"), follow=True)
    challenge.refresh_from_db()
    assert challenge.status == "converted" and challenge.project is not None
    assert "Converted into project" in response.content.decode()


def triage_data(**overrides):
    data = {
        "lab": "",
        "owner": "",
        "internal_notes": "",
        "move_to": "",
        "move_note": "",
        "link_project": "",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
        "portal-statuschange-content_type-object_id-TOTAL_FORMS": "0",
        "portal-statuschange-content_type-object_id-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def test_staff_download_attachments_through_a_checked_view(admin_client):
    challenge = submit()
    attachment = challenge.attachments.get()
    url = reverse("admin:challenges_challengerequest_attachment", args=[challenge.pk, attachment.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{challenge.reference}-attachment-1.pdf"'
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    other = factories.ChallengeRequestFactory()
    mismatched = reverse("admin:challenges_challengerequest_attachment", args=[other.pk, attachment.pk])
    assert admin_client.get(mismatched).status_code == 404
    admin_client.logout()
    assert admin_client.get(url).status_code == 302  # to the staff sign-in
    assert not url.startswith("/media/") and "brief.pdf" not in attachment.file.name


def test_csv_export_follows_the_filters_and_neutralises_formulas(admin_client):
    factories.ChallengeRequestFactory(
        title='=HYPERLINK("http://evil.example")', organisation_name="@SUM(A1)", sector="food"
    )
    factories.ChallengeRequestFactory(title="+cmd|' /C calc'!A0", organisation_name="-2+3", sector="food")
    factories.ChallengeRequestFactory(title="Other sector", sector="energy")
    response = admin_client.get(reverse("admin:challenges_challengerequest_export"), {"sector__exact": "food"})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 2
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@")), value
    assert {row["title"] for row in rows} == {'\'=HYPERLINK("http://evil.example")', "'+cmd|' /C calc'!A0"}


def test_the_changelist_links_to_the_filtered_export(admin_client):
    factories.ChallengeRequestFactory()
    html = admin_client.get(
        reverse("admin:challenges_challengerequest_changelist"), {"status__exact": "submitted"}
    ).content.decode()
    assert "/admin/challenges/challengerequest/export/?status__exact=submitted" in html

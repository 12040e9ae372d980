"""Personal data: erased when its retention ends, downloadable by its owner until then."""

import datetime
import json

import pytest
from django.core.management import call_command
from django.utils import timezone

from challenges.models import ChallengeRequest
from challenges.services import challenge_transition
from portal.models import OutboxEmail
from recruitment.models import Application, Review
from tests import factories
from tests.files import pdf

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def files_on_disk(root):
    return sorted(path.name for path in root.rglob("*") if path.is_file()) if root.exists() else []


@pytest.fixture
def expired_application(settings):
    settings.APPLICATION_RETENTION_DAYS = 30
    call = factories.CallFactory(opens_at=timezone.now() - 90 * DAY, closes_at=timezone.now() - 31 * DAY)
    application = factories.ApplicationFactory(
        call=call, name="Lee Siu Wai", email="siuwai@student.example", transcript=pdf("t.pdf"), status="rejected"
    )
    referee = factories.ApplicationRefereeFactory(application=application, name="Dr Referee")
    referee.letter.save("letter.pdf", pdf(), save=True)
    factories.ReviewFactory(application=application, comment="Knows Lee personally", score=3)
    return application


def test_expired_applications_are_erased_keeping_reference_and_statistics(
    expired_application, _test_storages, capsys, django_capture_on_commit_callbacks
):
    fresh = factories.ApplicationFactory(name="Still Here")
    assert len(files_on_disk(_test_storages)) == 4
    old_link = expired_application.get_status_url()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("purge_expired")
    assert (
        "Erased personal data of 1 application(s) and 0 challenge request(s); removed 3 file(s)"
        in capsys.readouterr().out
    )

    erased = Application.objects.get(pk=expired_application.pk)
    assert (erased.reference, erased.status, erased.university) == (
        expired_application.reference,
        "rejected",
        "Example University",
    )
    assert erased.name == "" and erased.email.endswith("@erased.invalid") and erased.personal_statement == ""
    assert not erased.cv and not erased.transcript and erased.purged_at
    referee = erased.referees.get()
    assert (referee.name, referee.email, bool(referee.letter)) == ("", "", False)
    review = Review.objects.get(application=erased)
    assert review.comment == "" and float(review.score) == 3.0
    assert not Application.history.filter(id=erased.pk).exclude(name="").exists()
    assert files_on_disk(_test_storages) == [fresh.cv.name.split("/")[-1]]
    from django.test import Client

    assert Client().get(old_link).status_code == 404


def test_purge_is_safe_to_run_again(expired_application, capsys, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("purge_expired")
    capsys.readouterr()
    call_command("purge_expired")
    assert (
        "Erased personal data of 0 application(s) and 0 challenge request(s); removed 0 file(s)"
        in capsys.readouterr().out
    )


def test_applications_within_retention_are_kept(settings):
    settings.APPLICATION_RETENTION_DAYS = 30
    call = factories.CallFactory(opens_at=timezone.now() - 90 * DAY, closes_at=timezone.now() - 29 * DAY)
    application = factories.ApplicationFactory(call=call, name="Recent")
    call_command("purge_expired", verbosity=0)
    application.refresh_from_db()
    assert application.name == "Recent" and application.purged_at is None


def test_challenges_lose_contact_details_and_files_after_a_final_status(
    settings, superuser, _test_storages, django_capture_on_commit_callbacks
):
    settings.CHALLENGE_RETENTION_DAYS = 10
    challenge = factories.ChallengeRequestFactory(status="under_review", contact_name="Pat", email="pat@firm.example")
    challenge.attachments.create(original_name="brief.pdf", kind="pdf", size=10, file=pdf())
    open_one = factories.ChallengeRequestFactory(status="under_review", contact_name="Still open")
    challenge_transition(challenge=challenge, to="declined", by=superuser)
    ChallengeRequest.objects.filter(pk=challenge.pk).update(finalised_at=timezone.now() - 11 * DAY)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("purge_expired", verbosity=0)
    challenge.refresh_from_db()
    assert (challenge.contact_name, challenge.phone, challenge.attachments.count()) == ("", "", 0)
    assert challenge.email.endswith("@erased.invalid") and challenge.title  # the problem itself stays
    assert files_on_disk(_test_storages) == []
    open_one.refresh_from_db()
    assert open_one.contact_name == "Still open"


def test_reaching_a_final_status_starts_the_retention_clock(superuser):
    challenge = factories.ChallengeRequestFactory(status="under_review")
    challenge_transition(challenge=challenge, to="matched", by=superuser)
    assert challenge.finalised_at is None
    challenge_transition(challenge=challenge, to="closed", by=superuser)
    challenge.refresh_from_db()
    assert challenge.finalised_at is not None


def test_old_sent_emails_are_deleted(settings):
    settings.OUTBOX_RETENTION_DAYS = 30
    old = factories.OutboxEmailFactory(status="sent", sent_at=timezone.now() - 31 * DAY)
    recent = factories.OutboxEmailFactory(status="sent", sent_at=timezone.now() - DAY)
    queued = factories.OutboxEmailFactory()
    call_command("purge_expired", verbosity=0)
    assert set(OutboxEmail.objects.values_list("pk", flat=True)) == {recent.pk, queued.pk}
    assert old.pk


def test_the_privacy_notice_states_the_retention_settings(client, settings):
    settings.APPLICATION_RETENTION_DAYS, settings.CHALLENGE_RETENTION_DAYS = 123, 456
    html = client.get("/privacy/").content.decode()
    assert "erased 123 days after the call closes" in html
    assert "erased 456 days after the request reaches a final decision" in html


# --- the owner's download ----------------------------------------------------------------------------------------


def test_an_applicant_downloads_what_the_portal_holds(client):
    application = factories.ApplicationFactory(name="Ho Ka Yan", internal_notes="Staff only remark")
    factories.ApplicationRefereeFactory(application=application, name="Dr Ref")
    factories.ReviewFactory(application=application, comment="Reviewer's private view")
    response = client.get(f"{application.get_status_url()}data.json")
    assert response["Content-Disposition"] == f'attachment; filename="{application.reference}-data.json"'
    data = json.loads(response.content)
    assert data["reference"] == application.reference
    assert data["applicant"]["name"] == "Ho Ka Yan" and data["applicant"]["email"] == application.email
    assert data["referees"][0]["name"] == "Dr Ref" and data["referees"][0]["letter_received"] is False
    assert data["documents"] == {"cv": True, "transcript": False}
    text = response.content.decode()
    assert "Staff only remark" not in text and "Reviewer's private view" not in text


def test_an_enterprise_downloads_what_the_portal_holds(client):
    challenge = factories.ChallengeRequestFactory(contact_name="Pat", internal_notes="Do not tell them")
    challenge.attachments.create(original_name="brief.pdf", kind="pdf", size=10, file=pdf())
    data = json.loads(client.get(f"{challenge.get_status_url()}data.json").content)
    assert data["contact_name"] == "Pat" and data["attachments"][0]["name"] == "brief.pdf"
    assert data["status"] == "Received — we will review it shortly"
    assert "Do not tell them" not in json.dumps(data)


def test_the_download_is_reachable_only_with_the_token(client):
    application = factories.ApplicationFactory()
    assert client.get(f"/applications/status/{application.reference}/data.json").status_code == 404

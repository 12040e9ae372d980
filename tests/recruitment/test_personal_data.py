"""A student's personal data: erased when its retention ends, downloadable by its owner until then, and never kept
in a cache."""

import datetime
import json

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

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
    out = capsys.readouterr().out  # other apps' purges report in the same line
    assert "Erased personal data of " in out and " 1 application(s) and " in out and " 0 challenge request(s)" in out
    assert "removed 3 file(s)" in out

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
    assert Client().get(old_link).status_code == 404


def test_purge_is_safe_to_run_again(expired_application, capsys, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("purge_expired")
    capsys.readouterr()
    call_command("purge_expired")
    out = capsys.readouterr().out  # other apps' purges report in the same line
    assert "Erased personal data of " in out and " 0 application(s) and " in out and " 0 challenge request(s)" in out
    assert "removed 0 file(s)" in out


def test_applications_within_retention_are_kept(settings):
    settings.APPLICATION_RETENTION_DAYS = 30
    call = factories.CallFactory(opens_at=timezone.now() - 90 * DAY, closes_at=timezone.now() - 29 * DAY)
    application = factories.ApplicationFactory(call=call, name="Recent")
    call_command("purge_expired", verbosity=0)
    application.refresh_from_db()
    assert application.name == "Recent" and application.purged_at is None


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


def test_the_download_is_reachable_only_with_the_token(client):
    application = factories.ApplicationFactory()
    assert client.get(f"/applications/status/{application.reference}/data.json").status_code == 404


def test_an_applicants_status_page_is_never_cached():
    application = factories.ApplicationFactory()
    assert "no-store" in Client().get(application.get_status_url())["Cache-Control"]

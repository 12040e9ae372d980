"""An enterprise's contact details: erased when their retention ends, downloadable by their owner until then, and
never kept in a cache."""

import datetime
import json

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from challenges.models import ChallengeRequest
from challenges.services import challenge_transition
from tests import factories
from tests.files import pdf

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def files_on_disk(root):
    return sorted(path.name for path in root.rglob("*") if path.is_file()) if root.exists() else []


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


def test_an_enterprise_downloads_what_the_portal_holds(client):
    challenge = factories.ChallengeRequestFactory(contact_name="Pat", internal_notes="Do not tell them")
    challenge.attachments.create(original_name="brief.pdf", kind="pdf", size=10, file=pdf())
    data = json.loads(client.get(f"{challenge.get_status_url()}data.json").content)
    assert data["contact_name"] == "Pat" and data["attachments"][0]["name"] == "brief.pdf"
    assert data["status"] == "Received — we will review it shortly"
    assert "Do not tell them" not in json.dumps(data)


def test_pages_with_an_enterprises_data_are_never_cached(admin_client):
    challenge = factories.ChallengeRequestFactory()
    for path in [challenge.get_status_url(), f"{challenge.get_status_url()}data.json"]:
        assert "no-store" in Client().get(path)["Cache-Control"], path
    assert "no-store" in admin_client.get(reverse("admin:challenges_challengerequest_changelist"))["Cache-Control"]

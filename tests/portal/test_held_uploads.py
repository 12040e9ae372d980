"""Forms that lose nothing: checked files survive an error on another field, limits show and refuse with a message
instead of cutting text off, and held files do not outlive their purpose."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from challenges.forms import ChallengeForm
from challenges.models import ChallengeRequest
from portal.models import HeldUpload
from tests.files import pdf

pytestmark = pytest.mark.django_db

URL = "/challenges/submit/"


def held_value(response):
    return response.context["form"].data["held_files"]


def test_a_file_chosen_before_a_mistake_elsewhere_is_kept_and_used(challenge_data, client):
    first = client.post(URL, challenge_data(email="not-an-address", attachments=[pdf("drawing.pdf")]))
    page = first.content.decode()
    assert "Kept from your last attempt:" in page and "drawing.pdf" in page
    second = client.post(URL, {**challenge_data(), "held_files": held_value(first)})
    assert second.status_code == 302
    challenge = ChallengeRequest.objects.get()
    assert [attachment.original_name for attachment in challenge.attachments.all()] == ["drawing.pdf"]
    assert not HeldUpload.objects.exists()  # released once used


def test_new_files_replace_the_kept_ones(challenge_data, client):
    first = client.post(URL, challenge_data(email="wrong", attachments=[pdf("old.pdf")]))
    client.post(URL, {**challenge_data(attachments=[pdf("new.pdf")]), "held_files": held_value(first)})
    names = [attachment.original_name for attachment in ChallengeRequest.objects.get().attachments.all()]
    assert names == ["new.pdf"]


@pytest.mark.parametrize("forged", ["", "garbage", "eyJrZXlzIjpbXX0:bad:signature"])
def test_a_forged_kept_files_value_adds_nothing(challenge_data, client, forged):
    assert client.post(URL, {**challenge_data(), "held_files": forged}).status_code == 302
    assert not ChallengeRequest.objects.get().attachments.exists()


def test_another_forms_kept_files_are_not_accepted_here(client, challenge_data):
    from portal import held_uploads

    [record] = held_uploads.hold([(pdf("cv.pdf"), "pdf")], form_name="application", field_name="attachments")
    value = held_uploads.sign([record], form_name="application")
    assert client.post(URL, {**challenge_data(), "held_files": value}).status_code == 302
    assert not ChallengeRequest.objects.get().attachments.exists()


def test_held_files_are_purged_after_their_hours(challenge_data, client, settings):
    client.post(URL, challenge_data(email="wrong", attachments=[pdf("drawing.pdf")]))
    record = HeldUpload.objects.get()
    assert record.file.storage.exists(record.file.name)
    HeldUpload.objects.update(held_at=timezone.now() - datetime.timedelta(hours=settings.HELD_UPLOAD_HOURS + 1))
    call_command("purge_expired", verbosity=0)
    assert not HeldUpload.objects.exists()
    assert not record.file.storage.exists(record.file.name)


def test_a_field_with_a_limit_counts_instead_of_cutting_text_off():
    rendered = str(ChallengeForm()["problem_statement"])
    assert "maxlength" not in rendered
    assert 'data-max-chars="5000"' in rendered and "{count} of {limit} characters" in rendered


def test_overlong_text_is_refused_with_a_message_and_kept(challenge_data, client):
    response = client.post(URL, challenge_data(title="t" * 201))
    assert response.status_code == 200
    assert "at most 200 characters (it has 201)" in response.content.decode()
    assert "t" * 201 in response.content.decode()


def test_when_the_holding_area_is_full_the_form_says_which_files_to_choose_again(challenge_data, client, settings):
    settings.HELD_UPLOAD_MAX_MB = 0  # failed posts cost nothing to send: what they leave behind is capped
    response = client.post(URL, challenge_data(email="wrong", attachments=[pdf("drawing.pdf")]))
    page = response.content.decode()
    assert "These files could not be kept: please choose them again:" in page and "drawing.pdf" in page
    assert not HeldUpload.objects.exists() and not response.context["form"].data.get("held_files")

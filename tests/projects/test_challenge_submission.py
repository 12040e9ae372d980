"""The enterprise's side: submitting a challenge, what is stored and what is sent."""

import re

import pytest
from django.core import mail

from challenges.models import ChallengeAttachment, ChallengeRequest
from labs.models import FocusArea
from portal.models import OutboxEmail
from tests import factories
from tests.files import EXE_BYTES, HTML_BYTES, PNG_BYTES, office_bytes, pdf, upload, zip_bytes

pytestmark = pytest.mark.django_db

URL = "/challenges/submit/"
REQUIRED = [
    "organisation_name",
    "organisation_size",
    "sector",
    "contact_name",
    "job_title",
    "email",
    "title",
    "problem_statement",
    "desired_outcome",
    "budget_range",
    "timeline",
    "confidentiality",
    "consent",
]


def valid_data(**overrides):
    data = {
        "organisation_name": "Fictional Plating Works Ltd",
        "organisation_size": "10-49",
        "sector": "manufacturing",
        "contact_name": "Alex Example",
        "job_title": "Quality manager",
        "email": "alex@plating.example",
        "phone": "",
        "title": "Scratches on chrome-plated parts",
        "problem_statement": "Our chrome-plated, mirror-like parts get fine surface scratches that inspectors miss.",
        "current_approach": "",
        "desired_outcome": "Find every scratch before shipping.",
        "budget_range": "undecided",
        "timeline": "flexible",
        "confidentiality": "confidential",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def nothing_stored(private_root):
    return (
        ChallengeRequest.objects.count() == 0
        and OutboxEmail.objects.count() == 0
        and not (private_root.exists() and any(private_root.rglob("*.*")))
    )


def test_a_valid_request_is_stored_with_a_reference_and_two_emails(
    client, _test_storages, django_capture_on_commit_callbacks
):
    lab = factories.JointLabFactory(inbox_email="lab-inbox@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            URL, valid_data(preferred_lab=lab.pk, attachments=[pdf(), upload("photo.PNG", PNG_BYTES)])
        )
    challenge = ChallengeRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == challenge.get_status_url()
    assert re.fullmatch(r"CH-\d{4}-00001", challenge.reference)
    assert challenge.status == "submitted" and challenge.consented_at is not None

    stored = list(ChallengeAttachment.objects.filter(challenge=challenge).order_by("pk"))
    assert [(a.original_name, a.kind) for a in stored] == [("brief.pdf", "pdf"), ("photo.PNG", "png")]
    assert all(re.fullmatch(r"challenges/[0-9a-f]{32}\.(pdf|png)", a.file.name) for a in stored)
    assert (_test_storages / stored[0].file.name).read_bytes().startswith(b"%PDF")

    acknowledgement, notification = sorted(mail.outbox, key=lambda message: message.to != ["alex@plating.example"])
    assert acknowledgement.to == ["alex@plating.example"]
    assert challenge.reference in acknowledgement.subject
    assert f"http://127.0.0.1:8000/challenges/status/{challenge.status_token}/" in acknowledgement.body
    assert notification.to == ["lab-inbox@example.org"]
    assert challenge.status_token not in notification.body  # staff get the admin link, not the enterprise's
    assert OutboxEmail.objects.filter(status="sent").count() == 2


def test_confirmation_page_shows_the_reference(client):
    response = client.post(URL, valid_data(), follow=True)
    reference = ChallengeRequest.objects.get().reference
    assert f"received with reference {reference}" in response.content.decode()


def test_without_a_lab_the_portal_inbox_is_told(client, settings, django_capture_on_commit_callbacks):
    settings.PORTAL_INBOX_EMAIL = "portal-inbox@example.org"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, valid_data())
    assert ["portal-inbox@example.org"] in [message.to for message in mail.outbox]


def test_references_count_up(client):
    for _ in range(3):
        client.post(URL, valid_data())
    numbers = sorted(int(ref[-5:]) for ref in ChallengeRequest.objects.values_list("reference", flat=True))
    assert numbers == [1, 2, 3]


@pytest.mark.parametrize("field", REQUIRED)
def test_each_required_field_is_explained_and_nothing_is_stored(client, _test_storages, field):
    response = client.post(URL, valid_data(**{field: None}, attachments=[pdf()]))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert 'class="alert alert-danger error-summary"' in response.content.decode()
    assert nothing_stored(_test_storages)


def test_a_bad_email_is_explained(client, _test_storages):
    response = client.post(URL, valid_data(email="not-an-address"))
    assert response.context["form"].errors["email"] == ["Enter an e-mail address like name@company.com."]
    assert nothing_stored(_test_storages)


@pytest.mark.parametrize(
    ("attachment", "message"),
    [
        (upload("tool.pdf", EXE_BYTES), "“tool.pdf” is not an accepted file"),
        (upload("archive.pdf", zip_bytes()), "“archive.pdf” is not an accepted file"),
        (upload("page.pdf", HTML_BYTES), "“page.pdf” is not an accepted file"),
        (upload("program.exe", EXE_BYTES), "“program.exe” is not an accepted file"),
        (upload("empty.pdf", b""), "“empty.pdf” is empty."),
        (upload("slides.pdf", office_bytes("ppt/presentation.xml")), "its content is a PowerPoint presentation"),
    ],
)
def test_a_refused_file_is_named_with_the_reason_and_nothing_is_stored(client, _test_storages, attachment, message):
    response = client.post(URL, valid_data(attachments=[pdf(), attachment]))
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["attachments"])
    assert message in errors
    assert nothing_stored(_test_storages)


def test_an_oversize_file_is_refused(client, settings, _test_storages):
    settings.UPLOAD_MAX_BYTES = 1024
    big = pdf("big.pdf", b"%PDF-1.4\n" + b"0" * 2048)
    response = client.post(URL, valid_data(attachments=[big]))
    assert response.context["form"].errors["attachments"] == [
        "“big.pdf” is 2.0\xa0KB; each file may be at most 1.0\xa0KB."
    ]
    assert nothing_stored(_test_storages)


def test_four_attachments_are_too_many(client, _test_storages):
    response = client.post(URL, valid_data(attachments=[pdf(f"{n}.pdf") for n in range(4)]))
    assert response.context["form"].errors["attachments"] == ["Attach at most 3 files; you chose 4."]
    assert nothing_stored(_test_storages)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("plan.docx", office_bytes()),
        ("budget.xlsx", office_bytes("xl/workbook.xml")),
        ("pitch.pptx", office_bytes("ppt/presentation.xml")),
    ],
)
def test_office_files_are_accepted(client, name, content):
    client.post(URL, valid_data(attachments=[upload(name, content)]))
    assert ChallengeAttachment.objects.get().original_name == name


def test_a_filled_honeypot_stores_and_sends_nothing(client, _test_storages, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, valid_data(website="http://spam.example", attachments=[pdf()]))
    assert response.status_code == 200
    assert "We could not accept this submission" in response.content.decode()
    assert nothing_stored(_test_storages)
    assert mail.outbox == []


def test_the_sixth_post_in_the_window_gets_429(client, settings):
    settings.CHALLENGE_RATE_LIMIT = "5/h"
    statuses = [client.post(URL, valid_data()).status_code for _ in range(6)]
    assert statuses == [302] * 5 + [429]
    assert ChallengeRequest.objects.count() == 5
    blocked = client.post(URL, valid_data())
    assert "Too many submissions" in blocked.content.decode()
    assert int(blocked["Retry-After"]) > 0


def test_the_rate_limit_is_per_client_address(client, settings):
    settings.CHALLENGE_RATE_LIMIT = "1/h"
    assert client.post(URL, valid_data(), REMOTE_ADDR="10.0.0.1").status_code == 302
    assert client.post(URL, valid_data(), REMOTE_ADDR="10.0.0.1").status_code == 429
    assert client.post(URL, valid_data(), REMOTE_ADDR="10.0.0.2").status_code == 302


def test_csrf_is_required(db):
    from django.test import Client

    assert Client(enforce_csrf_checks=True).post(URL, valid_data()).status_code == 403


def test_lab_and_focus_area_pages_preselect_the_form(client):
    area = factories.FocusAreaFactory(lab__slug="vision-lab")
    lab_page = client.get(area.lab.get_absolute_url()).content.decode()
    assert "/challenges/submit/?lab=vision-lab" in lab_page
    assert client.get(f"{URL}?lab=vision-lab").context["form"].initial["preferred_lab"] == area.lab
    initial = client.get(f"{URL}?focus_area={area.pk}").context["form"].initial
    assert initial["focus_areas"] == [area] and initial["preferred_lab"] == area.lab
    assert client.get(f"{URL}?lab=nope&focus_area=abc").status_code == 200


def test_the_email_goes_out_in_the_language_of_the_form(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/zh-hant" + URL, valid_data())
    challenge = ChallengeRequest.objects.get()
    assert challenge.language == "zh-hant"


def test_the_privacy_notice_says_what_why_how_long_and_whom_to_ask(client, settings):
    settings.PRIVACY_CONTACT_EMAIL = "dpo@example.org"
    html = client.get("/privacy/").content.decode()
    for heading in ["What we keep", "Why", "Who sees it", "How long", "whom to ask"]:
        assert heading in html
    assert "mailto:dpo@example.org" in html
    assert 'href="/privacy/"' in client.get(URL).content.decode()


def test_focus_area_choices_name_their_lab(client):
    factories.FocusAreaFactory(name="Vision", lab__short_name="VL")
    assert "Vision (VL)" in client.get(URL).content.decode()
    assert FocusArea.objects.count() == 1

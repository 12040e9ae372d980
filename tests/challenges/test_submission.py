"""The enterprise's side: submitting a challenge, what is stored and what is sent."""

import re
import threading
import time
import urllib.request

import pytest
from django.core import mail
from django.core.management import call_command

from challenges.models import ChallengeAttachment, ChallengeRequest
from portal.models import OutboxEmail
from tests import factories
from tests.files import (
    EXE_BYTES,
    HTML_BYTES,
    PNG_BYTES,
    STREAM_BOMB,
    object_stream_bomb,
    office_bytes,
    pdf,
    pdf_with_object_stream,
    slow_pdf,
    upload,
    zip_bytes,
)

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


def nothing_stored(private_root):
    """No record, no e-mail, no file of the submission; files that passed their checks may be held for the next
    attempt (portal.held_uploads), apart."""
    stored = private_root.rglob("*.*") if private_root.exists() else []
    return (
        ChallengeRequest.objects.count() == 0
        and OutboxEmail.objects.count() == 0
        and not any(path.relative_to(private_root).parts[0] != "held" for path in stored)
    )


def test_a_valid_request_is_stored_with_a_reference_and_two_emails(
    challenge_data, client, _test_storages, django_capture_on_commit_callbacks
):
    lab = factories.JointLabFactory(inbox_email="lab-inbox@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            URL, challenge_data(preferred_lab=lab.pk, attachments=[pdf(), upload("photo.PNG", PNG_BYTES)])
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


def test_confirmation_page_shows_the_reference(challenge_data, client):
    response = client.post(URL, challenge_data(), follow=True)
    reference = ChallengeRequest.objects.get().reference
    assert f"received with reference {reference}" in response.content.decode()


def test_without_a_lab_the_portal_inbox_is_told(challenge_data, client, settings, django_capture_on_commit_callbacks):
    settings.PORTAL_INBOX_EMAIL = "portal-inbox@example.org"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, challenge_data())
    assert ["portal-inbox@example.org"] in [message.to for message in mail.outbox]


def test_references_count_up(challenge_data, client):
    for _ in range(3):
        client.post(URL, challenge_data())
    numbers = sorted(int(ref[-5:]) for ref in ChallengeRequest.objects.values_list("reference", flat=True))
    assert numbers == [1, 2, 3]


@pytest.mark.parametrize("field", REQUIRED)
def test_each_required_field_is_explained_and_nothing_is_stored(challenge_data, client, _test_storages, field):
    response = client.post(URL, challenge_data(**{field: None}, attachments=[pdf()]))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert 'class="alert alert-danger error-summary"' in response.content.decode()
    assert nothing_stored(_test_storages)


def test_a_bad_email_is_explained(challenge_data, client, _test_storages):
    response = client.post(URL, challenge_data(email="not-an-address"))
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
def test_a_refused_file_is_named_with_the_reason_and_nothing_is_stored(
    challenge_data, client, _test_storages, attachment, message
):
    response = client.post(URL, challenge_data(attachments=[pdf(), attachment]))
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["attachments"])
    assert message in errors
    assert nothing_stored(_test_storages)


def test_an_oversize_file_is_refused(challenge_data, client, settings, _test_storages):
    settings.UPLOAD_MAX_BYTES = 1024
    big = pdf("big.pdf", b"%PDF-1.4\n" + b"0" * 2048)
    response = client.post(URL, challenge_data(attachments=[big]))
    assert response.context["form"].errors["attachments"] == [
        "“big.pdf” is 2.0\xa0KB; each file may be at most 1.0\xa0KB."
    ]
    assert nothing_stored(_test_storages)


def test_four_attachments_are_too_many(challenge_data, client, _test_storages):
    response = client.post(URL, challenge_data(attachments=[pdf(f"{n}.pdf") for n in range(4)]))
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
def test_office_files_are_accepted(challenge_data, client, name, content):
    client.post(URL, challenge_data(attachments=[upload(name, content)]))
    assert ChallengeAttachment.objects.get().original_name == name


def test_a_filled_honeypot_stores_and_sends_nothing(
    challenge_data, client, _test_storages, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, challenge_data(website="http://spam.example", attachments=[pdf()]))
    assert response.status_code == 200
    assert "We could not accept this submission" in response.content.decode()
    assert nothing_stored(_test_storages)
    assert mail.outbox == []


def test_the_sixth_accepted_request_in_the_window_comes_back_with_what_was_typed(challenge_data, client, settings):
    settings.CHALLENGE_RATE_LIMIT = "5/h"
    statuses = [client.post(URL, challenge_data()).status_code for _ in range(5)]
    assert statuses == [302] * 5
    refused = client.post(URL, challenge_data(title="Sixth problem, typed in full"))
    assert refused.status_code == 200 and ChallengeRequest.objects.count() == 5
    page = refused.content.decode()
    assert "You have sent several submissions in a short time. Nothing you typed is lost" in page
    assert 'value="Sixth problem, typed in full"' in page


def test_failed_attempts_do_not_count_towards_the_submission_limit(challenge_data, client, settings):
    settings.CHALLENGE_RATE_LIMIT = "1/h"
    for _ in range(3):
        assert client.post(URL, challenge_data(email="not-an-address")).status_code == 200
    assert client.post(URL, challenge_data()).status_code == 302


def test_a_file_sent_over_the_rate_limit_is_kept_for_the_next_attempt(challenge_data, client, settings):
    settings.CHALLENGE_RATE_LIMIT = "1/h"
    client.post(URL, challenge_data())
    refused = client.post(URL, challenge_data(attachments=[pdf("brief.pdf")]))
    assert "Kept from your last attempt:" in refused.content.decode() and "brief.pdf" in refused.content.decode()


def test_every_post_counts_towards_the_attempt_ceiling_before_its_files_are_read(
    challenge_data, client, settings, _test_storages
):
    settings.FORM_ATTEMPT_RATE_LIMIT = "2/h"
    client.post(URL, challenge_data(email="wrong"))
    client.post(URL, challenge_data(email="wrong"))
    stored_before = list(_test_storages.rglob("*.*"))
    response = client.post(URL, challenge_data(attachments=[pdf("brief.pdf", STREAM_BOMB)]))
    assert response.status_code == 429 and "Too many submissions" in response.content.decode()
    assert int(response["Retry-After"]) > 0
    assert list(_test_storages.rglob("*.*")) == stored_before


def test_the_rate_limit_is_per_client_address(challenge_data, client, settings):
    settings.CHALLENGE_RATE_LIMIT = "1/h"
    assert client.post(URL, challenge_data(), REMOTE_ADDR="10.0.0.1").status_code == 302
    assert client.post(URL, challenge_data(), REMOTE_ADDR="10.0.0.1").status_code == 200  # refused, form kept
    assert client.post(URL, challenge_data(), REMOTE_ADDR="10.0.0.2").status_code == 302


def test_csrf_is_required(challenge_data, db):
    from django.test import Client

    assert Client(enforce_csrf_checks=True).post(URL, challenge_data()).status_code == 403


def test_lab_and_focus_area_pages_preselect_the_form(client):
    area = factories.FocusAreaFactory(lab__slug="vision-lab")
    lab_page = client.get(area.lab.get_absolute_url()).content.decode()
    assert "/challenges/submit/?lab=vision-lab" in lab_page
    assert client.get(f"{URL}?lab=vision-lab").context["form"].initial["preferred_lab"] == area.lab
    initial = client.get(f"{URL}?focus_area={area.pk}").context["form"].initial
    assert initial["focus_areas"] == [area] and initial["preferred_lab"] == area.lab
    assert client.get(f"{URL}?lab=nope&focus_area=abc").status_code == 200


@pytest.mark.parametrize(
    ("prefix", "subject", "greeting", "thanks", "other_language"),
    [
        (
            "/zh-hant",
            "我們已收到你的產業挑戰（{reference}）",
            "親愛的 陳大文：",
            "感謝你向聯合實驗室提交挑戰「測試」。其參考編號為 {reference}。",
            ["We received", "Dear", "Thank you"],
        ),
        (
            "",
            "We received your industry challenge ({reference})",
            "Dear 陳大文,",
            "Thank you for bringing your challenge “測試” to the joint labs. Its reference is {reference}.",
            ["我們", "親愛的", "感謝"],
        ),
    ],
    ids=["zh-hant", "en"],
)
def test_the_email_goes_out_in_the_language_of_the_form(
    challenge_data, client, django_capture_on_commit_callbacks, prefix, subject, greeting, thanks, other_language
):
    data = challenge_data(
        organisation_name="語言測試有限公司",
        contact_name="陳大文",
        job_title="經理",
        email="chan@example.com",
        title="測試",
        problem_statement="問題",
        desired_outcome="結果",
        preferred_lab=factories.JointLabFactory().pk,
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(prefix + URL, data)
    challenge = ChallengeRequest.objects.get()
    [acknowledgement] = [message for message in mail.outbox if message.to == ["chan@example.com"]]
    assert acknowledgement.subject == subject.format(reference=challenge.reference)
    assert greeting in acknowledgement.body
    assert thanks.format(reference=challenge.reference) in acknowledgement.body
    assert f"/challenges/status/{challenge.status_token}/" in acknowledgement.body
    assert not [words for words in other_language if words in acknowledgement.subject + acknowledgement.body]


def test_focus_area_choices_name_their_lab(client):
    factories.FocusAreaFactory(name="Vision", lab__short_name="VL")
    assert "Vision (VL)" in client.get(URL).content.decode()


def test_an_odd_focus_area_parameter_is_ignored(client):
    assert client.get(URL, {"focus_area": "²"}).status_code == 200


def test_a_pdf_that_unpacks_to_far_more_than_its_size_is_refused_and_nothing_is_stored(
    challenge_data, client, _test_storages
):
    bomb = pdf("bomb.pdf", object_stream_bomb())
    client.get(URL)  # the first request of a process loads the URLs and templates: not what is timed
    started = time.monotonic()
    response = client.post(URL, challenge_data(attachments=[bomb]))
    assert "“bomb.pdf” could not be checked" in " ".join(response.context["form"].errors["attachments"])
    assert time.monotonic() - started < 5
    assert nothing_stored(_test_storages)


def test_the_penetration_tests_140_kb_pdf_is_refused_at_once(challenge_data, client, _test_storages):
    client.get(URL)
    started = time.monotonic()
    response = client.post(URL, challenge_data(attachments=[pdf("brief.pdf", STREAM_BOMB)]))
    assert response.context["form"].errors["attachments"] == [
        "“brief.pdf” is damaged or not a PDF. Open it, save it again as a PDF and try again."
    ]
    assert time.monotonic() - started < 2
    assert nothing_stored(_test_storages)


def test_javascript_hidden_in_an_ascii85_object_stream_is_refused(challenge_data, client, _test_storages):
    hidden = pdf_with_object_stream(
        {5: b"<</S/JavaScript/JS(app.alert(1))>>"}, catalog=b"/OpenAction 5 0 R", filters=("ASCII85Decode",)
    )
    response = client.post(URL, challenge_data(attachments=[pdf("brief.pdf", hidden)]))
    assert "“brief.pdf” contains JavaScript" in " ".join(response.context["form"].errors["attachments"])
    assert nothing_stored(_test_storages)


@pytest.mark.django_db(transaction=True)
def test_a_slow_pdf_is_answered_in_time_while_the_site_keeps_serving(live_server, challenge_data, settings):
    """The checker runs in a child process with a deadline: the upload is answered within 5 s, and meanwhile the
    server answers its health probe at once."""
    settings.UPLOAD_CHECK_SECONDS = 1
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
    form = opener.open(live_server.url + URL, timeout=30).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    fields = {**challenge_data(), "csrfmiddlewaretoken": token}
    body, content_type = multipart(fields, [("attachments", "slow.pdf", slow_pdf())])
    request = urllib.request.Request(
        live_server.url + URL, data=body, headers={"Content-Type": content_type, "Referer": live_server.url + URL}
    )
    answer = {}

    def post():
        started = time.monotonic()
        with opener.open(request, timeout=30) as response:
            answer.update(status=response.status, html=response.read().decode(), seconds=time.monotonic() - started)

    upload = threading.Thread(target=post)
    upload.start()
    probes = []
    time.sleep(0.2)  # the upload is being checked
    while upload.is_alive() and len(probes) < 20:
        started = time.monotonic()
        with urllib.request.urlopen(live_server.url + "/healthz", timeout=30) as probe:
            probes.append((probe.status, time.monotonic() - started))
        time.sleep(0.1)
    upload.join()
    assert answer["status"] == 200 and answer["seconds"] < 5
    assert "“slow.pdf” could not be checked in time" in answer["html"]
    assert probes and all(status == 200 and seconds < 1 for status, seconds in probes)
    assert ChallengeRequest.objects.count() == 0


def multipart(fields, files):
    boundary = "----portal-test-boundary"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    for name, filename, content in files:
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        )
        parts.append(head.encode() + content + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def test_a_mail_server_that_is_down_delays_mail_but_loses_nothing(settings, django_capture_on_commit_callbacks):
    # A real SMTP connection to a loopback port where nothing listens.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    with django_capture_on_commit_callbacks(execute=True):
        challenge = factories.ChallengeRequestFactory(attachments=[(pdf(), "pdf")])  # through challenge_submit
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

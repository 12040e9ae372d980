"""The student's and the referee's side of applications."""

import datetime
import re

import pikepdf
import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from portal.models import OutboxEmail
from recruitment.models import Application
from tests import factories
from tests.files import (
    EXE_BYTES,
    STREAM_BOMB,
    document_pdf,
    office_bytes,
    pdf,
    pdf_with_object_stream,
    pikepdf_pdf,
    upload,
)

pytestmark = pytest.mark.django_db

SECOND = datetime.timedelta(seconds=1)


@pytest.fixture
def call():
    return factories.CallFactory(slug="internships-2027", statement_word_limit=50)


def apply_url(call):
    return f"/calls/{call.slug}/apply/"


def form_data(**overrides):
    data = {
        "name": "Chan Tai Man",
        "email": "taiman@student.example",
        "phone": "+852 5555 0000",
        "university": "Example University",
        "degree_programme": "BEng Computer Engineering",
        "year_of_study": "Year 3",
        "research_interests": "Machine vision for factories",
        "personal_statement": "I want to build inspection systems. " * 5,
        "referee1_name": "Dr Example One",
        "referee1_email": "one@uni.example",
        "referee1_institution": "Example University",
        "referee2_name": "Dr Example Two",
        "referee2_email": "two@uni.example",
        "referee2_institution": "Example University",
        "consent": "on",
        "website": "",
        "cv": pdf("cv.pdf"),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def nothing_stored(private_root):
    """No record, no e-mail, no file of the submission; files that passed their checks may be held for the next
    attempt (portal.held_uploads), apart."""
    stored = private_root.rglob("*.*") if private_root.exists() else []
    return (
        Application.objects.count() == 0
        and OutboxEmail.objects.count() == 0
        and not any(path.relative_to(private_root).parts[0] != "held" for path in stored)
    )


def test_a_student_applies_and_everyone_is_told(client, call, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(apply_url(call), form_data(transcript=pdf("transcript.pdf")))
    assert response.status_code == 200
    assert "We have e-mailed taiman@student.example" in response.content.decode()
    application = Application.objects.get()
    assert re.fullmatch(r"AP-\d{4}-00001", application.reference)
    assert application.cv.name.startswith("applications/") and application.transcript
    assert [r.email for r in application.referees.all()] == ["one@uni.example", "two@uni.example"]

    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {"taiman@student.example", "one@uni.example", "two@uni.example", "joint-labs@localhost"}
    assert application.reference in by_address["taiman@student.example"].subject
    assert application.get_status_url() in by_address["taiman@student.example"].body
    letters = [by_address[r.email] for r in application.referees.all()]
    assert all(
        r.get_upload_url() in message.body for r, message in zip(application.referees.all(), letters, strict=True)
    )
    assert application.status_token not in by_address["one@uni.example"].body


def test_the_call_page_offers_apply_only_while_open(client):
    now = timezone.now()
    open_call = factories.CallFactory()
    closed_call = factories.CallFactory(opens_at=now - datetime.timedelta(days=9), closes_at=now - SECOND)
    assert apply_url(open_call) in client.get(open_call.get_absolute_url()).content.decode()
    assert apply_url(closed_call) not in client.get(closed_call.get_absolute_url()).content.decode()


def test_deadline_edges(client, call):
    now = timezone.now()
    call.closes_at = now + datetime.timedelta(seconds=30)
    call.save()
    assert client.get(apply_url(call)).status_code == 200  # just before closing
    call.closes_at = now - SECOND
    call.save()
    response = client.get(apply_url(call))
    assert response.status_code == 410
    assert "closed on" in response.content.decode()


def test_a_form_opened_before_the_deadline_and_posted_after_is_refused(client, call, _test_storages):
    assert client.get(apply_url(call)).status_code == 200
    call.opens_at = timezone.now() - datetime.timedelta(days=30)
    call.closes_at = timezone.now() - SECOND
    call.save()
    response = client.post(apply_url(call), form_data())
    assert response.status_code == 410
    assert "Nothing you sent was stored" in response.content.decode()
    assert nothing_stored(_test_storages)


def test_the_server_checks_the_deadline_at_the_moment_of_saving(call, _test_storages):
    from recruitment.services import CallNotOpen, application_submit

    with pytest.raises(CallNotOpen):
        application_submit(
            call=call,
            fields={"name": "x", "email": "x@y.example"},
            focus_areas=[],
            projects=[],
            cv=pdf(),
            transcript=None,
            referees=[],
            language="en",
            now=call.closes_at,
        )
    assert nothing_stored(_test_storages)


def test_an_upcoming_call_has_no_form_yet(client):
    call = factories.CallFactory(
        opens_at=timezone.now() + datetime.timedelta(days=1), closes_at=timezone.now() + datetime.timedelta(days=9)
    )
    response = client.get(apply_url(call))
    assert response.status_code == 410 and "not open yet" in response.content.decode()


def test_a_second_application_is_not_stored_and_the_link_is_emailed_without_disclosure(
    client, call, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(apply_url(call), form_data())
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        second = client.post(apply_url(call), form_data(email="TaiMan@Student.example", name="Someone Else"))
    assert Application.objects.count() == 1
    existing = Application.objects.get()
    assert [message.to for message in mail.outbox] == [["taiman@student.example"]]
    assert existing.get_status_url() in mail.outbox[0].body

    # The page says the same thing whether or not the address had applied.
    def visible(response):
        return re.sub(r"\s+", " ", response.content.decode().lower())

    assert visible(first) == visible(second)


def test_one_application_per_email_per_call_is_a_database_rule(call):
    factories.ApplicationFactory(call=call, email="same@student.example")
    # Saved around the service's own check, as a simultaneous submission would be.
    twin = factories.ApplicationFactory.build(
        call=call, email="SAME@student.example", reference="AP-2026-99999", consented_at=timezone.now()
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        twin.save()
    twin.email = "other@student.example"
    twin.save()  # the same row with another address is stored: the address was the reason
    factories.ApplicationFactory(email="same@student.example")  # another call is fine


JAVASCRIPT = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)"))
LAUNCH = pikepdf.Dictionary(S=pikepdf.Name.Launch, F=pikepdf.String("calc.exe"))


def opening_with(action):
    def change(document):
        document.Root.OpenAction = action

    return change


@pytest.mark.parametrize(
    ("cv", "message"),
    [
        (upload("cv.pdf", EXE_BYTES), "is not an accepted file"),
        (upload("cv.docx", office_bytes()), "is not an accepted file"),
        (upload("cv.pdf", b""), "is empty"),
        (pdf("cv.pdf", pikepdf_pdf(opening_with(JAVASCRIPT))), "“cv.pdf” contains JavaScript"),
        (pdf("cv.pdf", pikepdf_pdf(opening_with(LAUNCH))), "“cv.pdf” contains an action that starts a program"),
        (
            pdf("cv.pdf", pdf_with_object_stream({5: b"<</P(x)>>"}, catalog=b"/AA<</O<</S/J#61vaScript/JS(x)>>>>")),
            "“cv.pdf” contains JavaScript",
        ),
        (
            pdf("cv.pdf", pikepdf_pdf(opening_with(JAVASCRIPT), object_stream_mode=pikepdf.ObjectStreamMode.generate)),
            "“cv.pdf” contains JavaScript",
        ),
        (
            pdf("cv.pdf", pdf_with_object_stream({5: b"<</S/Launch/F(x)>>"}, filters=("ASCIIHexDecode",))),
            "“cv.pdf” contains an action that starts a program",
        ),
        (pdf("cv.pdf", b"%PDF-1.4\n<html><script>alert(1)</script></html>"), "“cv.pdf” is damaged or not a PDF"),
        (pdf("cv.pdf", pikepdf_pdf(pages=0)), "“cv.pdf” has no pages"),
    ],
)
def test_every_bad_file_is_refused_and_nothing_is_stored(client, call, _test_storages, cv, message):
    response = client.post(apply_url(call), form_data(cv=cv))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["cv"])
    assert nothing_stored(_test_storages)


def test_a_cv_made_by_a_word_processor_is_accepted(client, call, _test_storages):
    """Several pages, fonts, an image, links, outlines and compressed object streams: an ordinary document."""
    response = client.post(apply_url(call), form_data(cv=pdf("cv.pdf", document_pdf(pages=4))))
    assert response.status_code == 200 and "form" not in response.context
    assert Application.objects.get().cv.name.startswith("applications/")


def test_an_oversize_cv_is_refused(client, call, settings, _test_storages):
    settings.UPLOAD_MAX_BYTES = 100
    response = client.post(apply_url(call), form_data())
    assert "each file may be at most" in " ".join(response.context["form"].errors["cv"])
    assert nothing_stored(_test_storages)


def test_the_cv_is_required_and_the_transcript_is_not(client, call):
    response = client.post(apply_url(call), form_data(cv=None))
    assert "cv" in response.context["form"].errors
    client.post(apply_url(call), form_data())
    assert Application.objects.get().transcript.name == ""


def test_the_word_limit_is_enforced_on_the_server(client, call, _test_storages):
    response = client.post(apply_url(call), form_data(personal_statement="word " * 51))
    assert response.context["form"].errors["personal_statement"] == [
        "Your statement has 51 words (each Chinese character counts as a word); the limit is 50. Please shorten it."
    ]
    assert 'data-word-limit="50"' in response.content.decode()
    assert nothing_stored(_test_storages)


def test_referees_must_be_two_different_people(client, call):
    response = client.post(apply_url(call), form_data(referee2_email="one@uni.example"))
    assert response.context["form"].errors["referee2_email"] == ["Give two different referees."]


def test_only_the_calls_lab_focus_areas_and_projects_are_offered(client, call):
    own = factories.FocusAreaFactory(lab=call.programme.lab, name="Own area")
    factories.FocusAreaFactory(name="Other lab area")
    factories.ProjectFactory(lab=call.programme.lab, title="Own project")
    factories.ProjectFactory(lab=call.programme.lab, title="Hidden project", is_public=False)
    response = client.get(apply_url(call))
    html = response.content.decode()
    assert "Own area" in html and "Other lab area" not in html
    assert "Own project" in html and "Hidden project" not in html
    assert list(response.context["form"].fields["focus_areas"].queryset) == [own]


# --- referees ----------------------------------------------------------------------------------------------------


@pytest.fixture
def referee(call):
    return factories.ApplicationRefereeFactory(application__call=call)


def test_a_referee_uploads_and_replaces_a_letter(client, referee, _test_storages):
    url = referee.get_upload_url()
    assert referee.application.name in client.get(url).content.decode()
    response = client.post(url, {"letter": pdf("letter.pdf")}, follow=True)
    assert "your letter has been received" in response.content.decode()
    referee.refresh_from_db()
    first = referee.letter.name
    assert referee.letter_received and first.startswith("letters/")

    response = client.post(url, {"letter": pdf("letter-v2.pdf")}, follow=True)
    assert "Your new letter replaces the previous one" in response.content.decode()
    referee.refresh_from_db()
    assert referee.letter.name != first


def test_a_referee_link_reaches_only_its_own_application(client, referee):
    other = factories.ApplicationRefereeFactory(application__name="Another Student")
    html = client.get(referee.get_upload_url()).content.decode()
    assert "Another Student" not in html
    assert client.get("/referees/not-a-real-token/").status_code == 404
    assert client.get(f"/referees/{other.pk}/").status_code == 404


def test_letters_are_accepted_until_the_deadline_plus_grace(client, referee, settings, _test_storages):
    settings.REFEREE_GRACE_DAYS = 7
    call = referee.application.call
    call.opens_at = timezone.now() - datetime.timedelta(days=30)
    call.closes_at = timezone.now() - datetime.timedelta(days=6)
    call.save()
    assert client.post(referee.get_upload_url(), {"letter": pdf()}).status_code == 302  # within grace
    call.closes_at = timezone.now() - datetime.timedelta(days=8)
    call.save()
    response = client.post(referee.get_upload_url(), {"letter": pdf("late.pdf")})
    assert response.status_code == 410
    assert "The time for letters for this application has passed" in response.content.decode()


@pytest.mark.parametrize(
    ("letter", "message"),
    [
        (upload("letter.pdf", EXE_BYTES), "is not an accepted file"),
        (
            pdf("letter.pdf", pdf_with_object_stream({5: b"<</S/JavaScript/JS(x)>>"}, filters=("ASCII85Decode",))),
            "“letter.pdf” contains JavaScript",
        ),
        (pdf("letter.pdf", STREAM_BOMB), "“letter.pdf” is damaged or not a PDF"),
    ],
)
def test_a_referee_letter_must_be_an_inert_pdf(client, referee, letter, message):
    response = client.post(referee.get_upload_url(), {"letter": letter})
    assert message in response.content.decode()
    referee.refresh_from_db()
    assert not referee.letter_received


def test_referee_uploads_are_rate_limited(client, referee, settings, _test_storages):
    settings.REFEREE_RATE_LIMIT = "2/h"
    statuses = [client.post(referee.get_upload_url(), {"letter": pdf(f"v{n}.pdf")}).status_code for n in range(2)]
    referee.refresh_from_db()
    kept = referee.letter.name
    blocked = client.post(referee.get_upload_url(), {"letter": pdf("v3.pdf")})
    assert statuses == [302, 302] and blocked.status_code == 429
    assert "Too many submissions" in blocked.content.decode() and int(blocked["Retry-After"]) > 0
    referee.refresh_from_db()
    assert referee.letter.name == kept
    # Counted per client address, and only what is posted: the page itself still opens.
    assert client.get(referee.get_upload_url()).status_code == 200
    assert client.post(referee.get_upload_url(), {"letter": pdf()}, REMOTE_ADDR="10.0.0.9").status_code == 302


def test_the_applicant_sees_letter_received_never_the_letter(client, referee):
    client.post(referee.get_upload_url(), {"letter": pdf()})
    referee.refresh_from_db()
    html = client.get(referee.application.get_status_url()).content.decode()
    assert "letter received" in html
    assert referee.letter.name not in html and referee.upload_token not in html


# --- the status page ---------------------------------------------------------------------------------------------


def test_the_applicant_withdraws_while_not_final(client, django_capture_on_commit_callbacks):
    application = factories.ApplicationFactory(status="shortlisted")
    assert "Withdraw my application" in client.get(application.get_status_url()).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{application.get_status_url()}withdraw/", follow=True)
    application.refresh_from_db()
    assert application.status == "withdrawn"
    assert "Withdrawn by you" in response.content.decode()
    assert "Withdraw my application" not in response.content.decode()


def test_a_final_application_cannot_be_withdrawn(client):
    application = factories.ApplicationFactory(status="rejected")
    client.post(f"{application.get_status_url()}withdraw/")
    application.refresh_from_db()
    assert application.status == "rejected"


def test_status_links_do_not_reach_other_applications(client):
    mine = factories.ApplicationFactory()
    theirs = factories.ApplicationFactory(name="Private Person")
    assert client.get(f"/applications/status/{theirs.reference}/").status_code == 404
    assert "Private Person" not in client.get(mine.get_status_url()).content.decode()


def test_a_mail_server_that_is_down_loses_no_application(client, call, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    with django_capture_on_commit_callbacks(execute=True):
        client.post(apply_url(call), form_data())
    assert Application.objects.count() == 1
    assert OutboxEmail.objects.filter(status="queued").count() == 4

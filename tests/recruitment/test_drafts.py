"""Drafts of applications: "save and continue later", resumed in any browser, sent as exactly one application,
reminded before the call closes and purged after."""

import datetime
import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from portal.models import OutboxEmail
from recruitment.models import Application, ApplicationDraft
from recruitment.services import CallNotOpen, draft_save, drafts_purge_closed, drafts_send_reminders
from tests import factories
from tests.files import EXE_BYTES, PDF_BYTES, pdf, pikepdf_pdf, upload

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
OTHER_PDF = pikepdf_pdf(pages=2)


@pytest.fixture
def call():
    return factories.CallFactory(slug="internships-2027", statement_word_limit=50, title="Internships 2027")


def apply_url(call, language=""):
    return f"{language}/calls/{call.slug}/apply/"


def complete(**overrides):
    data = {
        "name": "Chan Tai Man",
        "email": "taiman@student.example",
        "phone": "+852 5555 0000",
        "university": "Example University",
        "degree_programme": "BEng Computer Engineering",
        "year_of_study": "Year 3",
        "research_interests": "Machine vision for factories",
        "personal_statement": "I want to build inspection systems.",
        "referee1_name": "Dr Example One",
        "referee1_email": "one@uni.example",
        "referee1_institution": "Example University",
        "referee2_name": "Dr Example Two",
        "referee2_email": "two@uni.example",
        "referee2_institution": "Example University",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def partial(**overrides):
    """A form half filled in: no consent, no referees, a statement over the word limit, and the CV."""
    return {
        "email": "taiman@student.example",
        "name": "Chan Tai Man",
        "personal_statement": "A long statement still being shortened. " * 20,
        "cv": pdf("my-cv.pdf"),
        "save_draft": "1",
        **overrides,
    }


def save(client, call, data, capture, url=None):
    with capture(execute=True):
        return client.post(url or apply_url(call), data)


def resume_link(message):
    return re.search(r"http://\S+/applications/drafts/\S+/", message.body).group(0).replace("http://127.0.0.1:8000", "")


def stored_files(private_root, folder):
    return sorted((private_root / folder).glob("*")) if (private_root / folder).exists() else []


def test_saving_needs_only_an_email_keeps_everything_and_emails_a_private_link(
    client, call, django_capture_on_commit_callbacks, _test_storages
):
    response = save(client, call, partial(), django_capture_on_commit_callbacks)
    draft = ApplicationDraft.objects.get()
    assert response.status_code == 302 and response["Location"] == draft.get_absolute_url()
    assert Application.objects.count() == 0
    assert draft.data["name"] == "Chan Tai Man" and draft.data["personal_statement"].startswith("A long statement")
    assert draft.cv_name == "my-cv.pdf" and draft.cv.name.startswith("drafts/")
    assert len(stored_files(_test_storages, "drafts")) == 1
    [sent] = mail.outbox  # only the student: no referee and no lab is e-mailed for a draft
    assert sent.to == ["taiman@student.example"]
    assert sent.subject == "Your saved application: Internships 2027"
    assert draft.token in sent.body and "Nothing has been sent to the lab yet." in sent.body
    assert "Dear Chan Tai Man," in sent.body
    page = client.get(response["Location"]).content.decode()
    assert "We e-mailed taiman@student.example a private link to this page" in page


def test_the_link_email_is_in_the_language_of_the_form(client, call, django_capture_on_commit_callbacks):
    save(client, call, partial(), django_capture_on_commit_callbacks, url=apply_url(call, "/zh-hans"))
    draft = ApplicationDraft.objects.get()
    assert draft.language == "zh-hans"
    [sent] = mail.outbox
    assert "尊敬的 Chan Tai Man：" in sent.body and "联合实验室平台" in sent.body
    assert f"/zh-hans/applications/drafts/{draft.token}/" in sent.body
    assert "月" in sent.body  # the closing date, with the month's Chinese name


@pytest.mark.parametrize(
    ("email", "message"),
    [("", "This field is required."), ("not-an-address", "Enter an e-mail address like name@university.edu.")],
)
def test_a_draft_without_a_valid_email_is_not_kept(client, call, email, message, django_capture_on_commit_callbacks):
    response = save(client, call, partial(email=email), django_capture_on_commit_callbacks)
    assert response.status_code == 200 and message in response.content.decode()
    assert ApplicationDraft.objects.count() == 0 and mail.outbox == []


def test_a_draft_file_must_pass_the_upload_checks(client, call, django_capture_on_commit_callbacks, _test_storages):
    response = save(client, call, partial(cv=upload("cv.pdf", EXE_BYTES)), django_capture_on_commit_callbacks)
    assert response.status_code == 200 and "is not an accepted file" in response.content.decode()
    assert ApplicationDraft.objects.count() == 0 and stored_files(_test_storages, "drafts") == []


def test_a_draft_filled_in_by_software_is_not_kept(client, call, django_capture_on_commit_callbacks):
    response = save(client, call, partial(website="http://spam.example"), django_capture_on_commit_callbacks)
    assert "We could not accept this submission." in response.content.decode()
    assert ApplicationDraft.objects.count() == 0


def test_the_link_opens_the_form_with_everything_typed_and_the_file_in_another_browser(
    client, call, django_capture_on_commit_callbacks
):
    area = factories.FocusAreaFactory(lab=call.programme.lab, name="Machine vision")
    save(client, call, partial(focus_areas=[area.pk], referee1_name="Dr One"), django_capture_on_commit_callbacks)
    elsewhere = Client()
    page = elsewhere.get(resume_link(mail.outbox[0])).content.decode()
    assert 'value="Chan Tai Man"' in page and 'value="Dr One"' in page
    assert "A long statement still being shortened." in page
    assert re.search(rf'value="{area.pk}"[^>]*checked', page)
    assert "Kept in your draft:" in page and "my-cv.pdf" in page
    assert "You are continuing the application you saved." in page


def test_saving_again_updates_the_same_draft_without_another_email(
    client, call, django_capture_on_commit_callbacks, _test_storages
):
    save(client, call, partial(), django_capture_on_commit_callbacks)
    draft = ApplicationDraft.objects.get()
    old_file = draft.cv.name
    response = save(
        client,
        call,
        partial(name="Chan Tai-man", cv=upload("new-cv.pdf", OTHER_PDF, "application/pdf")),
        django_capture_on_commit_callbacks,
        url=draft.get_absolute_url(),
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert ApplicationDraft.objects.count() == 1 and len(mail.outbox) == 1
    assert draft.data["name"] == "Chan Tai-man" and draft.cv_name == "new-cv.pdf"
    assert draft.cv.read() == OTHER_PDF
    assert [path.name for path in stored_files(_test_storages, "drafts")] == [draft.cv.name.split("/")[-1]]
    assert old_file != draft.cv.name
    assert "Your draft is saved." in client.get(draft.get_absolute_url()).content.decode()


def test_saving_without_a_new_file_keeps_the_one_in_the_draft(client, call, django_capture_on_commit_callbacks):
    save(client, call, partial(), django_capture_on_commit_callbacks)
    draft = ApplicationDraft.objects.get()
    data = partial(phone="+852 1234 5678")
    del data["cv"]
    save(client, call, data, django_capture_on_commit_callbacks, url=draft.get_absolute_url())
    draft.refresh_from_db()
    assert draft.data["phone"] == "+852 1234 5678" and draft.cv_name == "my-cv.pdf" and draft.cv.read() == PDF_BYTES


def test_a_changed_address_is_emailed_the_link_once(client, call, django_capture_on_commit_callbacks):
    save(client, call, partial(), django_capture_on_commit_callbacks)
    draft = ApplicationDraft.objects.get()
    save(
        client,
        call,
        partial(email="other@student.example"),
        django_capture_on_commit_callbacks,
        draft.get_absolute_url(),
    )
    save(
        client,
        call,
        partial(email="other@student.example"),
        django_capture_on_commit_callbacks,
        draft.get_absolute_url(),
    )
    assert [message.to for message in mail.outbox] == [["taiman@student.example"], ["other@student.example"]]


def test_saving_is_rate_limited_and_the_draft_is_left_as_it_was(
    client, call, settings, django_capture_on_commit_callbacks
):
    settings.DRAFT_SAVE_RATE_LIMIT = "1/h"
    save(client, call, partial(), django_capture_on_commit_callbacks)
    draft = ApplicationDraft.objects.get()
    response = save(client, call, partial(name="Changed"), django_capture_on_commit_callbacks, draft.get_absolute_url())
    assert response.status_code == 200 and "Nothing you typed is lost" in response.content.decode()
    draft.refresh_from_db()
    assert draft.data["name"] == "Chan Tai Man"


def test_link_emails_to_a_typed_address_are_capped(client, call, settings, django_capture_on_commit_callbacks):
    settings.PUBLIC_EMAILS_PER_RECIPIENT = "1/d"
    save(client, call, partial(), django_capture_on_commit_callbacks)
    save(Client(), call, partial(), django_capture_on_commit_callbacks)
    assert ApplicationDraft.objects.count() == 2 and len(mail.outbox) == 1
    held = OutboxEmail.objects.get(status=OutboxEmail.Status.FAILED)
    assert "Not sent" in held.last_error


def test_submitting_the_draft_makes_one_application_with_the_kept_file(
    client, call, django_capture_on_commit_callbacks, _test_storages
):
    save(client, call, partial(), django_capture_on_commit_callbacks)
    draft = ApplicationDraft.objects.get()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(draft.get_absolute_url(), complete())
    assert response.status_code == 200 and "Check your e-mail" in response.content.decode()
    application = Application.objects.get()
    assert application.name == "Chan Tai Man" and application.cv.read() == PDF_BYTES
    assert application.status == "submitted" and application.referees.count() == 2
    draft.refresh_from_db()
    assert draft.application == application and draft.data == {} and not draft.cv
    assert stored_files(_test_storages, "drafts") == []
    assert {message.to[0] for message in mail.outbox} >= {"taiman@student.example", "one@uni.example"}


def test_a_second_submit_of_the_draft_makes_nothing_more(client, call, django_capture_on_commit_callbacks):
    save(client, call, partial(), django_capture_on_commit_callbacks)
    draft = ApplicationDraft.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(draft.get_absolute_url(), complete())
    mail.outbox.clear()
    second_tab = client.post(draft.get_absolute_url(), complete(cv=pdf("cv.pdf")))
    assert second_tab.status_code == 409
    assert "This draft has already been sent as your application" in second_tab.content.decode()
    assert Application.objects.count() == 1 and mail.outbox == []
    assert client.get(draft.get_absolute_url()).status_code == 409


def test_a_draft_of_an_address_that_applied_already_gets_the_existing_link(
    client, call, django_capture_on_commit_callbacks
):
    existing = factories.ApplicationFactory(call=call, email="taiman@student.example")
    save(client, call, partial(), django_capture_on_commit_callbacks)
    draft = ApplicationDraft.objects.get()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(draft.get_absolute_url(), complete())
    assert "Check your e-mail" in response.content.decode()  # the same answer as for a new address
    assert Application.objects.count() == 1
    [sent] = mail.outbox
    assert sent.to == ["taiman@student.example"] and existing.get_status_url() in sent.body


def test_sending_an_incomplete_draft_says_what_is_missing_and_keeps_it(
    client, call, django_capture_on_commit_callbacks
):
    save(client, call, partial(), django_capture_on_commit_callbacks)
    draft = ApplicationDraft.objects.get()
    response = client.post(draft.get_absolute_url(), complete(referee1_name="", consent=None))
    page = response.content.decode()
    assert response.status_code == 200 and "Please agree to the privacy notice" in page
    assert "Kept in your draft:" in page  # the file is still there for the next attempt
    assert Application.objects.count() == 0
    draft.refresh_from_db()
    assert not draft.is_sent and draft.cv_name == "my-cv.pdf"


def test_a_draft_of_a_closed_call_says_so_and_nothing_changes(client, call, django_capture_on_commit_callbacks):
    save(client, call, partial(), django_capture_on_commit_callbacks)
    draft = ApplicationDraft.objects.get()
    call.closes_at = timezone.now() - datetime.timedelta(seconds=1)
    call.save()
    page = client.get(draft.get_absolute_url())
    assert page.status_code == 410 and "can no longer be sent: the call closed on" in page.content.decode()
    for data in (complete(), partial(name="Changed")):
        response = client.post(draft.get_absolute_url(), data)
        assert response.status_code == 410
    draft.refresh_from_db()
    assert draft.data["name"] == "Chan Tai Man" and Application.objects.count() == 0


def test_an_unknown_draft_link_explains_itself(client):
    response = client.get("/applications/drafts/not-a-real-token/")
    assert response.status_code == 404 and "No saved application is at this link." in response.content.decode()


def test_the_service_refuses_a_closed_call_and_a_bad_address(call):
    with pytest.raises(ValidationError):
        draft_save(call=call, draft=None, email="nobody", data={}, files={}, language="en")
    with pytest.raises(CallNotOpen):
        draft_save(call=call, draft=None, email="a@b.example", data={}, files={}, language="en", now=call.closes_at)
    assert ApplicationDraft.objects.count() == 0


def make_draft(call, email="taiman@student.example", language="en"):
    draft, _emailed = draft_save(
        call=call,
        draft=None,
        email=email,
        data={"name": "Chan Tai Man"},
        files={"cv": pdf("cv.pdf")},
        language=language,
        now=call.opens_at,
    )
    return draft


def test_the_reminder_goes_once_a_few_days_before_the_call_closes(settings, call, django_capture_on_commit_callbacks):
    settings.DRAFT_REMINDER_DAYS = 3
    draft = make_draft(call)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert drafts_send_reminders(now=call.closes_at - 4 * DAY) == 0
        assert drafts_send_reminders(now=call.closes_at - 2 * DAY) == 1
        assert drafts_send_reminders(now=call.closes_at - 1 * DAY) == 0  # once per draft
        assert drafts_send_reminders(now=call.closes_at + DAY) == 0
    [sent] = mail.outbox
    assert sent.subject == "Reminder: your application to Internships 2027 is not sent yet"
    assert draft.get_absolute_url() in sent.body
    draft.refresh_from_db()
    assert draft.reminded_at == call.closes_at - 2 * DAY


def test_the_reminder_is_in_the_drafts_language(call, django_capture_on_commit_callbacks):
    make_draft(call, language="zh-hant")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        drafts_send_reminders(now=call.closes_at - DAY)
    [sent] = mail.outbox
    assert "聯合實驗室平台" in sent.body
    assert "/zh-hant/applications/drafts/" in sent.body


def test_no_reminder_for_a_sent_draft_or_an_address_that_applied(call, client, django_capture_on_commit_callbacks):
    make_draft(call, email="applied@student.example")
    factories.ApplicationFactory(call=call, email="Applied@Student.example")
    save(client, call, partial(), django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(ApplicationDraft.objects.get(email="taiman@student.example").get_absolute_url(), complete())
    assert drafts_send_reminders(now=call.closes_at - DAY) == 0


def test_the_daily_command_reminds(call, django_capture_on_commit_callbacks, capsys):
    call.closes_at = timezone.now() + DAY
    call.save()
    make_draft(call)
    call_command("send_draft_reminders")
    assert "Reminded 1 unsent application draft(s)." in capsys.readouterr().out


def test_drafts_of_closed_calls_are_purged_with_their_files(
    call, _test_storages, capsys, django_capture_on_commit_callbacks
):
    closed = factories.CallFactory(title="Closed")
    make_draft(closed)
    kept = make_draft(call)
    closed.closes_at = timezone.now() - DAY
    closed.save()
    assert len(stored_files(_test_storages, "drafts")) == 2
    with django_capture_on_commit_callbacks(execute=True):
        call_command("purge_expired")
    assert " 1 application draft(s)" in capsys.readouterr().out
    assert list(ApplicationDraft.objects.all()) == [kept]
    assert [path.name for path in stored_files(_test_storages, "drafts")] == [kept.cv.name.split("/")[-1]]
    with django_capture_on_commit_callbacks(execute=True):
        assert drafts_purge_closed(now=call.closes_at) == (1, 1)
    assert stored_files(_test_storages, "drafts") == []

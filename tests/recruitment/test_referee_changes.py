"""The student's referees on the status page: which letters are in, corrections and resent requests while no letter
is, a clear refusal after; and the referees' reminder before the letter deadline."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from recruitment.services import (
    RefereeChangeRefused,
    letter_deadline,
    referee_correct,
    referee_upload_letter,
    referees_send_reminders,
)
from tests import factories
from tests.files import pdf

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def referees(count):
    return [
        {"order": n, "name": f"Dr Referee {n}", "email": f"ref{n}@uni.example", "institution": "Example University"}
        for n in range(1, count + 1)
    ]


@pytest.fixture
def application():
    call = factories.CallFactory(title="Internships 2027")
    return factories.ApplicationFactory(
        call=call, name="Alex Student", email="alex@student.example", referees=referees(2)
    )


def first(application):
    return application.referees.get(order=1)


def change_url(application, referee):
    return f"{application.get_status_url()}referees/{referee.pk}/"


def correct(client, application, referee, capture, *, resend=False, **details):
    data = {"name": referee.name, "institution": referee.institution, "email": referee.email, **details}
    post = {f"referee-{referee.pk}-{key}": value for key, value in data.items()}
    post["resend" if resend else "save"] = "1"
    with capture(execute=True):
        response = client.post(change_url(application, referee), post)
    assert response.status_code == 302 and response["Location"].endswith("#referees")
    return client.get(response["Location"]).content.decode()


def test_the_status_page_lists_each_referee_with_the_state_of_the_letter(client, application):
    referee_upload_letter(referee=first(application), letter=pdf("letter.pdf"))
    page = client.get(application.get_status_url()).content.decode()
    assert "Dr Referee 1 (Example University), ref1@uni.example — <strong>letter received</strong>" in page
    assert "Dr Referee 2 (Example University), ref2@uni.example — no letter yet" in page
    assert "This referee&#x27;s letter has arrived" in page
    assert page.count("Correct this referee or send the request again") == 1


def test_a_new_address_gets_the_request_with_a_new_link_and_the_old_one_stops_working(
    client, application, django_capture_on_commit_callbacks
):
    referee = first(application)
    old_link = referee.get_upload_url()
    mail.outbox.clear()
    page = correct(client, application, referee, django_capture_on_commit_callbacks, email="Right@Uni.example")
    assert "The request was e-mailed to your referee" in page
    referee.refresh_from_db()
    assert referee.email == "right@uni.example" and referee.get_upload_url() != old_link
    assert client.get(old_link).status_code == 404
    assert client.get(referee.get_upload_url()).status_code == 200
    [sent] = mail.outbox  # the referee only: staff are not e-mailed for a correction
    assert sent.to == ["right@uni.example"] and referee.get_upload_url() in sent.body
    assert sent.subject == "Request for a recommendation letter: Internships 2027"
    assert "was Dr Referee 1, Example University, ref1@uni.example" in referee.corrections


def test_the_request_is_in_the_applications_language(client, django_capture_on_commit_callbacks):
    application = factories.ApplicationFactory(referees=referees(1), language="zh-hans", name="Alex Student")
    mail.outbox.clear()
    correct(client, application, first(application), django_capture_on_commit_callbacks, email="new@uni.example")
    [sent] = mail.outbox
    assert "尊敬的 Dr Referee 1：" in sent.body and "联合实验室平台" in sent.body


def test_a_name_or_institution_correction_emails_nobody_and_is_recorded_for_staff(
    client, admin_client, application, django_capture_on_commit_callbacks
):
    referee = first(application)
    token = referee.upload_token
    mail.outbox.clear()
    page = correct(client, application, referee, django_capture_on_commit_callbacks, name="Prof Referee One")
    assert "Your referee&#x27;s details were corrected." in page
    referee.refresh_from_db()
    assert referee.name == "Prof Referee One" and referee.upload_token == token and mail.outbox == []
    staff_page = admin_client.get(f"/admin/recruitment/application/{application.pk}/change/").content.decode()
    assert "was Dr Referee 1, Example University, ref1@uni.example" in staff_page


def test_the_same_details_change_nothing(client, application, django_capture_on_commit_callbacks):
    page = correct(client, application, first(application), django_capture_on_commit_callbacks)
    assert "Nothing was changed: the details are the same as before." in page
    assert first(application).corrections == ""


def test_resending_is_limited_to_once_an_hour_per_referee(client, application, django_capture_on_commit_callbacks):
    referee = first(application)
    mail.outbox.clear()
    assert "The request was e-mailed" in correct(
        client, application, referee, django_capture_on_commit_callbacks, resend=True
    )
    referee.refresh_from_db()
    page = correct(client, application, referee, django_capture_on_commit_callbacks, resend=True, email="x@uni.example")
    assert "This referee was e-mailed a short while ago. Nothing was changed" in page
    assert len(mail.outbox) == 1 and first(application).email == "ref1@uni.example"
    # The other referee is not held back, and an hour later this one may be e-mailed again.
    correct(client, application, application.referees.get(order=2), django_capture_on_commit_callbacks, resend=True)
    later = referee.resent_at + datetime.timedelta(minutes=60)
    change = referee_correct(
        referee=referee, name=referee.name, institution=referee.institution, email=referee.email, resend=True, now=later
    )
    assert change.emailed and len(mail.outbox) == 2


def test_after_the_letter_is_in_nothing_changes(client, application, django_capture_on_commit_callbacks):
    referee = first(application)
    referee_upload_letter(referee=referee, letter=pdf("letter.pdf"))
    mail.outbox.clear()
    page = correct(client, application, referee, django_capture_on_commit_callbacks, email="new@uni.example")
    assert "This referee&#x27;s letter has arrived, so their details can no longer be changed." in page
    referee.refresh_from_db()
    assert referee.email == "ref1@uni.example" and mail.outbox == []


def test_after_the_letter_deadline_nothing_changes(application):
    referee = first(application)
    with pytest.raises(RefereeChangeRefused, match="The time for letters has passed"):
        referee_correct(
            referee=referee,
            name="New",
            institution="New",
            email="new@uni.example",
            now=letter_deadline(application.call),
        )
    referee.refresh_from_db()
    assert referee.name == "Dr Referee 1"


def test_the_page_says_so_after_the_letter_deadline(client):
    now = timezone.now()
    call = factories.CallFactory(opens_at=now - 30 * DAY, closes_at=now - 10 * DAY)
    application = factories.ApplicationFactory(call=call, referees=referees(1))
    page = client.get(application.get_status_url()).content.decode()
    assert "The time for letters has passed, so referees can no longer be changed." in page
    assert "Correct this referee" not in page


def test_a_withdrawn_application_keeps_its_referees(client, application, django_capture_on_commit_callbacks):
    factories.ApplicationFactory._meta.model.objects.filter(pk=application.pk).update(status="withdrawn")
    page = correct(client, application, first(application), django_capture_on_commit_callbacks, name="New")
    assert "This application is closed, so its referees can no longer be changed." in page
    assert first(application).name == "Dr Referee 1"


@pytest.mark.parametrize(
    ("details", "message"),
    [
        ({"email": "not-an-address"}, "Enter an e-mail address like name@university.edu."),
        ({"email": "alex@student.example"}, "A referee cannot be you."),
        ({"email": "ref2@uni.example"}, "Another of your referees has this e-mail address"),
        ({"name": ""}, "This field is required."),
    ],
)
def test_bad_details_are_refused_with_the_reason(
    client, application, details, message, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    page = correct(client, application, first(application), django_capture_on_commit_callbacks, **details)
    assert "Nothing was changed:" in page and message in page
    referee = first(application)
    assert (referee.name, referee.email, referee.corrections) == ("Dr Referee 1", "ref1@uni.example", "")
    assert mail.outbox == []


def test_only_this_applications_referees_can_be_changed(client, application):
    other = factories.ApplicationFactory(referees=referees(1))
    foreign = first(other)
    post = {f"referee-{foreign.pk}-{key}": "x@uni.example" for key in ("name", "institution", "email")}
    assert client.post(change_url(application, foreign), post).status_code == 404
    assert client.post(f"/applications/status/wrong-token/referees/{foreign.pk}/", post).status_code == 404
    assert client.get(change_url(application, first(application))).status_code == 405
    foreign.refresh_from_db()
    assert foreign.name == "Dr Referee 1"


def test_changes_are_rate_limited_per_client(client, application, settings):
    settings.REFEREE_RATE_LIMIT = "1/h"
    referee = first(application)
    client.post(change_url(application, referee), {})
    assert client.post(change_url(application, referee), {}).status_code == 429


def test_the_conversation_still_works_on_the_page(client, application, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(application.get_status_url(), {"body": "A question about my referees."})
    assert response.status_code == 302
    assert "A question about my referees." in client.get(application.get_status_url()).content.decode()


def test_the_status_page_costs_the_same_queries_with_one_or_three_referees(client, count_queries):
    one = factories.ApplicationFactory(referees=referees(1))
    three = factories.ApplicationFactory(referees=referees(3))
    referee_upload_letter(referee=first(three), letter=pdf("letter.pdf"))
    assert count_queries(client, one.get_status_url()) == count_queries(client, three.get_status_url())


def test_referees_without_a_letter_are_reminded_once_before_the_deadline(
    settings, application, django_capture_on_commit_callbacks
):
    settings.REFEREE_REMINDER_DAYS = 3
    deadline = letter_deadline(application.call)
    referee_upload_letter(referee=application.referees.get(order=2), letter=pdf("letter.pdf"), now=deadline - 5 * DAY)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert referees_send_reminders(now=deadline - 4 * DAY) == 0
        assert referees_send_reminders(now=deadline - 2 * DAY) == 1
        assert referees_send_reminders(now=deadline - 1 * DAY) == 0
        assert referees_send_reminders(now=deadline + DAY) == 0
    [sent] = mail.outbox
    referee = first(application)
    assert sent.to == ["ref1@uni.example"] and referee.get_upload_url() in sent.body
    assert sent.subject == "Reminder: recommendation letter for Internships 2027"
    assert "we have not received your letter yet" in sent.body


def test_the_referee_reminder_is_in_the_applications_language(django_capture_on_commit_callbacks):
    application = factories.ApplicationFactory(referees=referees(1), language="zh-hant")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        referees_send_reminders(now=letter_deadline(application.call) - DAY)
    [sent] = mail.outbox
    assert "聯合實驗室平台" in sent.body and "月" in sent.body


def test_a_new_address_is_reminded_even_if_the_old_one_was(application, django_capture_on_commit_callbacks):
    referee = first(application)
    deadline = letter_deadline(application.call)
    referees_send_reminders(now=deadline - DAY)
    referee_correct(referee=referee, name="Dr Referee 1", institution="Example University", email="new@uni.example")
    assert referees_send_reminders(now=deadline - DAY) == 1


def test_no_reminder_for_a_closed_application(application):
    factories.ApplicationFactory._meta.model.objects.filter(pk=application.pk).update(status="rejected")
    assert referees_send_reminders(now=letter_deadline(application.call) - DAY) == 0


def test_the_daily_command_reminds(capsys):
    now = timezone.now()
    call = factories.CallFactory(opens_at=now - 30 * DAY, closes_at=now - 6 * DAY)  # letters due in a day
    factories.ApplicationFactory(call=call, referees=referees(2))
    call_command("send_referee_reminders")
    assert "Reminded 2 referee(s) of their letter." in capsys.readouterr().out


def test_an_application_without_referees_has_no_empty_referees_section(client):
    application = factories.ApplicationFactory(call=factories.CallFactory())
    assert not application.referees.exists()
    page = client.get(application.get_status_url()).content.decode()
    assert 'id="referees"' not in page and "What you sent" in page


def test_an_application_with_referees_lists_them_on_its_status_page(client, application):
    page = client.get(application.get_status_url()).content.decode()
    assert 'id="referees"' in page and "Dr Referee 1" in page and "no letter yet" in page

"""The conversation on an application, and the student's status page: what they sent, the lab, the thread,
withdrawal with confirmation, and a helpful page for a link that leads nowhere."""

import pytest
from django.core import mail
from django.urls import reverse

from people.roles import REVIEWER
from people.staff import staff_add
from portal.models import Message
from recruitment.services import application_message_from_staff, application_message_from_student
from tests import factories
from tests.files import pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def application():
    lab = factories.JointLabFactory(slug="own", short_name="Robotics Lab", inbox_email="robotics@example.org")
    call = factories.CallFactory(programme__lab=lab, blind_review=True)
    return factories.ApplicationFactory(call=call, status="under_review", name="Alex Student", language="zh-hans")


@pytest.fixture
def staff_member():
    return factories.SuperuserFactory(first_name="Wing", last_name="Lee")


def admin_page(application):
    return reverse("admin:recruitment_application_change", args=[application.pk])


def test_staff_ask_the_student_and_the_email_is_in_simplified_chinese(
    admin_client, application, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            admin_page(application),
            {"_conversation": "Send", "body": "请补交成绩单。", "ask_for_information": "on"},
        )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "waiting"
    [sent] = mail.outbox
    assert sent.to == [application.email] and sent.reply_to == ["robotics@example.org"]
    assert "请补交成绩单。" in sent.body and "请在您的私人页面回复" in sent.body
    assert application.get_status_url() in sent.body


def test_the_student_answers_and_the_lab_is_emailed_in_english(
    client, application, staff_member, django_capture_on_commit_callbacks
):
    application_message_from_staff(
        application=application, by=staff_member, body="Please send your transcript.", ask_for_information=True
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(application.get_status_url(), {"body": "Attached.", "files": [pdf("transcript.pdf")]})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "under_review"
    [to_lab] = mail.outbox
    assert to_lab.to == ["robotics@example.org"]
    assert to_lab.subject == f"New message from the submitter of {application.reference}"
    assert "Attached." in to_lab.body and "transcript.pdf" in to_lab.body


def test_a_reviewer_never_sees_the_thread_of_a_blind_review_application(client, application, staff_member):
    message = application_message_from_student(
        application=application, body="I am Alex Student.", files=[(pdf("me.pdf"), "pdf")]
    )
    reviewer = staff_add(email="reviewer@example.org", role=REVIEWER)[0]
    application.reviewers.add(reviewer)
    client.force_login(reviewer)
    page = client.get(admin_page(application))
    assert page.status_code == 200
    assert (
        "I am Alex Student." not in page.content.decode()
        and "Conversation with the submitter" not in page.content.decode()
    )
    file_url = reverse(
        "admin:recruitment_application_conversation_file", args=[application.pk, message.attachments.get().pk]
    )
    assert client.get(file_url).status_code == 403
    posted = client.post(admin_page(application), {"_conversation": "Send", "body": "Hello Alex"})
    assert posted.status_code == 403
    assert Message.objects.count() == 1


def test_the_status_page_summarises_what_was_sent_and_offers_the_files_again(client, application):
    page = client.get(application.get_status_url()).content.decode()
    assert (
        "What you sent" in page and "Example University" in page and "I would like to work on fictional robots." in page
    )
    assert "Robotics Lab" in page
    cv_url = reverse("recruitment:application_file", args=[application.status_token, "cv"])
    assert cv_url in page
    response = client.get(cv_url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert (
        client.get(reverse("recruitment:application_file", args=[application.status_token, "other"])).status_code == 404
    )


def test_withdrawal_is_confirmed_on_its_own_page_and_the_lab_is_told(
    client, application, django_capture_on_commit_callbacks
):
    url = reverse("recruitment:application_withdraw", args=[application.status_token])
    assert "Yes, withdraw the application" in client.get(url).content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    application.refresh_from_db()
    assert application.status == "withdrawn"
    assert sorted(sent.to[0] for sent in mail.outbox) == sorted([application.email, "robotics@example.org"])


@pytest.mark.parametrize(
    "path",
    [
        "/applications/status/not-a-real-token/",
        "/applications/status/not-a-real-token/withdraw/",
        "/challenges/status/not-a-real-token/",
        "/challenges/status/not-a-real-token/data.json",
    ],
)
def test_a_link_that_leads_nowhere_says_what_to_do(client, db, path):
    response = client.get(path)
    assert response.status_code == 404
    page = response.content.decode()
    assert "Check that you opened the whole link from our e-mail" in page
    assert "Still stuck? Write to" in page

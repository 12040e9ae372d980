"""The conversation on a challenge request: staff write from the admin page, the enterprise answers on its status
page, both with files; staff ask formally for information and the request waits for the answer."""

import zoneinfo

import pytest
from django.core import mail
from django.urls import reverse

from challenges.services import challenge_message_from_enterprise, challenge_message_from_staff
from portal.conversation import MessageRefused, send_information_reminders
from portal.models import Message, OutboxEmail
from portal.workflow import history
from tests import factories
from tests.files import STREAM_BOMB, pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def lab():
    return factories.JointLabFactory(slug="own", short_name="Vision Lab", inbox_email="vision-inbox@example.org")


@pytest.fixture
def challenge(lab):
    return factories.ChallengeRequestFactory(status="under_review", lab=lab, contact_name="Pat Example")


@pytest.fixture
def staff_member():
    return factories.SuperuserFactory(first_name="Mei", last_name="Chan", email="mei.chan@example.org")


def admin_page(challenge):
    return reverse("admin:challenges_challengerequest_change", args=[challenge.pk])


def post_as_staff(client, challenge, body, **extra):
    return client.post(admin_page(challenge), {"_conversation": "Send", "body": body, **extra})


def post_as_enterprise(client, challenge, body, **extra):
    return client.post(challenge.get_status_url(), {"body": body, **extra})


def test_staff_ask_for_information_and_the_enterprise_is_emailed_with_a_way_back(
    client, challenge, staff_member, django_capture_on_commit_callbacks
):
    client.force_login(staff_member)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = post_as_staff(client, challenge, "Could you send sample images?", ask_for_information="on")
    assert response.status_code == 302 and response["Location"].endswith("#conversation")
    challenge.refresh_from_db()
    assert challenge.status == "waiting"
    assert history(challenge).last().changed_by == staff_member
    [sent] = mail.outbox
    assert sent.to == [challenge.email] and sent.reply_to == ["vision-inbox@example.org"]
    assert sent.subject == f"A message from the lab about {challenge.reference}"
    assert "Mei Chan of Vision Lab wrote to you" in sent.body and "Could you send sample images?" in sent.body
    assert challenge.get_status_url() in sent.body
    assert "your request waits until you answer" in sent.body
    assert "mei.chan@example.org" not in sent.body


def test_the_email_is_in_the_enterprises_language(client, staff_member, lab, django_capture_on_commit_callbacks):
    challenge = factories.ChallengeRequestFactory(status="under_review", lab=lab, language="zh-hant")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        challenge_message_from_staff(challenge=challenge, by=staff_member, body="請提供樣本圖片。")
    [sent] = mail.outbox
    assert "請提供樣本圖片。" in sent.body
    assert "請在你的私人頁面回覆" in sent.body and "Vision Lab 的 Mei Chan 就" in sent.body
    assert "Dear" not in sent.body and "Answer" not in sent.body


def test_without_a_lab_inbox_the_email_says_to_answer_on_the_page(staff_member, django_capture_on_commit_callbacks):
    challenge = factories.ChallengeRequestFactory(status="under_review")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        challenge_message_from_staff(challenge=challenge, by=staff_member, body="A question.")
    [sent] = mail.outbox
    assert sent.reply_to == []
    assert "Please answer on that page: replies to this e-mail are not read." in sent.body


def test_the_enterprise_answers_with_a_file_and_the_request_moves_back(
    client, challenge, staff_member, django_capture_on_commit_callbacks
):
    challenge_message_from_staff(challenge=challenge, by=staff_member, body="Samples?", ask_for_information=True)
    page = client.get(challenge.get_status_url()).content.decode()
    assert "The lab is waiting for your information" in page and "Samples?" in page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = post_as_enterprise(client, challenge, "Here they are.", files=[pdf("samples.pdf")])
    assert response.status_code == 302
    challenge.refresh_from_db()
    assert challenge.status == "under_review"
    assert history(challenge).last().actor_label == "submitter"
    [to_staff] = mail.outbox
    assert to_staff.to == ["vision-inbox@example.org"]  # no owner yet: the lab's inbox
    assert "Here they are." in to_staff.body and "samples.pdf" in to_staff.body
    assert admin_page(challenge) in to_staff.body
    page = client.get(challenge.get_status_url()).content.decode()
    assert "Here they are." in page and "samples.pdf" in page and "The lab is waiting" not in page


def test_the_owner_hears_of_the_enterprises_messages(challenge, django_capture_on_commit_callbacks):
    owner = factories.StaffUserFactory(email="owner@example.org")
    type(challenge).objects.filter(pk=challenge.pk).update(owner=owner)
    challenge.refresh_from_db()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        challenge_message_from_enterprise(challenge=challenge, body="One more detail.")
    assert [sent.to for sent in mail.outbox] == [["owner@example.org"]]


def test_the_thread_shows_staff_by_name_and_lab_in_hong_kong_time(client, challenge, staff_member):
    message = challenge_message_from_staff(challenge=challenge, by=staff_member, body="Hello from the lab.")
    page = client.get(challenge.get_status_url()).content.decode()
    assert "<strong>Mei Chan</strong>, Vision Lab" in page
    assert "mei.chan@example.org" not in page
    hong_kong = message.sent_at.astimezone(zoneinfo.ZoneInfo("Asia/Hong_Kong"))
    assert hong_kong.strftime("%H:%M") in page and "Times are Hong Kong time." in page


def test_internal_notes_never_reach_the_status_page(client, challenge):
    type(challenge).objects.filter(pk=challenge.pk).update(internal_notes="Budget looks thin")
    assert "Budget looks thin" not in client.get(challenge.get_status_url()).content.decode()


def test_the_admin_page_shows_the_thread_beside_the_history(admin_client, challenge, staff_member):
    challenge_message_from_staff(challenge=challenge, by=staff_member, body="First question.")
    challenge_message_from_enterprise(challenge=challenge, body="First answer.", files=[(pdf("a.pdf"), "pdf")])
    page = admin_client.get(admin_page(challenge)).content.decode()
    assert "Conversation with the submitter" in page and "First question." in page and "First answer." in page
    assert "Status history" in page and "Under review" in page
    attachment = Message.objects.get(body="First answer.").attachments.get()
    file_url = reverse("admin:challenges_challengerequest_conversation_file", args=[challenge.pk, attachment.pk])
    assert file_url in page
    assert admin_client.get(file_url)["Content-Disposition"].startswith("attachment")


# --- bad input --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("body", ["", "   \n  "])
def test_an_empty_message_is_refused_and_nothing_is_sent(client, challenge, body):
    mail.outbox.clear()
    response = post_as_enterprise(client, challenge, body)
    assert response.status_code == 400 and "Write a message before sending it." in response.content.decode()
    assert not Message.objects.exists() and not mail.outbox


def test_an_overlong_message_is_refused_with_what_was_typed(client, challenge, settings):
    settings.MESSAGE_MAX_LENGTH = 50
    response = post_as_enterprise(client, challenge, "x" * 60)
    assert response.status_code == 400 and "x" * 60 in response.content.decode()
    assert "at most 50 characters" in response.content.decode()
    assert not Message.objects.exists()


def test_a_hostile_file_is_refused_and_nothing_is_stored(client, challenge, _test_storages):
    outbox_before = OutboxEmail.objects.count()
    response = post_as_enterprise(client, challenge, "See attached.", files=[pdf("bomb.pdf", STREAM_BOMB)])
    assert response.status_code == 400 and "bomb.pdf" in response.content.decode()
    assert not Message.objects.exists() and OutboxEmail.objects.count() == outbox_before
    assert not list((_test_storages / "messages").rglob("*")) if (_test_storages / "messages").exists() else True


@pytest.mark.parametrize("status", ["declined", "withdrawn", "converted"])
def test_a_closed_request_takes_no_more_messages(client, staff_member, status):
    challenge = factories.ChallengeRequestFactory(status=status, project=factories.ProjectFactory())
    page = client.get(challenge.get_status_url()).content.decode()
    assert "This matter is closed" in page and 'name="body"' not in page
    response = post_as_enterprise(client, challenge, "Still there?")
    assert response.status_code == 400
    with pytest.raises(MessageRefused, match="This matter is closed"):
        challenge_message_from_staff(challenge=challenge, by=staff_member, body="Hello")
    assert not Message.objects.exists()


def test_a_file_of_another_requests_thread_cannot_be_fetched_with_this_link(client, challenge):
    other = factories.ChallengeRequestFactory(status="under_review")
    message = challenge_message_from_enterprise(challenge=other, body="Mine.", files=[(pdf("secret.pdf"), "pdf")])
    attachment = message.attachments.get()
    own_link = reverse("challenges:challenge_message_file", args=[challenge.status_token, attachment.pk])
    other_link = reverse("challenges:challenge_message_file", args=[other.status_token, attachment.pk])
    assert client.get(own_link).status_code == 404
    assert client.get(other_link).status_code == 200


def test_a_message_needs_the_forms_csrf_token(challenge):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(challenge.get_status_url(), {"body": "Hello"})
    assert response.status_code == 403 and not Message.objects.exists()


def test_a_flood_of_messages_on_one_link_is_stopped(client, challenge, settings):
    settings.MESSAGE_RATE_LIMIT = "2/h"
    assert [post_as_enterprise(client, challenge, f"Message {n}").status_code for n in range(3)] == [302, 302, 400]
    assert "many messages in a short time" in post_as_enterprise(client, challenge, "Again").content.decode()
    assert Message.objects.count() == 2


def test_with_the_mail_server_down_the_message_is_kept_and_its_email_queued(
    client, challenge, settings, django_capture_on_commit_callbacks
):
    # A real SMTP connection to a loopback port where nothing listens.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    with django_capture_on_commit_callbacks(execute=True):
        assert post_as_enterprise(client, challenge, "Are you there?").status_code == 302
    assert Message.objects.get().body == "Are you there?"
    queued = OutboxEmail.objects.filter(subject__contains="New message from the submitter").get()
    assert queued.status == OutboxEmail.Status.QUEUED and "ConnectionRefusedError" in queued.last_error


# --- who may take part ------------------------------------------------------------------------------------------


def test_a_lab_manager_of_another_lab_can_neither_read_nor_write_the_thread(client, two_labs, staff_member):
    from people.roles import LAB_MANAGER
    from people.staff import staff_add

    other_lab_request = factories.ChallengeRequestFactory(status="under_review", lab=two_labs[1])
    challenge_message_from_staff(challenge=other_lab_request, by=staff_member, body="Private exchange.")
    manager = staff_add(email="manager@example.org", role=LAB_MANAGER, lab_slugs=["own"])[0]
    client.force_login(manager)
    assert post_as_staff(client, other_lab_request, "Hijack").status_code == 404
    attachment_url = reverse("admin:challenges_challengerequest_conversation_file", args=[other_lab_request.pk, 1])
    assert client.get(attachment_url).status_code == 404
    assert Message.objects.count() == 1


# --- reminders --------------------------------------------------------------------------------------------------


def test_an_unanswered_question_is_reminded_once_after_the_set_days(
    challenge, staff_member, settings, django_capture_on_commit_callbacks
):
    import datetime

    from django.utils import timezone

    settings.INFORMATION_REMINDER_DAYS = 5
    question = challenge_message_from_staff(
        challenge=challenge, by=staff_member, body="Samples?", ask_for_information=True
    )
    assert send_information_reminders() == 0  # too early
    Message.objects.filter(pk=question.pk).update(sent_at=timezone.now() - datetime.timedelta(days=6))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert send_information_reminders() == 1
        assert send_information_reminders() == 0  # once
    [reminder] = mail.outbox
    assert reminder.subject == f"Reminder: the lab is waiting for your answer about {challenge.reference}"
    assert "Samples?" in reminder.body and challenge.get_status_url() in reminder.body


# --- the page stays fast ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", ["status", "admin"])
def test_the_pages_queries_do_not_grow_with_the_thread(admin_client, challenge, staff_member, count_queries, page):
    def add_messages(count):
        for n in range(count):
            challenge_message_from_enterprise(challenge=challenge, body=f"Note {n}", files=[(pdf(f"{n}.pdf"), "pdf")])

    path = challenge.get_status_url() if page == "status" else admin_page(challenge)
    add_messages(5)
    with_five = count_queries(admin_client, path)
    add_messages(45)
    assert count_queries(admin_client, path) == with_five


# --- counted, downloaded, erased --------------------------------------------------------------------------------


def test_the_dashboard_counts_what_waits_and_links_to_the_same_list(admin_client, challenge, staff_member):
    answered = factories.ChallengeRequestFactory(status="under_review", lab=challenge.lab)
    challenge_message_from_staff(challenge=challenge, by=staff_member, body="Samples?", ask_for_information=True)
    challenge_message_from_enterprise(challenge=answered, body="A question for you.")
    [row, _applications] = admin_client.get(reverse("admin_dashboard")).context["conversations"]
    assert (row["waiting_for_submitter"], row["awaiting_answer"]) == (1, 1)
    for count_key, url_key, expected in (
        ("waiting_for_submitter", "waiting_for_submitter_url", challenge),
        ("awaiting_answer", "awaiting_answer_url", answered),
    ):
        listed = admin_client.get(row[url_key]).context["cl"].result_list
        assert [record.pk for record in listed] == [expected.pk] and len(listed) == row[count_key]


def test_the_data_download_lists_the_conversation(client, challenge, staff_member):
    challenge_message_from_staff(challenge=challenge, by=staff_member, body="Samples?")
    data = client.get(reverse("challenges:challenge_data", args=[challenge.status_token])).json()
    assert data["messages"][0]["message"] == "Samples?" and data["messages"][0]["from"] == "Mei Chan"


def test_erasing_a_request_erases_its_conversation_and_files(challenge, django_capture_on_commit_callbacks):
    import datetime

    from django.utils import timezone

    from challenges.personal_data import challenges_purge_expired

    message = challenge_message_from_enterprise(challenge=challenge, body="Mine.", files=[(pdf("mine.pdf"), "pdf")])
    stored = message.attachments.get().file
    type(challenge).objects.filter(pk=challenge.pk).update(
        status="declined", finalised_at=timezone.now() - datetime.timedelta(days=3650)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert challenges_purge_expired() == (1, 1)
    assert not Message.objects.exists()
    assert not stored.storage.exists(stored.name)


def test_a_staff_account_without_a_name_never_shows_its_sign_in_address(client, challenge):
    from people.roles import LAB_MANAGER
    from people.staff import staff_add

    nameless = staff_add(email="nameless.manager@example.org", role=LAB_MANAGER, lab_slugs=["own"])[0]
    challenge_message_from_staff(challenge=challenge, by=nameless, body="A question.")
    page = client.get(challenge.get_status_url()).content.decode()
    assert "A member of staff" in page and "nameless.manager" not in page

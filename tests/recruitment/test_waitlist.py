"""The waiting list: staff place applicants on it (one at a time or in bulk, through the service) and promote one
when a place frees up, which makes them an offer and e-mails them; each e-mail says what happens next."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from portal.workflow import history
from recruitment.models import Application
from recruitment.services import applications_waitlist
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def call():
    lab = factories.JointLabFactory(slug="robotics", short_name="Robotics Lab", inbox_email="robotics@example.org")
    return factories.CallFactory(programme__lab=lab, title="Summer internship")


def test_staff_place_the_selected_on_the_waiting_list_in_bulk(admin_client, admin_user, call):
    interviewed = factories.ApplicationFactory(call=call, status="interview")
    shortlisted = factories.ApplicationFactory(call=call, status="shortlisted")
    submitted = factories.ApplicationFactory(call=call, status="submitted")
    response = admin_client.post(
        reverse("admin:recruitment_application_changelist"),
        {"action": "move_to_waitlisted", "_selected_action": [interviewed.pk, shortlisted.pk, submitted.pk]},
        follow=True,
    )
    page = response.content.decode()
    assert "2 application(s) moved." in page and submitted.reference in page
    statuses = dict(Application.objects.values_list("pk", "status"))
    assert statuses == {interviewed.pk: "waitlisted", shortlisted.pk: "waitlisted", submitted.pk: "submitted"}
    last = list(history(interviewed))[-1]
    assert (last.from_status, last.to_status, last.changed_by) == ("interview", "waitlisted", admin_user)


def test_the_waitlisted_are_told_there_is_nothing_to_do_in_their_language(call, django_capture_on_commit_callbacks):
    english = factories.ApplicationFactory(call=call, status="interview", language="en")
    chinese = factories.ApplicationFactory(call=call, status="interview", language="zh-hant", name="Chan Tai Man")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        placed, refused = applications_waitlist(applications=[english, chinese], by=None)
    assert (len(placed), refused) == (2, [])
    to_english, to_chinese = mail.outbox
    assert "On the waiting list" in to_english.body
    assert "There is nothing you need to do now. If a place frees up, we will offer it to you" in to_english.body
    assert "親愛的 Chan Tai Man：" in to_chinese.body and chinese.get_status_url() in to_chinese.body


def test_an_offered_or_final_application_cannot_be_waitlisted(call):
    accepted = factories.ApplicationFactory(call=call, status="accepted")
    offered = factories.OfferFactory(application=factories.ApplicationFactory(call=call, status="interview"))
    placed, refused = applications_waitlist(applications=[accepted, offered.application], by=None)
    assert placed == [] and refused == [accepted, offered.application]
    assert set(Application.objects.values_list("status", flat=True)) == {"accepted", "offered"}


def test_the_waitlisted_student_sees_it_on_the_status_page(client, call):
    application = factories.ApplicationFactory(call=call, status="shortlisted")
    applications_waitlist(applications=[application], by=None)
    page = client.get(application.get_status_url()).content.decode()
    assert "On the waiting list" in page


def test_staff_promote_from_the_waiting_list_and_the_student_is_offered_the_place(
    admin_client, call, django_capture_on_commit_callbacks
):
    application = factories.ApplicationFactory(call=call, status="waitlisted", language="en")
    page = admin_client.get(reverse("admin:recruitment_application_change", args=[application.pk])).content.decode()
    assert "Make an offer" in page
    reply_by = timezone.localtime(timezone.now() + datetime.timedelta(days=5))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:recruitment_offer_add"),
            {
                "application": application.pk,
                "reply_by_0": reply_by.strftime("%Y-%m-%d"),
                "reply_by_1": "12:00:00",
                "letter_text": "A place has freed up.",
                "conditions": "",
            },
        )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "offered"
    last = list(history(application))[-1]
    assert (last.from_status, last.to_status, last.note) == ("waitlisted", "offered", "Promoted from the waiting list.")
    [sent] = mail.outbox
    assert "A place has become free, and we are pleased to offer it to you from the waiting list." in sent.body
    assert "accept or decline the offer there by" in sent.body


def test_the_promotion_email_in_chinese(call, django_capture_on_commit_callbacks):
    application = factories.ApplicationFactory(call=call, status="waitlisted", language="zh-hans", name="Li Ming")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        factories.OfferFactory(application=application)
    [sent] = mail.outbox
    assert "尊敬的 Li Ming：" in sent.body and "已获录取" in sent.body and application.get_status_url() in sent.body

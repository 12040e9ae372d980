"""Offers: staff make one in the admin (reply-by date, letter text, conditions, a checked PDF), the student reads it
on their status page and accepts or declines it after a confirmation step, the lab is e-mailed; lapse_offers ends
the unanswered ones after their date; staff mark conditions met. Every bad answer is refused, nothing changed."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from people.roles import LAB_MANAGER, REVIEWER
from people.staff import staff_add
from portal.workflow import history
from recruitment.models import Application, Offer, OfferCondition
from recruitment.personal_data import application_personal_data, applications_purge_expired
from recruitment.services import OfferRefused, application_transition, offer_accept, offer_make, offers_lapse
from tests import factories
from tests.files import EXE_BYTES, PDF_BYTES, pdf

pytestmark = pytest.mark.django_db
WORKFLOW = Application.WORKFLOW


@pytest.fixture
def lab():
    return factories.JointLabFactory(slug="robotics", short_name="Robotics Lab", inbox_email="robotics@example.org")


@pytest.fixture
def call(lab):
    return factories.CallFactory(programme__lab=lab, title="PhD fellowship")


@pytest.fixture
def interviewed(call):
    return factories.ApplicationFactory(call=call, status="interview", name="Alex Student", language="zh-hant")


def offered(application, *, days=14, conditions=("Degree awarded", "Visa granted"), letter=None):
    return factories.OfferFactory(
        application=application,
        reply_by=timezone.now() + datetime.timedelta(days=days),
        letter_text="Dear Alex,\nWe offer you a fellowship.",
        conditions=conditions,
        letter=letter,
    )


def text(response):
    return response.content.decode()


# --- the workflow ---------------------------------------------------------------------------------------------------


def test_the_selection_part_of_the_workflow_table():
    assert WORKFLOW.targets("shortlisted") == {"waiting", "interview", "waitlisted", "rejected", "withdrawn"}
    assert WORKFLOW.targets("interview") == {"waiting", "offered", "waitlisted", "rejected", "withdrawn"}
    assert WORKFLOW.targets("waitlisted") == {"offered", "rejected", "withdrawn"}
    assert WORKFLOW.targets("offered") == {"accepted", "declined", "lapsed", "rejected", "withdrawn"}
    for final in ("accepted", "declined", "lapsed", "rejected", "withdrawn"):
        assert WORKFLOW.is_final(final)
    assert WORKFLOW.public_label("lapsed").startswith("Offer lapsed")
    assert WORKFLOW.public_label("waitlisted") == "On the waiting list"


# --- staff make the offer -------------------------------------------------------------------------------------------


def offer_form(application, **changes):
    reply_by = timezone.localtime(timezone.now() + datetime.timedelta(days=10))
    return {
        "application": application.pk,
        "reply_by_0": reply_by.strftime("%Y-%m-%d"),
        "reply_by_1": "17:00:00",
        "letter_text": "Dear Alex,\nWe offer you a fellowship.",
        "conditions": "Degree awarded\n\nVisa granted\n",
        "conditions-TOTAL_FORMS": "0",
        **changes,
    }


def test_staff_make_an_offer_with_a_letter_and_conditions_and_the_student_is_emailed(
    admin_client, admin_user, interviewed, django_capture_on_commit_callbacks
):
    page = text(admin_client.get(reverse("admin:recruitment_application_change", args=[interviewed.pk])))
    add_url = f"{reverse('admin:recruitment_offer_add')}?application={interviewed.pk}"
    assert add_url.replace("&", "&amp;") in page and "Make an offer" in page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:recruitment_offer_add"), {**offer_form(interviewed), "letter_pdf": pdf("offer.pdf")}
        )
    assert response.status_code == 302
    interviewed.refresh_from_db()
    offer = interviewed.offer
    assert interviewed.status == "offered" and offer.made_by == admin_user and offer.letter
    assert timezone.localtime(offer.reply_by).hour == 17
    assert list(offer.conditions.values_list("text", flat=True)) == ["Degree awarded", "Visa granted"]
    last = list(history(interviewed))[-1]
    assert (last.from_status, last.to_status, last.changed_by) == ("interview", "offered", admin_user)
    [to_student] = mail.outbox
    assert to_student.to == [interviewed.email] and to_student.reply_to == ["robotics@example.org"]
    assert "親愛的 Alex Student：" in to_student.body and "已獲錄取" in to_student.body  # in the student's language
    reply_by = timezone.localtime(offer.reply_by)
    assert f"{reply_by.year}年{reply_by.month}月{reply_by.day}日 下午5:00" in to_student.body  # as Hong Kong writes it
    assert "- Degree awarded\n- Visa granted" in to_student.body and interviewed.get_status_url() in to_student.body


def test_the_offer_email_in_english_names_what_happens_next(call, django_capture_on_commit_callbacks):
    application = factories.ApplicationFactory(call=call, status="interview", language="en")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        offered(application, conditions=())
    [sent] = mail.outbox
    assert sent.subject == f"An offer of a place: your application {application.reference}"
    assert "We are pleased to offer you a place." in sent.body
    assert "accept or decline the offer there by" in sent.body and "the offer lapses" in sent.body
    assert "conditional" not in sent.body


def test_an_offer_needs_a_future_reply_by_date(admin_client, interviewed):
    yesterday = timezone.localtime(timezone.now() - datetime.timedelta(days=1)).strftime("%Y-%m-%d")
    response = admin_client.post(reverse("admin:recruitment_offer_add"), offer_form(interviewed, reply_by_0=yesterday))
    assert "The reply-by date must be in the future." in text(response)
    interviewed.refresh_from_db()
    assert interviewed.status == "interview" and not Offer.objects.exists()


def test_the_offer_letter_must_be_a_checked_pdf(admin_client, interviewed, _test_storages):
    bad = pdf("letter.pdf", EXE_BYTES)
    response = admin_client.post(reverse("admin:recruitment_offer_add"), {**offer_form(interviewed), "letter_pdf": bad})
    assert "is not an accepted file" in text(response)
    assert not Offer.objects.exists() and not list(_test_storages.glob("offers/*"))


def test_only_applications_invited_to_interview_or_waitlisted_can_get_an_offer(admin_client, call):
    shortlisted = factories.ApplicationFactory(call=call, status="shortlisted")
    response = admin_client.post(reverse("admin:recruitment_offer_add"), offer_form(shortlisted))
    assert "Select a valid choice" in text(response)
    with pytest.raises(OfferRefused, match="invited to interview or on the waiting list"):
        offer_make(application=shortlisted, reply_by=timezone.now(), letter_text="x", by=None)
    assert not Offer.objects.exists()


def test_a_second_offer_on_the_same_application_is_refused(interviewed):
    offered(interviewed)
    Application.objects.filter(pk=interviewed.pk).update(status="interview")  # even were it moved back somehow
    interviewed.refresh_from_db()
    with pytest.raises(OfferRefused, match="already has an offer"):
        offered(interviewed)
    assert Offer.objects.count() == 1


def test_the_move_menu_does_not_offer_the_offer_statuses(admin_client, interviewed):
    response = admin_client.get(reverse("admin:recruitment_application_change", args=[interviewed.pk]))
    choices = [value for value, _label in response.context["adminform"].form.fields["move_to"].choices]
    assert "offered" not in choices and "waitlisted" in choices


def test_a_lab_manager_offers_only_on_their_labs_applications_and_a_reviewer_never(client, interviewed):
    other = factories.ApplicationFactory(status="interview")
    manager = staff_add(email="manager@example.org", role=LAB_MANAGER, lab_slugs=["robotics"])[0]
    client.force_login(manager)
    form = client.get(reverse("admin:recruitment_offer_add")).context["adminform"].form
    assert list(form.fields["application"].queryset) == [interviewed]
    response = client.post(reverse("admin:recruitment_offer_add"), offer_form(other))
    assert "Select a valid choice" in text(response) and not Offer.objects.exists()
    reviewer = staff_add(email="reviewer@example.org", role=REVIEWER)[0]
    interviewed.reviewers.add(reviewer)
    client.force_login(reviewer)
    assert client.get(reverse("admin:recruitment_offer_add")).status_code == 403
    page = text(client.get(reverse("admin:recruitment_application_change", args=[interviewed.pk])))
    assert "Make an offer" not in page


def test_staff_mark_conditions_met_and_who_and_when_is_recorded(admin_client, admin_user, interviewed, client):
    offer = offered(interviewed)
    first, second = offer.conditions.all()
    url = reverse("admin:recruitment_offer_change", args=[offer.pk])
    data = {
        "conditions-TOTAL_FORMS": "2",
        "conditions-INITIAL_FORMS": "2",
        "conditions-MIN_NUM_FORMS": "0",
        "conditions-MAX_NUM_FORMS": "1000",
        "conditions-0-id": first.pk,
        "conditions-0-offer": offer.pk,
        "conditions-0-met": "on",
        "conditions-1-id": second.pk,
        "conditions-1-offer": offer.pk,
    }
    assert admin_client.post(url, data).status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.met_by == admin_user and first.met_at is not None and second.met_at is None
    page = text(client.get(interviewed.get_status_url()))
    assert "Degree awarded — <strong>met</strong>" in page and "Visa granted — not yet confirmed by the lab" in page


# --- the student answers --------------------------------------------------------------------------------------------


def test_the_status_page_shows_the_offer_and_its_letter_downloads_with_the_link_only(client, interviewed):
    offered(interviewed, letter=pdf("offer.pdf"))
    page = text(client.get(interviewed.get_status_url()))
    assert "We offer you a fellowship." in page and "Please answer by" in page
    letter_url = reverse("recruitment:offer_letter", args=[interviewed.status_token])
    assert letter_url in page
    response = client.get(letter_url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF_BYTES
    stranger = factories.ApplicationFactory(call=interviewed.call, status="interview")
    assert client.get(reverse("recruitment:offer_letter", args=[stranger.status_token])).status_code == 404


def test_the_student_accepts_after_confirming_and_both_sides_are_emailed(
    client, interviewed, django_capture_on_commit_callbacks
):
    offered(interviewed)
    url = reverse("recruitment:offer_accept", args=[interviewed.status_token])
    confirm = text(client.get(url))
    assert "Yes, accept the offer" in confirm and "Degree awarded" in confirm
    interviewed.refresh_from_db()
    assert interviewed.status == "offered"  # looking at the confirmation changes nothing
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, follow=True)
    assert "You have accepted the offer." in text(response)
    interviewed.refresh_from_db()
    assert interviewed.status == "accepted" and interviewed.offer.answered_at is not None
    last = list(history(interviewed))[-1]
    assert (last.to_status, last.actor_label) == ("accepted", "applicant")
    to_student = next(sent for sent in mail.outbox if sent.to == [interviewed.email])
    to_lab = next(sent for sent in mail.outbox if sent.to == ["robotics@example.org"])
    assert "親愛的 Alex Student：" in to_student.body and "錄取" in to_student.body
    assert to_lab.subject == f"Offer on {interviewed.reference}: Accepted"
    assert "accepted the offer" in to_lab.body and "What happens next" in to_lab.body


def test_the_student_declines_after_confirming(client, interviewed, django_capture_on_commit_callbacks):
    offered(interviewed)
    url = reverse("recruitment:offer_decline", args=[interviewed.status_token])
    assert "Yes, decline the offer" in text(client.get(url))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    interviewed.refresh_from_db()
    assert interviewed.status == "declined"
    assert sorted(sent.to[0] for sent in mail.outbox) == sorted([interviewed.email, "robotics@example.org"])
    assert "你已婉拒錄取" in next(sent.body for sent in mail.outbox if sent.to == [interviewed.email])


def assert_answer_refused(client, application, message, view="recruitment:offer_accept"):
    status = Application.objects.get(pk=application.pk).status
    changes, emails = len(list(history(application))), len(mail.outbox)
    response = client.post(reverse(view, args=[application.status_token]), follow=True)
    assert message in text(response)
    assert Application.objects.get(pk=application.pk).status == status
    assert len(list(history(application))) == changes and len(mail.outbox) == emails


def test_accepting_twice_is_refused(client, interviewed):
    offered(interviewed)
    offer_accept(application=interviewed)
    assert_answer_refused(client, interviewed, "You have already accepted this offer.")
    assert_answer_refused(client, interviewed, "You have already accepted this offer.", "recruitment:offer_decline")


def test_accepting_after_the_reply_by_date_is_refused(client, interviewed):
    offer = offered(interviewed)
    Offer.objects.filter(pk=offer.pk).update(reply_by=timezone.now() - datetime.timedelta(minutes=1))
    assert_answer_refused(client, interviewed, "The reply-by date of this offer has passed")
    page = text(client.get(interviewed.get_status_url()))
    assert "Accept the offer…" not in page and "This offer lapsed" in page


def test_accepting_an_offer_never_made_is_refused(client, interviewed):
    assert_answer_refused(client, interviewed, "No offer has been made on this application")
    confirm = client.get(reverse("recruitment:offer_accept", args=[interviewed.status_token]), follow=True)
    assert "This offer cannot be answered now" in text(confirm)


def test_answer_links_of_an_unknown_token_lead_nowhere(client, db):
    assert client.post(reverse("recruitment:offer_accept", args=["not-a-token"])).status_code == 404


# --- lapses ---------------------------------------------------------------------------------------------------------


def test_lapse_offers_lapses_only_after_the_date_and_tells_both_sides(
    interviewed, call, monkeypatch, capsys, django_capture_on_commit_callbacks
):
    offer = offered(interviewed, days=3)
    answered = factories.ApplicationFactory(call=call, status="interview")
    offered(answered, days=3)
    offer_accept(application=answered)
    call_command("lapse_offers")
    assert "Lapsed 0 offer(s)." in capsys.readouterr().out
    later = offer.reply_by + datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("lapse_offers")
    assert "Lapsed 1 offer(s)." in capsys.readouterr().out
    interviewed.refresh_from_db()
    answered.refresh_from_db()
    assert interviewed.status == "lapsed" and answered.status == "accepted"
    last = list(history(interviewed))[-1]
    assert (last.from_status, last.to_status, last.actor_label) == ("offered", "lapsed", "lapse_offers")
    to_student = next(sent for sent in mail.outbox if sent.to == [interviewed.email])
    to_lab = next(sent for sent in mail.outbox if sent.to == ["robotics@example.org"])
    assert "親愛的 Alex Student：" in to_student.body and interviewed.get_status_url() in to_student.body
    assert "lapsed" in to_lab.body
    assert offers_lapse(now=later) == 0  # once


def test_a_lapsed_offer_in_english_says_what_happens_next(call, django_capture_on_commit_callbacks):
    application = factories.ApplicationFactory(call=call, status="interview", language="en")
    offer = offered(application, days=1)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        offers_lapse(now=offer.reply_by + datetime.timedelta(seconds=1))
    to_student = next(sent for sent in mail.outbox if sent.to == [application.email])
    assert "the offer was not answered by its reply-by date, so it has lapsed" in to_student.body


def test_a_rejection_names_what_happens_next_in_both_languages(call, django_capture_on_commit_callbacks):
    english = factories.ApplicationFactory(call=call, status="interview", language="en")
    chinese = factories.ApplicationFactory(call=call, status="interview", language="zh-hans", name="Li Ming")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        application_transition(application=english, to="rejected")
        application_transition(application=chinese, to="rejected")
    to_english, to_chinese = mail.outbox
    assert "Not successful this time" in to_english.body and "apply to future calls" in to_english.body
    assert "尊敬的 Li Ming：" in to_chinese.body and "/programmes/" in to_chinese.body


# --- personal data --------------------------------------------------------------------------------------------------


def test_the_offer_is_in_the_applicants_data_and_erased_with_it(interviewed, settings, _test_storages):
    offer = offered(interviewed, letter=pdf("offer.pdf"))
    data = application_personal_data(interviewed)
    assert data["offer"]["letter"] == "Dear Alex,\nWe offer you a fellowship."
    assert [c["text"] for c in data["offer"]["conditions"]] == ["Degree awarded", "Visa granted"]
    settings.APPLICATION_RETENTION_DAYS = 1
    applications_purge_expired(now=interviewed.call.closes_at + datetime.timedelta(days=2))
    offer.refresh_from_db()
    assert offer.letter_text == "" and not offer.letter
    assert OfferCondition.objects.filter(offer=offer).count() == 2

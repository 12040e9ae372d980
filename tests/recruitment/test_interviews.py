"""Interviews: staff offer time slots (Hong Kong time, in person or online), the student invited to interview books
one on their status page, is e-mailed a confirmation with a calendar file, may change it once; every bad booking is
refused with a clear message and nothing changed; staff see who booked what."""

import datetime
import threading

import icalendar
import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from people.roles import LAB_MANAGER, REVIEWER
from people.staff import staff_add
from recruitment.models import InterviewSlot
from recruitment.services import BookingRefused, application_transition, interview_slot_book
from tests import factories

pytestmark = pytest.mark.django_db
HONG_KONG = datetime.timezone(datetime.timedelta(hours=8))


@pytest.fixture
def lab():
    return factories.JointLabFactory(slug="robotics", short_name="Robotics Lab", inbox_email="robotics@example.org")


@pytest.fixture
def call(lab):
    return factories.CallFactory(programme__lab=lab, title="Summer internship")


@pytest.fixture
def application(call):
    return factories.ApplicationFactory(call=call, status="interview", name="Alex Student", language="zh-hans")


def slot_at(call, day, hour, **fields):
    starts = datetime.datetime.combine(timezone.localdate() + datetime.timedelta(days=day), datetime.time(hour))
    starts = starts.replace(tzinfo=HONG_KONG)
    return factories.InterviewSlotFactory(
        call=call, starts_at=starts, ends_at=starts + datetime.timedelta(minutes=45), **fields
    )


def book(client, application, slot):
    return client.post(
        reverse("recruitment:interview_book", args=[application.status_token]), {"slot": slot.pk}, follow=True
    )


def page_text(response):
    return response.content.decode()


def test_moved_to_interview_the_student_is_told_to_pick_a_time_on_the_status_page(
    call, django_capture_on_commit_callbacks
):
    english = factories.ApplicationFactory(call=call, status="shortlisted", language="en")
    chinese = factories.ApplicationFactory(call=call, status="shortlisted", language="zh-hant")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        application_transition(application=english, to="interview")
        application_transition(application=chinese, to="interview")
    to_english, to_chinese = mail.outbox
    assert to_english.subject == f"Invitation to interview: your application {english.reference}"
    assert "choose a time for your interview on your private page" in to_english.body
    assert english.get_status_url() in to_english.body
    # In the language the student applied in (the new sentences follow once translated).
    assert "親愛的" in to_chinese.body and "狀態已更新" in to_chinese.body and "獲邀面試" in to_chinese.body
    assert chinese.get_status_url() in to_chinese.body and chinese.reference in to_chinese.subject


def test_the_status_page_lists_the_free_times_in_hong_kong_time(client, application, call):
    slot_at(call, 3, 10, place="Room 101, Science Park")
    slot_at(call, 4, 15, mode="online", place="", link="https://meet.example.org/secret-room")
    taken = slot_at(call, 5, 9)
    interview_slot_book(application=factories.ApplicationFactory(call=call, status="interview"), slot_id=taken.pk)
    slot_at(call, -1, 9)  # past
    slot_at(factories.CallFactory(), 3, 11)  # another call's
    page = page_text(client.get(application.get_status_url()))
    assert "Choose a time for your interview:" in page
    assert page.count('name="slot"') == 2
    assert "10:00–10:45" in page and "in person, Room 101, Science Park" in page
    assert "15:00–15:45" in page and "online (the link appears here once booked)" in page
    assert "meet.example.org" not in page  # only the student who booked it sees the link


def test_the_student_books_and_is_emailed_a_calendar_file_in_their_language(
    client, application, call, django_capture_on_commit_callbacks
):
    slot = slot_at(call, 3, 10, place="Room 101, Science Park")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = book(client, application, slot)
    assert "Your interview is booked for" in page_text(response)
    slot.refresh_from_db()
    assert slot.booked_by == application and slot.booked_at is not None and not slot.rescheduled
    [confirmation] = mail.outbox
    assert confirmation.to == [application.email]
    assert application.reference in confirmation.subject and "尊敬的 Alex Student：" in confirmation.body
    assert "Room 101, Science Park" in confirmation.body and "10:00" in confirmation.body
    [(filename, content, mimetype)] = confirmation.attachments
    assert filename == f"interview-{application.reference}.ics" and mimetype == "text/calendar"
    event = icalendar.Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(event["SUMMARY"]).endswith("Summer internship")
    assert str(event["LOCATION"]) == "Room 101, Science Park"
    assert event["DTSTART"].params["TZID"] == "Asia/Hong_Kong"
    assert event["DTSTART"].dt == slot.starts_at and event["DTSTART"].dt.hour == 10
    assert "BEGIN:VTIMEZONE" in content and "TZID:Asia/Hong_Kong" in content


def test_the_booked_interview_shows_on_the_page_with_its_link_and_calendar_file(client, application, call):
    slot = slot_at(call, 3, 15, mode="online", place="", link="https://meet.example.org/secret-room")
    interview_slot_book(application=application, slot_id=slot.pk)
    page = page_text(client.get(application.get_status_url()))
    assert "https://meet.example.org/secret-room" in page
    calendar_url = reverse("recruitment:interview_calendar", args=[application.status_token])
    assert calendar_url in page
    response = client.get(calendar_url)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    event = icalendar.Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["LOCATION"]) == "https://meet.example.org/secret-room"
    assert str(event["SUMMARY"]) == "Interview: Summer internship"


def test_the_calendar_file_is_only_for_the_applicant_who_booked(client, application, call):
    other = factories.ApplicationFactory(call=call, status="interview")
    interview_slot_book(application=other, slot_id=slot_at(call, 3, 10).pk)
    assert client.get(reverse("recruitment:interview_calendar", args=[application.status_token])).status_code == 404
    assert client.get(reverse("recruitment:interview_calendar", args=["not-a-token"])).status_code == 404


def assert_refused(client, application, slot, message):
    emails = len(mail.outbox)
    before = list(InterviewSlot.objects.order_by("pk").values_list("pk", "booked_by", "booked_at", "rescheduled"))
    response = book(client, application, slot)
    assert message in page_text(response)
    assert list(InterviewSlot.objects.order_by("pk").values_list("pk", "booked_by", "booked_at", "rescheduled")) == (
        before
    )
    assert len(mail.outbox) == emails


def test_a_taken_slot_is_refused(client, application, call):
    slot = slot_at(call, 3, 10)
    interview_slot_book(application=factories.ApplicationFactory(call=call, status="interview"), slot_id=slot.pk)
    assert_refused(client, application, slot, "Someone else has just booked that interview time.")


def test_a_past_slot_is_refused(client, application, call):
    assert_refused(client, application, slot_at(call, -1, 10), "That interview time has already passed.")


def test_a_slot_of_another_call_is_refused(client, application):
    other_call_slot = slot_at(factories.CallFactory(), 3, 10)
    assert_refused(client, application, other_call_slot, "That is not one of the interview times of this call.")


def test_booking_the_same_slot_twice_is_refused(client, application, call):
    slot = slot_at(call, 3, 10)
    book(client, application, slot)
    assert_refused(client, application, slot, "You have already booked this interview time.")


def test_no_booking_unless_invited_to_interview(client, call):
    shortlisted = factories.ApplicationFactory(call=call, status="shortlisted")
    assert_refused(client, shortlisted, slot_at(call, 3, 10), "only while you are invited to interview")


def test_a_missing_or_bad_slot_id_is_refused(client, application):
    response = client.post(
        reverse("recruitment:interview_book", args=[application.status_token]), {"slot": "1 OR 1=1"}, follow=True
    )
    assert "That is not one of the interview times of this call." in page_text(response)


def test_booking_is_a_post_only(client, application):
    assert client.get(reverse("recruitment:interview_book", args=[application.status_token])).status_code == 405


def test_the_student_may_change_the_time_once_then_only_through_the_lab(
    client, application, call, django_capture_on_commit_callbacks
):
    first, second, third = slot_at(call, 3, 10), slot_at(call, 3, 11), slot_at(call, 3, 12)
    book(client, application, first)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = book(client, application, second)
    assert "Your interview is now at" in page_text(response)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.booked_by is None and second.booked_by == application and second.rescheduled
    [changed] = mail.outbox
    assert application.reference in changed.subject and "11:00" in changed.body
    assert changed.attachments[0][0] == f"interview-{application.reference}.ics"
    page = page_text(client.get(application.get_status_url()))
    assert 'name="slot"' not in page and "write to the lab in the conversation" in page
    assert_refused(client, application, third, "You have already changed your interview time once.")


def test_a_failed_change_keeps_the_booked_time(application, call):
    first, taken = slot_at(call, 3, 10), slot_at(call, 3, 11)
    interview_slot_book(application=application, slot_id=first.pk)
    interview_slot_book(application=factories.ApplicationFactory(call=call, status="interview"), slot_id=taken.pk)
    with pytest.raises(BookingRefused):
        interview_slot_book(application=application, slot_id=taken.pk)
    first.refresh_from_db()
    assert first.booked_by == application and not first.rescheduled


def test_the_status_page_costs_the_same_with_2_and_8_free_slots(client, application, call, count_queries):
    counts = {}
    for size in (2, 8):
        InterviewSlot.objects.filter(booked_by__isnull=True).delete()
        for hour in range(size):
            slot_at(call, 3, 8 + hour)
        counts[size] = count_queries(client, application.get_status_url())
    assert counts[2] == counts[8]


@pytest.mark.django_db(transaction=True)
def test_two_students_racing_for_the_last_slot_only_one_gets_it():
    if connection.vendor != "postgresql":
        pytest.skip("Row locks are PostgreSQL's: run with DATABASE_URL=postgres://… to test the race.")
    call = factories.CallFactory()
    racers = [factories.ApplicationFactory(call=call, status="interview") for _ in range(2)]
    slot = slot_at(call, 3, 10)
    start, results = threading.Barrier(2), []

    def race(application):
        try:
            start.wait()
            interview_slot_book(application=application, slot_id=slot.pk)
            results.append("booked")
        except BookingRefused:
            results.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=race, args=(application,)) for application in racers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["booked", "refused"]
    slot.refresh_from_db()
    assert slot.booked_by in racers


# --- staff ---------------------------------------------------------------------------------------------------------


def test_staff_see_who_booked_what(admin_client, application, call):
    slot = slot_at(call, 3, 10)
    interview_slot_book(application=application, slot_id=slot.pk)
    listing = page_text(admin_client.get(reverse("admin:recruitment_interviewslot_changelist")))
    assert f"{application.reference} — Alex Student" in listing
    on_application = page_text(admin_client.get(reverse("admin:recruitment_application_change", args=[application.pk])))
    assert "Interview booked" in on_application and "Room 101, Science Park" in on_application


def test_staff_add_slots_and_an_in_person_slot_needs_a_place(admin_client, call):
    url = reverse("admin:recruitment_interviewslot_add")
    data = {
        "call": call.pk,
        "starts_at_0": "2030-06-03",
        "starts_at_1": "10:00",
        "ends_at_0": "2030-06-03",
        "ends_at_1": "10:30",
        "mode": "in_person",
        "place": "",
        "link": "",
    }
    refused = admin_client.post(url, data)
    assert "Say where an in-person interview takes place." in page_text(refused)
    assert admin_client.post(url, {**data, "place": "Room 5"}).status_code == 302
    slot = InterviewSlot.objects.get()
    assert slot.starts_at == datetime.datetime(2030, 6, 3, 2, 0, tzinfo=datetime.UTC)  # entered in Hong Kong time


def test_a_booked_slot_cannot_be_moved_or_deleted_in_the_admin(admin_client, application, call):
    slot = slot_at(call, 3, 10)
    interview_slot_book(application=application, slot_id=slot.pk)
    page = admin_client.get(reverse("admin:recruitment_interviewslot_change", args=[slot.pk]))
    assert 'name="starts_at_0"' not in page_text(page)
    assert admin_client.post(reverse("admin:recruitment_interviewslot_delete", args=[slot.pk])).status_code == 403


def test_a_lab_manager_sees_only_their_labs_slots_and_a_reviewer_none(client, lab, call):
    own = slot_at(call, 3, 10)
    other = slot_at(factories.CallFactory(), 3, 11)
    manager = staff_add(email="manager@example.org", role=LAB_MANAGER, lab_slugs=["robotics"])[0]
    client.force_login(manager)
    listing = client.get(reverse("admin:recruitment_interviewslot_changelist"))
    assert [slot.pk for slot in listing.context["cl"].result_list] == [own.pk]
    assert client.get(reverse("admin:recruitment_interviewslot_change", args=[other.pk])).status_code == 302
    reviewer = staff_add(email="reviewer@example.org", role=REVIEWER)[0]
    client.force_login(reviewer)
    assert client.get(reverse("admin:recruitment_interviewslot_changelist")).status_code == 403

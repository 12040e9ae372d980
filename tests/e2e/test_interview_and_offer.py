"""In a browser, on the student's private page: book an interview time, accept an offer through its confirmation
step, and find a lapsed offer refused."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from recruitment.models import Application, InterviewSlot, Offer
from tests import factories


@pytest.fixture
def site(live_server, transactional_db):
    return live_server.url


@pytest.fixture
def call(transactional_db):
    lab = factories.JointLabFactory(slug="robotics", short_name="Robotics Lab", inbox_email="robotics@example.org")
    return factories.CallFactory(programme__lab=lab, title="Summer internship")


def at(days, hour):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def test_a_student_books_an_interview_time(page, site, call):
    application = factories.ApplicationFactory(call=call, status="interview", language="en")
    for hour, place in [(10, "Room 101, Science Park"), (14, "Room 202, Science Park")]:
        factories.InterviewSlotFactory(
            call=call, starts_at=at(3, hour), ends_at=at(3, hour) + datetime.timedelta(minutes=30), place=place
        )
    mail.outbox.clear()

    page.goto(site + application.get_status_url())
    expect(page.get_by_role("heading", name="Interview")).to_be_visible()
    page.get_by_label("14:00–14:30", exact=False).check()
    page.get_by_role("button", name="Book this time").click()
    expect(page.locator(".alert-success")).to_contain_text("Your interview is booked for")
    expect(page.locator(".interview-booked")).to_contain_text("Room 202, Science Park")
    expect(page.get_by_role("link", name="Add it to your calendar (.ics file)")).to_be_visible()
    expect(page.get_by_role("button", name="Change to this time")).to_be_visible()  # the one change is still open
    assert InterviewSlot.objects.get(booked_by=application).place == "Room 202, Science Park"
    assert any(message.attachments for message in mail.outbox if message.to == [application.email])
    assert page.console_problems == []


def test_a_student_accepts_an_offer_after_confirming(page, site, call):
    application = factories.ApplicationFactory(call=call, status="interview", language="en")
    factories.OfferFactory(
        application=application, letter_text="We offer you a summer place.", conditions=["Degree awarded"]
    )

    page.goto(site + application.get_status_url())
    expect(page.locator(".offer-letter")).to_contain_text("We offer you a summer place.")
    expect(page.locator(".offer-conditions")).to_contain_text("Degree awarded")
    page.get_by_role("link", name="Accept the offer…").click()
    expect(page.get_by_role("heading", name="Accept this offer?")).to_be_visible()
    page.get_by_role("button", name="Yes, accept the offer").click()
    expect(page.locator(".messages .alert-success")).to_contain_text("You have accepted the offer.")
    expect(page.locator(".offer-outcome")).to_contain_text("You accepted this offer on")
    expect(page.locator(".application-status")).to_have_text("Offer accepted")
    expect(page.get_by_role("link", name="Accept the offer…")).to_have_count(0)
    assert Application.objects.get(pk=application.pk).status == "accepted"
    assert page.console_problems == []


def test_a_lapsed_offer_is_refused(page, site, call):
    application = factories.ApplicationFactory(call=call, status="interview", language="en")
    offer = factories.OfferFactory(application=application)
    page.goto(site + application.get_status_url())
    accept_url = page.get_by_role("link", name="Accept the offer…").get_attribute("href")
    Offer.objects.filter(pk=offer.pk).update(reply_by=timezone.now() - datetime.timedelta(minutes=1))

    page.reload()
    expect(page.locator(".offer-outcome")).to_contain_text("This offer lapsed")
    expect(page.get_by_role("link", name="Accept the offer…")).to_have_count(0)
    page.goto(site + accept_url)  # a page kept open from before the date
    expect(page.locator(".alert-danger")).to_contain_text("This offer cannot be answered now")
    assert Application.objects.get(pk=application.pk).status == "offered"

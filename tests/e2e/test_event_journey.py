"""A visitor registers for the demo seminar in the browser, gets the confirmation with its calendar file, opens the
private link and cancels; the next person waiting gets the place."""

import re

import icalendar
import pytest
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from events.models import Event, Registration
from events.services import registration_create

SEMINAR = "seminar-machine-vision-surface-defects-demo"


@pytest.fixture
def site(live_server, transactional_db):
    call_command("load_demo", verbosity=0)
    return live_server.url


def private_path(message):
    return re.search(r"http://\S+(/events/registrations/\S+/)", message.body).group(1)


def test_visitor_registers_gets_the_calendar_file_and_cancels(page, site):
    Event.objects.filter(slug=SEMINAR).update(capacity=1)
    page.goto(site + "/events/")
    page.get_by_role("link", name="Seminar: machine vision for finding surface defects").click()
    page.get_by_role("link", name="Register", exact=True).click()
    page.get_by_label("Name").fill("Lee <b>Bold</b> Visitor")
    page.get_by_label("E-mail").fill("lee@visitor.example")
    page.get_by_label("Organisation").fill("Example Plating Ltd")
    page.get_by_label(re.compile("I have read the")).check()
    page.get_by_role("button", name="Register").click()
    expect(page.locator(".alert-success")).to_contain_text(
        re.compile(r"You are registered \(reference EV-\d{4}-\d{5}\)")
    )
    expect(page.locator(".registration-status")).to_contain_text("your place is confirmed")
    expect(page.locator("main")).to_contain_text("Lee <b>Bold</b> Visitor")  # shown as typed, never as markup

    [confirmation] = [message for message in mail.outbox if message.to == ["lee@visitor.example"]]
    calendar = icalendar.Calendar.from_ical(confirmation.attachments[0][1])
    assert str(calendar.walk("VEVENT")[0]["dtstart"].params["TZID"]) == "Asia/Hong_Kong"

    # Someone else joins the waiting list of the now full seminar.
    waiting = registration_create(
        event=Event.objects.get(slug=SEMINAR), name="Next In Line", email="next@example.com", language="en"
    )
    assert waiting.status == "waitlisted"

    page.goto(site + private_path(confirmation))
    page.get_by_role("button", name="Cancel my registration").click()
    expect(page.locator(".alert-success")).to_contain_text("Your registration has been cancelled")
    expect(page.locator(".registration-status")).to_have_text("Cancelled")
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    assert any(
        message.to == ["next@example.com"] and "A place has freed up" in message.subject for message in mail.outbox
    )
    assert Registration.objects.get(email="lee@visitor.example").status == "cancelled"
    assert page.console_problems == []


def test_a_second_registration_from_the_same_address_is_refused_clearly(page, site):
    page.goto(site + f"/events/{SEMINAR}/register/")
    for _attempt in range(2):
        page.get_by_label("Name").fill("Twice Visitor")
        page.get_by_label("E-mail").fill("twice@visitor.example")
        page.get_by_label(re.compile("I have read the")).check()
        page.get_by_role("button", name="Register").click()
        if _attempt == 0:
            expect(page.locator(".registration-status")).to_be_visible()
            page.goto(site + f"/events/{SEMINAR}/register/")
    expect(page.locator("#error-summary")).to_contain_text("already registered for this event")
    assert Registration.objects.filter(email="twice@visitor.example").count() == 1

"""Registering for an event through the public form and the service: a place or the waiting list, one live
registration per address, the deadline kept by the server's clock, hostile input stored as text, the calendar file
in the confirmation, cancelling through the private link, and the first person waiting promoted."""

import datetime
import re

import icalendar
import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from events.models import EmailCalendarFile, Registration
from events.services import (
    AlreadyRegistered,
    RegistrationClosed,
    registration_cancel,
    registration_create,
)
from portal.logging import redact
from portal.models import OutboxEmail, StatusChange
from portal.workflow import TransitionNotAllowed
from tests import factories

pytestmark = pytest.mark.django_db


def form(**overrides):
    data = {"name": "Chan Siu Ming", "email": "siuming@example.com", "organisation": "Example Ltd", "consent": "on"}
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def register(event, **fields):
    values = {"name": "Visitor", "email": "visitor@example.com", "organisation": "", "language": "en", **fields}
    return registration_create(event=event, **values)


def register_url(event, language=""):
    return f"{language}/events/{event.slug}/register/"


def test_registering_gives_a_place_a_reference_and_a_confirmation_with_the_calendar_file(
    client, django_capture_on_commit_callbacks
):
    event = factories.EventFactory(title="Vision seminar", capacity=2)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(register_url(event), form())
    registration = Registration.objects.get()
    assert response.status_code == 302 and response["Location"] == registration.get_status_url()
    assert re.fullmatch(r"EV-\d{4}-00001", registration.reference)
    assert registration.status == "confirmed" and registration.consented_at is not None
    assert StatusChange.objects.filter(object_id=registration.pk, to_status="confirmed").count() == 1

    [message] = mail.outbox
    assert message.to == ["siuming@example.com"]
    assert "You are registered: Vision seminar" in message.subject
    assert f"/events/registrations/{registration.token}/" in message.body
    [(filename, content, mimetype)] = message.attachments
    assert filename == f"{event.slug}.ics" and mimetype == "text/calendar"
    vevent = icalendar.Calendar.from_ical(content).walk("VEVENT")[0]
    assert vevent.decoded("dtstart") == event.starts_at
    assert str(vevent["dtstart"].params["TZID"]) == "Asia/Hong_Kong"
    assert str(vevent["url"]).endswith(event.get_absolute_url())


def test_a_retry_of_the_confirmation_sends_the_same_calendar_file(settings):
    event = factories.EventFactory()
    register(event)
    email = OutboxEmail.objects.get()
    stored = EmailCalendarFile.objects.get(email=email)
    from portal.outbox import deliver

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert deliver(email.pk)
    assert mail.outbox[0].attachments[0][1] == stored.content


def test_the_confirmation_is_in_the_registrants_language(client, django_capture_on_commit_callbacks):
    event = factories.EventFactory(title="English title", title_zh_hant="中文活動")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(register_url(event, "/zh-hant"), form())
    registration = Registration.objects.get()
    assert registration.language == "zh-hant"
    [message] = mail.outbox
    assert "中文活動" in message.subject and "English title" not in message.subject
    assert f"/zh-hant/events/{event.slug}/" in message.body
    summary = icalendar.Calendar.from_ical(message.attachments[0][1]).walk("VEVENT")[0]["summary"]
    assert str(summary) == "中文活動"


def test_when_the_event_is_full_registrations_go_to_the_waiting_list(client):
    event = factories.EventFactory(capacity=1)
    register(event, email="first@example.com")
    assert "This event is full" in client.get(register_url(event)).content.decode()
    client.post(register_url(event), form(email="second@example.com"))
    second = Registration.objects.get(email="second@example.com")
    assert second.status == "waitlisted"
    assert "waiting list" in client.get(second.get_status_url()).content.decode()
    email = OutboxEmail.objects.filter(to="second@example.com").get()
    assert "waiting list" in email.subject.lower()
    assert not EmailCalendarFile.objects.filter(email=email).exists()  # no place, no calendar entry yet


def test_cancelling_a_place_promotes_the_first_person_waiting(django_capture_on_commit_callbacks):
    event = factories.EventFactory(capacity=1)
    first = register(event, email="first@example.com")
    second = register(event, email="second@example.com")
    third = register(event, email="third@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        registration_cancel(registration=first, actor_label="registrant")
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {
        "first@example.com": "cancelled",
        "second@example.com": "confirmed",
        "third@example.com": "waitlisted",
    }
    offered = [message for message in mail.outbox if message.to == ["second@example.com"]]
    assert len(offered) == 1 and "A place has freed up for you" in offered[0].subject
    assert offered[0].attachments[0][0].endswith(".ics")
    assert StatusChange.objects.filter(object_id=second.pk, to_status="confirmed", actor_label="waiting list").exists()
    assert third.status == "waitlisted"


def test_cancelling_from_the_waiting_list_promotes_no_one():
    event = factories.EventFactory(capacity=1)
    register(event, email="first@example.com")
    waiting = register(event, email="second@example.com")
    registration_cancel(registration=waiting, actor_label="registrant")
    assert Registration.objects.get(email="first@example.com").status == "confirmed"
    assert Registration.objects.filter(status="confirmed").count() == 1


def test_a_newcomer_does_not_overtake_the_waiting_list():
    event = factories.EventFactory(capacity=1)
    register(event, email="first@example.com")
    register(event, email="waiting@example.com")
    event.capacity = 2  # raised behind the services' back: nobody promoted yet
    event.save()
    newcomer = register(event, email="newcomer@example.com")
    assert newcomer.status == "waitlisted"


def test_the_same_address_cannot_register_twice_whatever_its_case(client, django_capture_on_commit_callbacks):
    event = factories.EventFactory()
    first = register(event, email="siuming@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(register_url(event), form(email="SiuMing@Example.COM"))
    assert response.status_code == 200
    assert "This e-mail address is already registered for this event" in response.content.decode()
    assert Registration.objects.count() == 1
    [message] = mail.outbox
    assert message.to == ["siuming@example.com"] and first.token in message.body
    with pytest.raises(AlreadyRegistered):
        register(event, email=" SIUMING@example.com ")


def test_after_cancelling_the_address_may_register_again():
    event = factories.EventFactory()
    first = register(event)
    registration_cancel(registration=first, actor_label="registrant")
    again = register(event)
    assert again.status == "confirmed" and again.pk != first.pk


def test_registration_after_the_deadline_is_refused_and_nothing_is_kept(client):
    now = timezone.now()
    event = factories.EventFactory(registration_deadline=now - datetime.timedelta(minutes=1))
    response = client.post(register_url(event), form())
    assert response.status_code == 410
    assert "Registration closed" in response.content.decode()
    assert Registration.objects.count() == 0 and OutboxEmail.objects.count() == 0
    with pytest.raises(RegistrationClosed):
        register(event)


def test_the_deadline_is_checked_by_the_servers_clock_at_saving():
    event = factories.EventFactory()
    with pytest.raises(RegistrationClosed):
        register(event, now=event.starts_at + datetime.timedelta(seconds=1))
    assert Registration.objects.count() == 0


def test_events_without_registration_and_unpublished_events_take_none(client):
    invitation_only = factories.EventFactory(takes_registrations=False)
    assert client.get(register_url(invitation_only)).status_code == 410
    draft = factories.EventFactory(is_published=False)
    assert client.get(register_url(draft)).status_code == 404
    with pytest.raises(RegistrationClosed):
        register(draft)


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"name": ""}, "name", "Enter your name."),
        ({"email": "not-an-address"}, "email", "Enter an e-mail address like name@example.com."),
        ({"consent": None}, "consent", "Please agree to the privacy notice"),
        ({"name": "x" * 201}, "name", "at most 200 characters"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_nothing_kept(client, fields, field, message):
    event = factories.EventFactory()
    response = client.post(register_url(event), form(**fields))
    assert response.status_code == 200
    assert message in str(response.context["form"].errors[field])
    assert Registration.objects.count() == 0 and OutboxEmail.objects.count() == 0


def test_the_service_validates_what_it_is_given():
    event = factories.EventFactory()
    with pytest.raises(ValidationError):
        register(event, email="nonsense")
    with pytest.raises(ValidationError):
        register(event, name="   ")
    assert Registration.objects.count() == 0


def test_a_hostile_name_is_stored_as_text_and_escaped_everywhere(client, admin_client):
    event = factories.EventFactory()
    hostile = '<script>alert("x")</script>=HYPERLINK("http://evil.example")'
    client.post(register_url(event), form(name=hostile))
    registration = Registration.objects.get()
    assert registration.name == hostile
    page = client.get(registration.get_status_url()).content.decode()
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    html_email = OutboxEmail.objects.get().body_html
    assert "<script>alert" not in html_email and "&lt;script&gt;" in html_email
    admin_page = admin_client.get(f"/admin/events/registration/{registration.pk}/change/").content.decode()
    assert "<script>alert" not in admin_page


def test_software_that_fills_the_hidden_field_is_turned_away(client):
    event = factories.EventFactory()
    response = client.post(register_url(event), form(website="http://spam.example"))
    assert "We could not accept this registration" in response.content.decode()
    assert Registration.objects.count() == 0


def test_registration_posts_are_rate_limited_per_address(client, settings):
    settings.EVENT_REGISTRATION_RATE_LIMIT = "2/h"
    event = factories.EventFactory()
    statuses = [client.post(register_url(event), form(email=f"p{n}@example.com")).status_code for n in range(3)]
    assert statuses == [302, 302, 429]
    assert Registration.objects.count() == 2


def test_the_registrant_cancels_through_the_private_link(client, django_capture_on_commit_callbacks):
    event = factories.EventFactory()
    registration = register(event)
    page = client.get(registration.get_status_url()).content.decode()
    assert "Cancel my registration" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/events/registrations/{registration.token}/cancel/")
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == "cancelled"
    assert any("Registration cancelled" in message.subject for message in mail.outbox)
    assert "Cancel my registration" not in client.get(registration.get_status_url()).content.decode()
    assert client.get("/events/registrations/not-a-token/").status_code == 404


def test_no_cancelling_once_the_event_has_started():
    event = factories.EventFactory()
    registration = register(event)
    with pytest.raises(TransitionNotAllowed, match="has started"):
        registration_cancel(registration=registration, now=event.starts_at + datetime.timedelta(minutes=5))
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_the_private_link_is_never_logged():
    assert redact("GET /events/registrations/abc123secret/ 200") == "GET /events/registrations/[redacted]/ 200"
    assert redact("/zh-hant/events/registrations/abc123secret/cancel/").endswith("/[redacted]/cancel/")


def test_the_registrant_downloads_what_the_portal_holds(client):
    registration = register(factories.EventFactory(), name="Data Owner", organisation="Owner Ltd")
    response = client.get(f"/events/registrations/{registration.token}/data.json")
    assert "no-store" in response["Cache-Control"]
    data = response.json()
    assert data["reference"] == registration.reference
    assert data["registrant"] == {"name": "Data Owner", "email": "visitor@example.com", "organisation": "Owner Ltd"}


def test_repeated_attempts_cannot_flood_an_address_with_links(client, settings):
    settings.PUBLIC_EMAILS_PER_RECIPIENT = "2/d"
    event = factories.EventFactory()
    register(event, email="target@example.com")
    for _attempt in range(3):
        client.post(register_url(event), form(email="target@example.com"))
    to_target = OutboxEmail.objects.filter(to="target@example.com")
    assert to_target.count() == 4
    assert to_target.exclude(status="failed").count() == 2  # the rest are kept, not sent

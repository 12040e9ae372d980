"""The day-before reminder (once per registrant, whatever how often the command runs) and the erasure of
registrants' personal data after the retention period."""

import datetime
import zoneinfo

import pytest
from django.core.management import call_command
from django.utils import timezone

from events.models import Event, Registration
from events.personal_data import registrations_purge_expired
from events.services import registrations_send_reminders
from portal.models import OutboxEmail
from tests import factories

pytestmark = pytest.mark.django_db
HONG_KONG = zoneinfo.ZoneInfo("Asia/Hong_Kong")


def event_starting(moment, **fields):
    """An event starting at `moment` with one person holding a place (registered a month before)."""
    event = factories.EventFactory(starts_at=moment, ends_at=moment + datetime.timedelta(hours=2), **fields)
    registration = factories.RegistrationFactory(event=event)
    return event, registration


def reminders():
    return OutboxEmail.objects.filter(subject__startswith="Reminder:")


def test_reminders_go_the_day_before_and_only_once(capsys):
    now = datetime.datetime(2030, 1, 10, 3, 30, tzinfo=HONG_KONG)
    tomorrow, _registration = event_starting(datetime.datetime(2030, 1, 11, 19, 0, tzinfo=HONG_KONG), title="Tomorrow")
    event_starting(datetime.datetime(2030, 1, 12, 9, 0, tzinfo=HONG_KONG), title="In two days")
    assert registrations_send_reminders(now=now) == 1
    [reminder] = reminders()
    assert reminder.subject == "Reminder: Tomorrow"
    assert reminder.calendar_file.filename == f"{tomorrow.slug}.ics"
    assert registrations_send_reminders(now=now) == 0
    assert registrations_send_reminders(now=now + datetime.timedelta(hours=5)) == 0
    assert reminders().count() == 1


def test_the_command_reminds_people_with_a_place_only(capsys):
    soon = timezone.now() + datetime.timedelta(hours=20)
    event, holder = event_starting(soon, capacity=1)
    waiting = factories.RegistrationFactory(event=event)
    cancelled = factories.RegistrationFactory(
        event=factories.EventFactory(starts_at=soon, ends_at=soon), status="cancelled"
    )
    call_command("send_event_reminders")
    assert "Queued 1 event reminder(s)." in capsys.readouterr().out
    assert list(reminders().values_list("to", flat=True)) == [holder.email]
    assert waiting.status == "waitlisted" and cancelled.reminded_at is None


def test_no_reminder_for_an_event_that_has_started_or_is_unpublished():
    started, _ = event_starting(timezone.now() + datetime.timedelta(hours=3))
    Event.objects.filter(pk=started.pk).update(starts_at=timezone.now() - datetime.timedelta(minutes=1))
    event_starting(timezone.now() + datetime.timedelta(hours=3), is_published=True)
    Event.objects.filter(pk__gt=started.pk).update(is_published=False)
    assert registrations_send_reminders() == 0


def test_personal_data_is_erased_after_the_retention_period(settings, client):
    settings.EVENT_REGISTRATION_RETENTION_DAYS = 30
    event, registration = event_starting(timezone.now() + datetime.timedelta(days=2))
    old_link = registration.get_status_url()
    Event.objects.filter(pk=event.pk).update(
        starts_at=timezone.now() - datetime.timedelta(days=40), ends_at=timezone.now() - datetime.timedelta(days=40)
    )
    _recent, kept = event_starting(timezone.now() + datetime.timedelta(days=2))
    assert registrations_purge_expired() == (1, 0)
    registration.refresh_from_db()
    assert (registration.name, registration.organisation) == ("", "")
    assert registration.email == f"{registration.reference.lower()}@erased.invalid"
    assert registration.purged_at is not None and registration.status == "confirmed"
    assert not Registration.history.filter(id=registration.pk).exists()
    assert client.get(old_link).status_code == 404
    kept.refresh_from_db()
    assert kept.name and kept.purged_at is None
    assert registrations_purge_expired() == (0, 0)


def test_purge_expired_includes_event_registrations(capsys):
    call_command("purge_expired")
    assert "event registration(s)" in capsys.readouterr().out


def test_the_privacy_notice_states_how_long_registrations_are_kept(client, settings):
    settings.EVENT_REGISTRATION_RETENTION_DAYS = 77
    html = client.get("/privacy/").content.decode()
    assert "When you register for an event" in html
    assert "erased 77 days after the event" in html

"""Calendar files read back by icalendar: Hong Kong times with their VTIMEZONE, whole days as dates, every entry
linking to its page; the subscribable feeds of events and of open calls' deadlines show only public records."""

import datetime
import zoneinfo

import icalendar
import pytest
from django.utils import timezone

from tests import factories

pytestmark = pytest.mark.django_db
HONG_KONG = zoneinfo.ZoneInfo("Asia/Hong_Kong")


def calendar(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def entries(parsed):
    return {str(vevent["summary"]): vevent for vevent in parsed.walk("VEVENT")}


def test_an_event_file_is_in_hong_kong_time_with_its_time_zone(client):
    starts = datetime.datetime(2030, 3, 4, 10, 0, tzinfo=HONG_KONG)
    event = factories.EventFactory(
        title="Timed seminar", starts_at=starts, ends_at=starts + datetime.timedelta(hours=2), summary="About it."
    )
    response = client.get(f"/events/{event.slug}/event.ics")
    assert response["Content-Disposition"] == f'attachment; filename="{event.slug}.ics"'
    parsed = icalendar.Calendar.from_ical(response.content)
    [vtimezone] = parsed.walk("VTIMEZONE")
    assert str(vtimezone["tzid"]) == "Asia/Hong_Kong"
    vevent = entries(parsed)["Timed seminar"]
    assert str(vevent["dtstart"].params["TZID"]) == "Asia/Hong_Kong"
    assert vevent.decoded("dtstart") == starts and vevent.decoded("dtstart").hour == 10
    assert vevent.decoded("dtend") == starts + datetime.timedelta(hours=2)
    assert str(vevent["url"]) == f"http://testserver/events/{event.slug}/"
    assert str(vevent["location"]).startswith("Room 1")
    assert str(vevent["uid"]) == f"event-{event.pk}@127.0.0.1"


def test_a_whole_day_event_is_written_as_dates(client):
    day = datetime.datetime(2026, 6, 3, tzinfo=HONG_KONG)
    event = factories.EventFactory(title="Launch day", starts_at=day, ends_at=day, all_day=True)
    event.full_clean()
    event.save()
    vevent = entries(calendar(client, f"/events/{event.slug}/event.ics"))["Launch day"]
    assert vevent.decoded("dtstart") == datetime.date(2026, 6, 3)
    assert vevent.decoded("dtend") == datetime.date(2026, 6, 4)  # exclusive


def test_the_events_feed_has_every_published_event_with_a_link_back(client):
    factories.EventFactory(title="Coming up")
    past_start = timezone.now() - datetime.timedelta(days=30)
    factories.EventFactory(title="Recently", starts_at=past_start, ends_at=past_start + datetime.timedelta(hours=1))
    long_ago = timezone.now() - datetime.timedelta(days=800)
    factories.EventFactory(title="Long ago", starts_at=long_ago, ends_at=long_ago + datetime.timedelta(hours=1))
    factories.EventFactory(title="Draft", is_published=False)
    parsed = calendar(client, "/events/calendar.ics")
    assert str(parsed["x-wr-calname"]) == "Joint Lab Portal events"
    found = entries(parsed)
    assert set(found) == {"Coming up", "Recently"}
    assert all(str(vevent["url"]).startswith("http://testserver/events/") for vevent in found.values())


def test_the_deadlines_feed_has_only_open_public_calls(client):
    call = factories.CallFactory(title="Open call")
    factories.CallFactory(title="Draft call", is_published=False)
    factories.CallFactory(
        title="Closed call",
        opens_at=timezone.now() - datetime.timedelta(days=20),
        closes_at=timezone.now() - datetime.timedelta(days=1),
    )
    parsed = calendar(client, "/calls/deadlines.ics")
    found = entries(parsed)
    assert set(found) == {"Deadline: Open call"}
    vevent = found["Deadline: Open call"]
    assert vevent.decoded("dtstart") == call.closes_at.replace(microsecond=0)
    assert str(vevent["dtstart"].params["TZID"]) == "Asia/Hong_Kong"
    assert str(vevent["url"]) == f"http://testserver/calls/{call.slug}/"
    assert 'href="/calls/deadlines.ics"' in client.get("/programmes/").content.decode()


def test_an_unpublished_event_has_no_calendar_file(client):
    assert client.get(f"/events/{factories.EventFactory(is_published=False).slug}/event.ics").status_code == 404

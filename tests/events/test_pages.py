"""The events pages: upcoming first (soonest first), then past ones kept as a record, in Hong Kong time, published
only, with Event data for search engines, and in numbers of queries that do not grow with the events."""

import datetime
import json
import re
import zoneinfo

import pytest
from django.utils import timezone

from tests import factories

pytestmark = pytest.mark.django_db


def html(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, path
    return response.content.decode()


def at(days, hours=0):
    return (timezone.now() + datetime.timedelta(days=days, hours=hours)).replace(second=0, microsecond=0)


def event(title, days, **fields):
    return factories.EventFactory(title=title, starts_at=at(days), ends_at=at(days, 2), **fields)


def test_upcoming_events_come_first_then_past_ones_as_a_record(client):
    event("Later", 20)
    event("Sooner", 5)
    event("Last month", -30)
    event("Last week", -7)
    event("Hidden", 3, is_published=False)
    page = html(client, "/events/")
    upcoming, past = page.split('id="past-heading"')
    assert upcoming.index("Sooner") < upcoming.index("Later") and "Last week" not in upcoming
    assert past.index("Last week") < past.index("Last month")
    assert "Hidden" not in page


def test_times_are_shown_in_hong_kong_time(client):
    starts = datetime.datetime(2030, 5, 6, 2, 0, tzinfo=datetime.UTC)  # 10:00 in Hong Kong
    seminar = factories.EventFactory(starts_at=starts, ends_at=starts + datetime.timedelta(hours=2))
    page = html(client, seminar.get_absolute_url())
    assert "6 May 2030, 10:00</time> – <time" in page and "12:00</time> (Hong Kong time)" in page


def test_a_past_event_page_stays_as_a_record_without_registration(client):
    past = event("Done", -3)
    page = html(client, past.get_absolute_url())
    assert "kept as a record" in page
    assert "/register/" not in page


def test_an_open_event_page_links_to_its_form_and_calendar_file(client):
    seminar = event("Open seminar", 10)
    page = html(client, seminar.get_absolute_url())
    assert f'href="/events/{seminar.slug}/register/"' in page
    assert f'href="/events/{seminar.slug}/event.ics"' in page


def test_an_unpublished_event_has_no_page(client):
    html(client, factories.EventFactory(is_published=False).get_absolute_url(), status=404)


def test_an_event_carries_event_data(client):
    seminar = factories.EventFactory(title="Data seminar", online_url="https://meet.example/room", venue="")
    page = html(client, seminar.get_absolute_url())
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    assert data["@type"] == "Event" and data["name"] == "Data seminar"
    assert data["startDate"] == seminar.starts_at.astimezone(zoneinfo.ZoneInfo("Asia/Hong_Kong")).isoformat()
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://meet.example/room"}
    assert data["eventAttendanceMode"].endswith("OnlineEventAttendanceMode")


def test_events_read_in_chinese(client):
    factories.EventFactory(title="English seminar", title_zh_hans="简体研讨会")
    assert "简体研讨会" in html(client, "/zh-hans/events/")


def test_a_lab_page_shows_its_upcoming_events(client):
    seminar = event("Lab seminar", 4)
    event("Old lab seminar", -4, lab=seminar.lab)
    page = html(client, seminar.lab.get_absolute_url())
    assert "Upcoming events" in page and "Lab seminar" in page and "Old lab seminar" not in page


def test_an_event_needs_a_place_or_a_link_and_a_sane_end():
    from django.core.exceptions import ValidationError

    lab = factories.JointLabFactory()
    nowhere = factories.EventFactory.build(lab=lab, venue="", online_url="")
    with pytest.raises(ValidationError, match="place, the online link"):
        nowhere.full_clean()
    backwards = factories.EventFactory.build(lab=lab, starts_at=at(3), ends_at=at(2))
    with pytest.raises(ValidationError, match="cannot end before it starts"):
        backwards.full_clean()


def grow(lab, n):
    for days in range(n):
        upcoming = event(f"Upcoming {days}", days + 1, lab=lab)
        factories.RegistrationFactory(event=upcoming)
        event(f"Past {days}", -days - 1, lab=lab)


def test_query_counts_do_not_grow_with_the_events(client, count_queries):
    lab = factories.JointLabFactory()
    anchor = factories.EventFactory(lab=lab, slug="anchor", capacity=100)
    paths = [
        "/events/",
        "/events/?page=2",
        "/events/anchor/",
        "/events/anchor/register/",
        "/events/calendar.ics",
        "/events/anchor/event.ics",
        lab.get_absolute_url(),
    ]
    grow(lab, 21)
    factories.RegistrationFactory(event=anchor)
    small = {path: count_queries(client, path) for path in paths}
    grow(lab, 20)
    factories.RegistrationFactory.create_batch(10, event=anchor)
    assert {path: count_queries(client, path) for path in paths} == small


def test_published_events_are_in_the_sitemap_and_site_search(client):
    seminar = event("Searchable robotics seminar", 5)
    draft = event("Searchable draft seminar", 5, is_published=False)
    sitemap = html(client, "/sitemap.xml")
    assert f"/events/{seminar.slug}/" in sitemap and f"/events/{draft.slug}/" not in sitemap
    results = html(client, "/search/?q=searchable")
    assert "Searchable robotics seminar" in results and "Searchable draft seminar" not in results

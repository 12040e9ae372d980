"""iCalendar (RFC 5545) files: one event, a subscribable feed, the file attached to an e-mail.

The one place the portal writes calendars. Times are written in Hong Kong time (TZID=Asia/Hong_Kong with its
VTIMEZONE), so a calendar in another zone shows them right; whole-day entries are plain dates. Other apps build
CalendarEntry values for their own records (the call deadlines feed does) and call calendar_bytes.
"""

import datetime
import zoneinfo
from dataclasses import dataclass
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone

PRODUCT = "-//Joint Lab Portal//Events//EN"
REFRESH = datetime.timedelta(hours=6)  # how often subscribed calendars should look again


@dataclass(frozen=True)
class CalendarEntry:
    uid: str  # stable across edits, so a calendar updates the entry instead of adding another
    title: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    url: str  # the entry's page: every entry links back
    all_day: bool = False
    description: str = ""
    location: str = ""
    updated_at: datetime.datetime | None = None


def uid_for(kind, pk):
    """A unique id such as event-42@portal.example.org (the site's host keeps it unique worldwide)."""
    return f"{kind}-{pk}@{urlsplit(settings.SITE_URL).hostname or 'localhost'}"


def _zone():
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def _vevent(entry, now):
    vevent = icalendar.Event()
    vevent.add("uid", entry.uid)
    vevent.add("summary", entry.title)
    if entry.all_day:
        first = timezone.localtime(entry.starts_at, _zone()).date()
        last = timezone.localtime(entry.ends_at, _zone()).date()
        vevent.add("dtstart", first)
        vevent.add("dtend", last + datetime.timedelta(days=1))  # the end date of a whole-day entry is exclusive
    else:
        vevent.add("dtstart", timezone.localtime(entry.starts_at, _zone()))
        vevent.add("dtend", timezone.localtime(entry.ends_at, _zone()))
    vevent.add("dtstamp", now)
    if entry.updated_at:
        vevent.add("last-modified", entry.updated_at.astimezone(datetime.UTC))
    vevent.add("url", entry.url)
    description = "\n\n".join(part for part in (entry.description, entry.url) if part)
    vevent.add("description", description)
    if entry.location:
        vevent.add("location", entry.location)
    return vevent


def calendar_bytes(entries, *, name="", now=None):
    """The .ics text of `entries` (CalendarEntry values), with the VTIMEZONE of every zone used."""
    now = (now or timezone.now()).astimezone(datetime.UTC)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("name", name)
        calendar.add("x-wr-calname", name)
        calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", REFRESH)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for entry in entries:
        calendar.add_component(_vevent(entry, now))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def calendar_response(content, *, filename, download=False):
    """A calendar for a calendar program: inline for subscriptions, as a file to save for one event."""
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def event_entry(event, *, url):
    """The calendar entry of an events.Event; `url` is the absolute address of its page."""
    location = "\n".join(part for part in (event.venue.strip(), event.online_url) if part)
    return CalendarEntry(
        uid=uid_for("event", event.pk),
        title=event.title,
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        all_day=event.all_day,
        url=url,
        description=event.summary,
        location=location,
        updated_at=event.updated_at,
    )

"""Loads the demo news articles and events (demo/content/news.py, events.py): only what is missing, like the rest
of the demo, so staff edits survive the next `make run`."""

import datetime

from django.utils import timezone

from events.models import Event
from labs.models import JointLab, Organisation
from news.models import NewsArticle
from people.models import Person
from projects.models import Project

from .content.events import PAST_EVENTS, UPCOMING_SEMINAR
from .content.news import ARTICLES

LANGUAGE_SUFFIXES = ("en", "zh_hant", "zh_hans")


def _three_languages(data, *fields):
    return {
        f"{field}_{suffix}": text
        for field in fields
        for suffix, text in zip(LANGUAGE_SUFFIXES, data[field], strict=True)
    }


def load_news_and_events(report, now):
    labs = {lab.slug: lab for lab in JointLab.objects.all()}
    for data in ARTICLES:
        _load_article(report, data, labs[data["lab"]], now)
    for data in PAST_EVENTS:
        _load_past_event(report, data, labs[data["lab"]])
    _load_upcoming_seminar(report, UPCOMING_SEMINAR, labs[UPCOMING_SEMINAR["lab"]], now)


def _created(report, obj):
    report.created[str(obj._meta.verbose_name_plural)] += 1


def _load_article(report, data, lab, now):
    if NewsArticle.objects.filter(slug=data["slug"]).exists():
        return
    published = data["published_on"]
    article = NewsArticle(
        slug=data["slug"],
        lab=lab,
        published_on=datetime.date.fromisoformat(published) if published else timezone.localdate(now),
        is_published=True,
        **_three_languages(data, "title", "summary", "body"),
    )
    article.full_clean()
    article.save()
    article.people.set(Person.objects.filter(slug__in=data["people"]))
    article.organisations.set(Organisation.objects.filter(slug__in=data["organisations"]))
    article.projects.set(Project.objects.filter(lab=lab, slug__in=data["projects"]))
    _created(report, article)


def _load_past_event(report, data, lab):
    if Event.objects.filter(slug=data["slug"]).exists():
        return
    day = timezone.make_aware(datetime.datetime.combine(datetime.date.fromisoformat(data["date"]), datetime.time.min))
    event = Event(
        slug=data["slug"],
        lab=lab,
        kind=data["kind"],
        starts_at=day,
        ends_at=day,
        all_day=True,  # the seed gives the day, not the time
        language="",  # nor the language
        takes_registrations=False,
        is_published=True,
        **_three_languages(data, "title", "summary", "venue"),
    )
    event.full_clean()
    event.save()
    _created(report, event)


def _seminar_times(data, now):
    day = timezone.localdate(now) + datetime.timedelta(days=data["starts_in_days"])
    starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(data["starts_at_hour"])))
    ends = starts + datetime.timedelta(hours=data["hours"])
    deadline = timezone.make_aware(datetime.datetime.combine(day - datetime.timedelta(days=2), datetime.time(23, 59)))
    return {"starts_at": starts, "ends_at": ends, "registration_deadline": deadline}


def _load_upcoming_seminar(report, data, lab, now):
    """A newcomer always finds an event to register for: once the demo seminar is over, and nobody registered for
    it, it moves to three weeks ahead again."""
    event = Event.objects.filter(slug=data["slug"]).first()
    if event is not None:
        if event.is_past(now) and not event.registrations.exists():
            for field, value in _seminar_times(data, now).items():
                setattr(event, field, value)
            event.save()
        return
    event = Event(
        slug=data["slug"],
        lab=lab,
        kind=data["kind"],
        language=data["language"],
        capacity=data["capacity"],
        is_published=True,
        **_seminar_times(data, now),
        **_three_languages(data, "title", "summary", "description", "venue"),
    )
    event.full_clean()
    event.save()
    _created(report, event)

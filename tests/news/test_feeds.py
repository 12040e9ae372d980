"""The Atom feeds, read by a real feed parser: published articles only, newest first, each linking to its page,
per lab, in the language of the address."""

import datetime

import feedparser
import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def parse(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


def test_the_feed_lists_published_articles_newest_first_with_links(client):
    older = factories.NewsArticleFactory(title="Older", published_on=datetime.date(2026, 1, 1))
    newer = factories.NewsArticleFactory(title="Newer", published_on=datetime.date(2026, 2, 1), summary="Short.")
    factories.NewsArticleFactory(title="Draft", is_published=False)
    feed = parse(client, "/news/feed/")
    assert feed.version == "atom10"
    assert [entry.title for entry in feed.entries] == ["Newer", "Older"]
    assert feed.entries[0].link == f"http://testserver{newer.get_absolute_url()}"
    assert feed.entries[0].summary == "Short."
    assert feed.entries[1].published_parsed[:3] == (2025, 12, 31)  # midnight in Hong Kong is 16:00 UTC the day before
    assert older.get_absolute_url() in feed.entries[1].link


def test_a_lab_feed_has_only_that_labs_articles(client):
    lab = factories.JointLabFactory(slug="vision", name="Vision Lab")
    factories.NewsArticleFactory(lab=lab, title="Vision story")
    factories.NewsArticleFactory(title="Elsewhere")
    feed = parse(client, "/news/lab/vision/feed/")
    assert feed.feed.title == "News from Vision Lab"
    assert [entry.title for entry in feed.entries] == ["Vision story"]
    assert client.get("/news/lab/nowhere/feed/").status_code == 404


def test_the_feed_speaks_the_language_of_its_address(client):
    factories.NewsArticleFactory(title="English", title_zh_hans="简体标题")
    feed = parse(client, "/zh-hans/news/feed/")
    assert feed.feed.language == "zh-hans"
    assert feed.entries[0].title == "简体标题"
    assert "/zh-hans/news/" in feed.entries[0].link

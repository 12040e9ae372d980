"""The newsroom's public pages: published articles only, newest first, in pages, per lab, in the three languages
with English filling gaps, with NewsArticle data for search engines, and in numbers of queries that do not grow."""

import datetime
import json
import re

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def html(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, path
    return response.content.decode()


def test_the_list_shows_published_articles_newest_first(client):
    factories.NewsArticleFactory(title="Older news", published_on=datetime.date(2026, 1, 5))
    factories.NewsArticleFactory(title="Newer news", published_on=datetime.date(2026, 3, 5))
    factories.NewsArticleFactory(title="Draft news", is_published=False)
    page = html(client, "/news/")
    assert page.index("Newer news") < page.index("Older news")
    assert "Draft news" not in page


def test_an_unpublished_article_has_no_page(client):
    draft = factories.NewsArticleFactory(is_published=False)
    html(client, draft.get_absolute_url(), status=404)


def test_the_list_is_paginated(client):
    for day in range(1, 13):
        factories.NewsArticleFactory(title=f"Story {day:02d}", published_on=datetime.date(2026, 5, day))
    first, second = html(client, "/news/"), html(client, "/news/?page=2")
    assert "Story 12" in first and "Story 03" in first and "Story 02" not in first
    assert "Story 02" in second and "Story 01" in second and "Story 12" not in second


def test_a_lab_list_shows_only_that_labs_articles(client):
    lab, other = factories.JointLabFactory(slug="vision"), factories.JointLabFactory()
    factories.NewsArticleFactory(lab=lab, title="Vision news")
    factories.NewsArticleFactory(lab=other, title="Other news")
    page = html(client, "/news/lab/vision/")
    assert "Vision news" in page and "Other news" not in page
    html(client, "/news/lab/no-such-lab/", status=404)


def test_an_article_page_shows_its_text_and_links(client):
    person = factories.PersonFactory(name="Dr Example Person")
    hidden = factories.PersonFactory(name="Hidden Person", is_public=False)
    project = factories.ProjectFactory(title="Linked project")
    article = factories.NewsArticleFactory(
        lab=project.lab, title="A story", body="First paragraph.\n\nSecond <b>paragraph</b>."
    )
    article.people.set([person, hidden])
    article.projects.set([project])
    page = html(client, article.get_absolute_url())
    assert "<p>First paragraph.</p>" in page
    assert "Second &lt;b&gt;paragraph&lt;/b&gt;." in page  # plain text, never markup
    assert person.get_absolute_url() in page and "Hidden Person" not in page
    assert project.get_absolute_url() in page


def test_an_article_carries_news_article_data_with_its_date(client):
    article = factories.NewsArticleFactory(title="Dated story", published_on=datetime.date(2026, 6, 5))
    page = html(client, article.get_absolute_url())
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    data = json.loads(block)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Dated story"
    assert data["datePublished"] == "2026-06-05"
    assert data["publisher"]["name"] == article.lab.name


def test_pages_announce_their_atom_feed(client):
    article = factories.NewsArticleFactory(lab__slug="vision")
    assert '<link rel="alternate" type="application/atom+xml"' in html(client, "/news/")
    assert 'href="/news/feed/"' in html(client, "/news/")
    assert 'href="/news/lab/vision/feed/"' in html(client, "/news/lab/vision/")
    assert 'href="/news/lab/vision/feed/"' in html(client, article.get_absolute_url())


def test_articles_read_in_chinese_and_fall_back_to_english(client):
    translated = factories.NewsArticleFactory(title="English title", title_zh_hant="中文標題", summary="Summary")
    untranslated = factories.NewsArticleFactory(title="Only in English")
    page = html(client, "/zh-hant/news/")
    assert "中文標題" in page and "English title" not in page
    assert "Only in English" in page
    assert "中文標題" in html(client, f"/zh-hant/news/{translated.slug}/")
    assert "Only in English" in html(client, f"/zh-hans/news/{untranslated.slug}/")


def test_a_reserved_slug_is_refused():
    from django.core.exceptions import ValidationError

    article = factories.NewsArticleFactory.build(lab=factories.JointLabFactory(), slug="feed")
    with pytest.raises(ValidationError, match="reserved"):
        article.full_clean()


def test_an_image_needs_a_description():
    from django.core.exceptions import ValidationError

    article = factories.NewsArticleFactory.build(lab=factories.JointLabFactory(), image="news/a.png", image_alt="")
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "image_alt" in error.value.message_dict


def test_lab_person_and_project_pages_show_their_latest_news(client):
    project = factories.ProjectFactory()
    person = factories.PersonFactory()
    article = factories.NewsArticleFactory(lab=project.lab, title="Linked story")
    article.people.add(person)
    article.projects.add(project)
    factories.NewsArticleFactory(lab=project.lab, title="Unpublished story", is_published=False)
    for path in (project.lab.get_absolute_url(), person.get_absolute_url(), project.get_absolute_url()):
        page = html(client, path)
        assert "Latest news" in page and "Linked story" in page and "Unpublished story" not in page, path
    assert "Latest news" not in html(client, factories.PersonFactory().get_absolute_url())


def grow(lab, project, person, n):
    for _ in range(n):
        article = factories.NewsArticleFactory(lab=lab)
        article.people.add(person, factories.PersonFactory())
        article.projects.add(project)
        article.organisations.add(factories.OrganisationFactory())


def test_query_counts_do_not_grow_with_the_articles(client, count_queries):
    lab = factories.JointLabFactory(slug="busy")
    project = factories.ProjectFactory(lab=lab)
    person = factories.PersonFactory()
    anchor = factories.NewsArticleFactory(lab=lab, slug="anchor")
    anchor.people.add(person)
    anchor.projects.add(project)
    paths = [
        "/news/",
        "/news/lab/busy/",
        "/news/anchor/",
        "/news/feed/",
        "/news/lab/busy/feed/",
        lab.get_absolute_url(),
        person.get_absolute_url(),
        project.get_absolute_url(),
    ]
    grow(lab, project, person, 3)
    small = {path: count_queries(client, path) for path in paths}
    grow(lab, project, person, 25)
    assert {path: count_queries(client, path) for path in paths} == small


def test_published_articles_are_in_the_sitemap_and_site_search(client):
    article = factories.NewsArticleFactory(title="Searchable harbour story")
    draft = factories.NewsArticleFactory(title="Searchable draft story", is_published=False)
    sitemap = html(client, "/sitemap.xml")
    assert f"/news/{article.slug}/" in sitemap and f"/news/{draft.slug}/" not in sitemap
    assert "/news/</loc>" in sitemap
    results = html(client, "/search/?q=searchable")
    assert "Searchable harbour story" in results and "Searchable draft story" not in results

"""Staff manage news in the admin: steady pages, search, publishing, checked images, and lab scoping."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from news.models import NewsArticle
from tests import factories

pytestmark = pytest.mark.django_db


def test_changelist_query_count_does_not_grow_with_rows(admin_changelist_is_steady):
    admin_changelist_is_steady(NewsArticle)


def test_change_and_add_forms_load_with_a_steady_query_count(admin_forms_are_steady):
    admin_forms_are_steady(NewsArticle)


def test_search_finds_an_article_by_its_title(admin_search_finds_by_name):
    admin_search_finds_by_name(NewsArticle)


def test_publishing_in_bulk_takes_articles_on_and_off_the_site(admin_client, client):
    article = factories.NewsArticleFactory(is_published=False, title="Bulk story")
    url = reverse("admin:news_newsarticle_changelist")
    admin_client.post(url, {"action": "articles_set_published_on", "_selected_action": [article.pk]})
    article.refresh_from_db()
    assert article.is_published


def valid_post(lab, **overrides):
    data = {
        "lab": lab.pk,
        "title_en": "Posted story",
        "slug": "posted-story",
        "summary_en": "Summary.",
        "body_en": "Body.",
        "published_on": "2026-06-05",
        "is_published": "on",
        "image_alt_en": "",
    }
    data.update(overrides)
    return data


def test_an_image_is_checked_by_its_content(admin_client):
    lab = factories.JointLabFactory()
    fake = SimpleUploadedFile("photo.png", b"not really a picture", content_type="image/png")
    response = admin_client.post(
        reverse("admin:news_newsarticle_add"), {**valid_post(lab), "image": fake, "image_alt_en": "A lab"}
    )
    assert response.status_code == 200
    assert not NewsArticle.objects.filter(slug="posted-story").exists()


def test_a_lab_manager_sees_and_edits_only_their_labs_articles(client, manager, two_labs):
    own, other = two_labs
    mine = factories.NewsArticleFactory(lab=own, title="Own story")
    theirs = factories.NewsArticleFactory(lab=other, title="Other story")
    listing = client.get(reverse("admin:news_newsarticle_changelist")).content.decode()
    assert "Own story" in listing and "Other story" not in listing
    assert client.get(reverse("admin:news_newsarticle_change", args=[mine.pk])).status_code == 200
    assert client.get(reverse("admin:news_newsarticle_change", args=[theirs.pk])).status_code in (302, 403, 404)
    form = client.get(reverse("admin:news_newsarticle_add")).context["adminform"].form
    assert list(form.fields["lab"].queryset) == [own]
    response = client.post(reverse("admin:news_newsarticle_add"), valid_post(other))
    assert response.status_code == 200 and not NewsArticle.objects.filter(slug="posted-story").exists()
    client.post(reverse("admin:news_newsarticle_add"), valid_post(own))
    assert NewsArticle.objects.get(slug="posted-story").lab == own

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300


def test_a_public_page_is_served_from_the_cache_the_second_time(client, page_cache, django_assert_num_queries):
    factories.ProjectFactory(title="Cached project")
    first = client.get("/projects/")
    with django_assert_num_queries(0):
        second = client.get("/projects/")
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_any_content_change_invalidates_the_cache(client, page_cache):
    project = factories.ProjectFactory(title="Old title")
    assert "Old title" in client.get("/projects/").content.decode()
    project.title = "New title"
    project.save()
    assert "New title" in client.get("/projects/").content.decode()
    project.delete()
    assert "New title" not in client.get("/projects/").content.decode()


def test_each_language_and_query_has_its_own_entry(client, page_cache):
    factories.ProjectFactory(lab__slug="a", title="In lab A")
    factories.ProjectFactory(lab__slug="b", title="In lab B")
    assert "In lab B" not in client.get("/projects/?lab=a").content.decode()
    assert "In lab A" not in client.get("/projects/?lab=b").content.decode()
    assert '<html lang="zh-Hant-HK">' in client.get("/zh-hant/projects/").content.decode()


def queries_for(client, path):
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    return len(queries)


def test_private_pages_and_staff_are_never_served_from_the_cache(client, admin_client, page_cache):
    challenge = factories.ChallengeRequestFactory()
    client.get(challenge.get_status_url())
    assert queries_for(client, challenge.get_status_url()) > 0
    admin_client.get("/projects/")
    assert queries_for(admin_client, "/projects/") > 0  # a session cookie bypasses the cache

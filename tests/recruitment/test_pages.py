"""The programmes page and each call's page: calls grouped by what a student can do now, deadlines in Hong Kong
time, unpublished calls never shown, and a number of queries that does not grow with the calls."""

import datetime

import pytest
from django.utils import timezone

from tests import factories

pytestmark = pytest.mark.django_db


def html(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, path
    return response.content.decode()


def test_call_deadline_is_shown_in_hong_kong_time(client):
    closes = datetime.datetime(2030, 3, 31, 15, 59, tzinfo=datetime.UTC)
    call = factories.CallFactory(closes_at=closes, title="Deadline call")
    assert "31 Mar 2030, 23:59</time> (Hong Kong time)" in html(client, call.get_absolute_url())


def test_calls_are_grouped_open_upcoming_closed(client):
    now = timezone.now()
    day = datetime.timedelta(days=1)
    factories.CallFactory(title="Open now")
    factories.CallFactory(title="Opens later", opens_at=now + day, closes_at=now + 10 * day)
    factories.CallFactory(title="Already closed", opens_at=now - 10 * day, closes_at=now - day)
    page = html(client, "/programmes/")
    open_section, rest = page.split('id="upcoming-heading"')
    upcoming_section, closed_section = rest.split('id="closed-heading"')
    assert "Open now" in open_section and "Opens later" not in open_section
    assert "Opens later" in upcoming_section and "Already closed" not in upcoming_section
    assert "Already closed" in closed_section


def test_unpublished_calls_are_never_shown(client):
    call = factories.CallFactory(title="Draft call", is_published=False)
    html(client, call.get_absolute_url(), status=404)
    assert "Draft call" not in html(client, "/programmes/")
    assert "Draft call" not in html(client, "/")


def test_list_query_count_does_not_grow_with_rows(client, count_queries):
    lab = factories.JointLabFactory()
    factories.CallFactory.create_batch(5, programme__lab=lab)
    five = count_queries(client, "/programmes/")
    factories.CallFactory.create_batch(15, programme__lab=lab)
    assert count_queries(client, "/programmes/") == five

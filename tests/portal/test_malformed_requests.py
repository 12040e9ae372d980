"""Requests no view can serve get a 4xx and one log line, never a 500 with a traceback: a NUL byte anywhere a view
may pass on to the database (PostgreSQL refuses it), a form in another charset, a foreign Host header, a filter the
database cannot run; and the 404 page's language links stay on this site."""

import io
import logging
import re
from urllib.parse import urlencode

import pytest
from django.contrib import admin
from django.db import DataError
from django.test import Client, RequestFactory

from challenges.models import ChallengeRequest
from portal.admin_filters_guard import answering_database_refusals, is_regex_lookup, refusing_regex_lookups
from portal.models import OutboxEmail
from tests import factories
from tests.files import pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def server_log():
    """What the portal's configured log handlers print during the test."""
    handlers = {handler for name in ("", "django", "django.request") for handler in logging.getLogger(name).handlers}
    handlers = [h for h in handlers if isinstance(h, logging.StreamHandler) and not type(h).__module__.startswith("_")]
    buffer = io.StringIO()
    previous = [(handler, handler.setStream(buffer)) for handler in handlers]
    yield buffer
    for handler, stream in previous:
        handler.setStream(stream)


def visitor():
    return Client(raise_request_exception=False)


def assert_refused_in_one_line(response, log, status=400):
    assert response.status_code == status
    printed = log.getvalue()
    assert "Traceback" not in printed and "ERROR" not in printed
    assert len(printed) < 1000, printed


@pytest.mark.parametrize(
    "path",
    [
        "/challenges/status/%00/",
        "/zh-hant/challenges/status/ab%00cd/",
        "/challenges/status/%00/data.json",
        "/applications/status/%00/",
        "/referees/%00/",
        "/challenges/submit/?lab=%00",
        "/challenges/submit/?focus_area=1%00",
        "/search/?q=robot%00",
        "/projects/?q=%00",
        "/labs/?%00=1",
    ],
)
def test_a_nul_byte_in_the_address_is_a_bad_request(path, server_log):
    response = visitor().get(path)
    assert_refused_in_one_line(response, server_log)
    assert [template.name for template in response.templates][0] == "400.html"
    assert "default-src 'self'" in response["Content-Security-Policy"]  # the site's own page, with its headers


@pytest.mark.parametrize(
    "path",
    [
        "/admin/challenges/challengerequest/?title=%00",
        "/admin/challenges/challengerequest/?q=%00",
        "/admin/autocomplete/?term=%00&app_label=challenges&model_name=challengerequest&field_name=owner",
    ],
)
def test_a_nul_byte_in_an_admin_filter_or_autocomplete_is_a_bad_request(admin_client, path, server_log):
    factories.ChallengeRequestFactory()
    admin_client.raise_request_exception = False
    response = admin_client.get(path)
    assert_refused_in_one_line(response, server_log)
    assert admin_client.get("/admin/challenges/challengerequest/").status_code == 200  # still signed in


def test_a_nul_byte_in_a_form_field_or_its_name_stores_nothing(challenge_data, server_log):
    response = visitor().post("/challenges/submit/", challenge_data(title="Scratches\x00"))
    assert_refused_in_one_line(response, server_log)
    response = visitor().post("/challenges/submit/", {**challenge_data(), "x\x00": "1"})
    assert_refused_in_one_line(response, server_log)
    response = visitor().post("/challenges/submit/", challenge_data(title="Scratches\x00", attachments=[pdf()]))
    assert_refused_in_one_line(response, server_log)  # multipart too
    assert ChallengeRequest.objects.count() == 0 and OutboxEmail.objects.count() == 0


def test_a_nul_byte_in_a_cookie_or_header_is_a_bad_request(server_log):
    client = visitor()
    client.cookies["sessionid"] = "abcdefgh\x00ijklmnop"
    response = client.get("/labs/")
    assert_refused_in_one_line(response, server_log)
    assert response.cookies["sessionid"].value == ""  # the broken session cookie is dropped
    assert_refused_in_one_line(visitor().get("/labs/", HTTP_USER_AGENT="Mozilla\x00"), server_log)


def test_a_form_in_another_charset_is_a_bad_request_with_one_log_line(challenge_data, server_log):
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    page = client.get("/challenges/submit/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urlencode({**challenge_data(title="Café"), "csrfmiddlewaretoken": token}, encoding="iso-8859-1")
    response = client.post(
        "/challenges/submit/", data, content_type="application/x-www-form-urlencoded; charset=iso-8859-1"
    )
    assert_refused_in_one_line(response, server_log)
    assert "Bad request" in response.content.decode()
    assert ChallengeRequest.objects.count() == 0


def test_utf8_under_another_spelling_is_accepted(challenge_data):
    data = urlencode(challenge_data(title="Café"))
    response = visitor().post(
        "/challenges/submit/", data, content_type="application/x-www-form-urlencoded; charset=UTF8"
    )
    assert response.status_code == 302
    assert ChallengeRequest.objects.get().title == "Café"


def test_a_form_that_cannot_be_parsed_is_a_bad_request(server_log):
    response = visitor().post("/challenges/submit/", b"--x\r\n", content_type="multipart/form-data; boundary=")
    assert_refused_in_one_line(response, server_log)


@pytest.mark.parametrize("page_cache_seconds", [0, 300])
def test_a_foreign_host_is_a_short_bad_request_without_a_traceback(settings, server_log, page_cache_seconds):
    settings.PAGE_CACHE_SECONDS = page_cache_seconds
    settings.SECURE_SSL_REDIRECT = True
    response = visitor().get("/labs/", HTTP_HOST="evil.example")
    assert_refused_in_one_line(response, server_log)
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "host name" in response.content.decode()
    assert "Refused a request for an unknown host: 'evil.example'" in server_log.getvalue()


def allow_every_lookup(model_admin, lookup, value, request=None):
    """A changelist whose filters declare every field: the guards must hold even then."""
    return True


def test_regex_lookups_are_never_allowed():
    allowed = refusing_regex_lookups(allow_every_lookup)
    assert is_regex_lookup("title__regex") and is_regex_lookup("owner__email__iregex")
    assert not allowed(None, "title__iregex", "(", None) and not allowed(None, "subject__regex", "^a", None)
    assert allowed(None, "status__exact", "queued", None) and allowed(None, "regexp_field", "x", None)


def test_an_invalid_pattern_in_an_allowed_filter_is_a_bad_request(admin_client, monkeypatch, server_log):
    monkeypatch.setattr(admin.ModelAdmin, "lookup_allowed", refusing_regex_lookups(allow_every_lookup))
    factories.OutboxEmailFactory(subject="Hello")
    admin_client.raise_request_exception = False
    response = admin_client.get("/admin/portal/outboxemail/?subject__regex=(")
    assert_refused_in_one_line(response, server_log)
    assert admin_client.get("/admin/portal/outboxemail/?subject__exact=Hello").context["cl"].result_count == 1


def test_a_filter_value_the_database_refuses_is_a_bad_request_that_says_so(superuser, monkeypatch, server_log):
    factories.OutboxEmailFactory()

    def refuse(*args, **kwargs):
        raise DataError("invalid regular expression: parentheses () not balanced")

    monkeypatch.setattr("django.contrib.admin.views.main.ChangeList.get_results", refuse)
    request = RequestFactory().get("/admin/portal/outboxemail/", {"status__exact": "queued"})
    request.user = superuser
    model_admin = admin.site._registry[OutboxEmail]
    response = answering_database_refusals(admin.ModelAdmin.changelist_view)(model_admin, request).render()
    assert response.status_code == 400
    page = response.content.decode()
    assert "These filters cannot be applied" in page and 'href="/admin/portal/outboxemail/"' in page
    assert "Refused admin list filters the database cannot run" in server_log.getvalue()


def language_links(response):
    page = response.content.decode()
    switcher = page.split('class="navbar-nav language-switcher"')[1].split("</ul>")[0]
    return re.findall(r'href="([^"]*)"', switcher), re.findall(
        r'<link rel="alternate" hreflang="[^"]+" href="([^"]*)"', page
    )


@pytest.mark.parametrize("path", ["//evil.example/x", "/\\evil.example/x", "//evil.example/zh-hant/labs/"])
def test_the_404_pages_language_links_stay_on_this_site(path):
    response = visitor().get("/", PATH_INFO=path)
    assert response.status_code == 404
    links, alternates = language_links(response)
    assert links == ["/", "/zh-hant/", "/zh-hans/"]
    # The three languages, then x-default (the English home page).
    assert alternates == [
        "http://testserver/",
        "http://testserver/zh-hant/",
        "http://testserver/zh-hans/",
        "http://testserver/",
    ]


def test_language_links_of_a_real_page_keep_the_page_and_its_query(client):
    factories.JointLabFactory()
    links, _alternates = language_links(client.get("/zh-hant/labs/?page=1"))
    assert links == ["/labs/?page=1", "/zh-hant/labs/?page=1", "/zh-hans/labs/?page=1"]

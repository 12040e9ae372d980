"""The embeddable list of open calls: plain HTML in three languages, framable by any site (and only it), links that
open the portal in a new tab; and the documentation page that shows how to embed it."""

import re

import pytest

from portal.context_processors import LANGUAGE_TAGS
from tests.portal.test_security import csp_directives

pytestmark = pytest.mark.django_db


def page(client, path, status=200, **headers):
    response = client.get(path, headers=headers)
    assert response.status_code == status, path
    return response, response.content.decode()


def test_the_list_shows_the_open_published_calls_only(anonymous, portal):
    _response, html = page(anonymous, "/embed/calls/")
    assert "Summer internships" in html
    assert "Winter internships" not in html and "Spring internships" not in html  # upcoming, closed
    assert "Draft call never announced" not in html
    assert "Internship · VL" in html and "Deadline" in html


def test_any_site_may_frame_the_list(anonymous, portal):
    response, _html = page(anonymous, "/embed/calls/")
    assert "X-Frame-Options" not in response
    assert csp_directives(response)["frame-ancestors"] == ["*"]
    assert csp_directives(response)["script-src"] == ["'self'"]  # the rest of the policy stays strict


@pytest.mark.parametrize("path", ["/", "/labs/", "/programmes/", "/open-data/", "/calls/open-call/"])
def test_no_other_page_may_be_framed(anonymous, portal, path):
    response, _html = page(anonymous, path)
    assert response["X-Frame-Options"] == "DENY"
    assert csp_directives(response)["frame-ancestors"] == ["'none'"]


def test_the_list_has_no_script_and_opens_the_portal_in_a_new_tab(anonymous, portal):
    _response, html = page(anonymous, "/embed/calls/")
    assert "<script" not in html and "style=" not in html
    links = re.findall(r"<a [^>]*>", html)
    assert len(links) == 2  # the call and "all calls"
    for link in links:
        assert 'target="_blank"' in link and 'rel="noopener"' in link
        assert 'href="http://testserver/' in link  # absolute: the page lives inside another site
    assert 'href="http://testserver/calls/open-call/"' in html
    assert '<meta name="robots" content="noindex">' in html


@pytest.mark.parametrize(
    "prefix, language, link_prefix",
    [("", "en", "/calls/"), ("/zh-hant", "zh-hant", "/zh-hant/calls/"), ("/zh-hans", "zh-hans", "/zh-hans/calls/")],
)
def test_the_list_in_three_languages(anonymous, portal, prefix, language, link_prefix):
    _response, html = page(anonymous, f"{prefix}/embed/calls/")
    assert f'<html lang="{LANGUAGE_TAGS[language]}">' in html
    assert f'href="http://testserver{link_prefix}open-call/"' in html


def test_one_labs_calls(anonymous, portal):
    _response, html = page(anonymous, "/embed/calls/?lab=vision-lab")
    assert "Summer internships" in html and "Open calls of VL" in html
    _response, html = page(anonymous, "/embed/calls/?lab=robot-lab")
    assert "Summer internships" not in html and "No call is open right now." in html
    _response, html = page(anonymous, "/embed/calls/?lab=no-such-lab")
    assert "Summer internships" not in html and "has no lab at the address" in html


def test_partner_sites_may_fetch_the_list_too(anonymous, portal):
    response, _html = page(anonymous, "/zh-hant/embed/calls/", origin="https://partner.example")
    assert response["Access-Control-Allow-Origin"] == "*"


def test_the_documentation_page_shows_the_snippet_and_links_the_schema(anonymous, portal):
    _response, html = page(anonymous, "/open-data/")
    assert (
        "&lt;iframe src=&quot;http://testserver/embed/calls/&quot; title=&quot;Open calls of the joint labs&quot;"
        in html
    )
    assert "http://testserver/zh-hans/embed/calls/" in html
    assert 'href="http://testserver/api/v1/openapi.json"' in html
    assert '<script src="/static/ninja/swagger-ui-bundle.js"></script>' in html
    assert '<script id="swagger-settings" type="application/json">' in html
    assert re.search(r"<script>(?!</script>)", html) is None  # no inline script


def test_the_footer_links_the_documentation_and_the_schema(anonymous, portal):
    _response, html = page(anonymous, "/zh-hant/labs/")
    footer = html.split('<footer class="site-footer', 1)[1]
    assert 'href="/zh-hant/open-data/"' in footer and 'href="/api/v1/openapi.json"' in footer


def test_the_old_documentation_address_leads_to_the_page(anonymous, db):
    response = anonymous.get("/api/v1/docs/")
    assert response.status_code == 302 and response["Location"] == "/open-data/"

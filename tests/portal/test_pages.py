"""What every page shares: the language switcher, a strict Content-Security-Policy with no inline script or style,
the site's own error pages, and robots.txt."""

import re

import pytest
from django.template.loader import render_to_string

pytestmark = pytest.mark.django_db


def test_language_switcher_keeps_the_visitor_on_the_same_page(client):
    html = client.get("/labs/").content.decode()
    assert 'href="/zh-hant/labs/" hreflang="zh-Hant-HK" lang="zh-Hant-HK"' in html
    assert 'href="/zh-hans/labs/" hreflang="zh-Hans" lang="zh-Hans"' in html


@pytest.mark.parametrize(
    ("prefix", "tag", "locale"),
    [("", "en", "en_US"), ("/zh-hant", "zh-Hant-HK", "zh_HK"), ("/zh-hans", "zh-Hans", "zh_CN")],
)
def test_each_language_is_tagged_the_way_browsers_search_engines_and_share_previews_read_it(
    client, prefix, tag, locale
):
    html = client.get(f"{prefix}/labs/").content.decode()
    assert f'<html lang="{tag}">' in html
    assert f'<meta property="og:locale" content="{locale}">' in html
    others = {"en_US", "zh_HK", "zh_CN"} - {locale}
    assert set(re.findall(r'<meta property="og:locale:alternate" content="([^"]+)">', html)) == others
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))
    assert alternates == {
        "en": "http://testserver/labs/",
        "zh-Hant-HK": "http://testserver/zh-hant/labs/",
        "zh-Hans": "http://testserver/zh-hans/labs/",
        "x-default": "http://testserver/labs/",
    }


def test_pages_carry_a_strict_content_security_policy(client):
    policy = client.get("/")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in policy
    assert directives["frame-ancestors"] == "'none'"


@pytest.mark.parametrize(
    "path", ["/", "/labs/hkust-hkpc-industrial-ai-robotics/", "/people/zhou-xiaofang/", "/projects/", "/search/?q=ai"]
)
def test_pages_have_no_inline_script_or_style(client, demo, path):
    html = client.get(path).content.decode()
    executable_inline = r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/ld\+json\")[^>]*>"
    assert not re.search(executable_inline, html), "inline <script> found"
    assert " style=" not in html
    assert "<style" not in html
    assert "//cdn" not in html and "googleapis" not in html


def test_unknown_page_gets_the_sites_own_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert "Joint Lab Portal" in html


def test_error_pages_keep_the_sites_look():
    for code, title in [(400, "Bad request"), (403, "Access denied"), (500, "Something went wrong")]:
        html = render_to_string(f"{code}.html")
        assert f"<h1>{title}</h1>" in html
        assert "vendor/bootstrap/css/bootstrap.min.css" in html


def test_robots_txt_keeps_crawlers_out_of_the_admin(client):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text

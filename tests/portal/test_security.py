"""Hardening every app relies on: security headers on every page and form, private downloads that browsers only
save, and private links kept out of the logs."""

import logging
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from portal.logging import RedactPrivateLinks
from tests import factories

pytestmark = pytest.mark.django_db


def csp_directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def assert_hardened(response, path):
    directives = csp_directives(response)
    assert "'unsafe-inline'" not in directives["script-src"] and "'unsafe-eval'" not in directives["script-src"], path
    assert directives["frame-ancestors"] == ["'none'"], path
    assert directives["form-action"] == ["'self'"], path
    assert response["X-Content-Type-Options"] == "nosniff", path
    assert response["Referrer-Policy"] in ("same-origin", "no-referrer", "strict-origin"), path
    assert response["X-Frame-Options"] == "DENY", path
    assert "camera=()" in response["Permissions-Policy"], path


def test_every_public_page_and_form_carries_the_security_headers(client, demo):
    application = factories.ApplicationFactory()
    challenge = factories.ChallengeRequestFactory()
    referee = factories.ApplicationRefereeFactory(application=application)
    sitemap = ET.fromstring(client.get("/sitemap.xml").content)
    urls = [
        loc.text.replace("http://testserver", "")
        for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    ]
    assert len(urls) > 50
    forms = [
        "/challenges/submit/",
        "/calls/hkust-hkpc-internship-demo/apply/",
        "/search/?q=robot",
        "/privacy/",
        challenge.get_status_url(),
        application.get_status_url(),
        referee.get_upload_url(),
        "/admin/login/",
    ]
    for path in urls + forms:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_hardened(response, path)


def test_private_downloads_are_attachments_that_browsers_never_run(admin_client):
    application = factories.ApplicationFactory()
    response = admin_client.get(reverse("admin:recruitment_application_document", args=[application.pk, "cv"]))
    assert response["Content-Disposition"] == f'attachment; filename="{application.reference}-cv.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"


def test_private_links_never_reach_the_logs():
    record = logging.LogRecord(
        "django.request", logging.WARNING, __file__, 1, "Not Found: %s", ("/challenges/status/s3cr3tToken_x/",), None
    )
    RedactPrivateLinks().filter(record)
    assert record.getMessage() == "Not Found: /challenges/status/[redacted]/"
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "GET /zh-hant/referees/abcDEF123/ 200", None, None)
    RedactPrivateLinks().filter(record)
    assert "abcDEF123" not in record.getMessage()

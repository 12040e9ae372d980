"""Hardening: sign-in lockout, response headers, downloads, caching, logs, staff onboarding."""

import logging
import re
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from people.models import StaffLabAccess
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


def test_every_public_page_and_form_carries_the_security_headers(client):
    call_command("load_demo", verbosity=0)
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


def test_pages_with_personal_data_are_never_cached(client, admin_client):
    application = factories.ApplicationFactory()
    challenge = factories.ChallengeRequestFactory()
    for path in [application.get_status_url(), challenge.get_status_url(), f"{challenge.get_status_url()}data.json"]:
        assert "no-store" in Client().get(path)["Cache-Control"], path
    assert "no-store" in admin_client.get(reverse("admin:challenges_challengerequest_changelist"))["Cache-Control"]


def test_private_downloads_are_attachments_that_browsers_never_run(admin_client):
    application = factories.ApplicationFactory()
    response = admin_client.get(reverse("admin:recruitment_application_document", args=[application.pk, "cv"]))
    assert response["Content-Disposition"] == f'attachment; filename="{application.reference}-cv.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"


def test_production_turns_on_hsts(tmp_path):
    from tests.portal.test_settings import PRODUCTION_ENV, manage

    script = "from django.conf import settings; print(settings.SECURE_HSTS_SECONDS, settings.SESSION_COOKIE_SECURE)"
    result = manage("shell", "-c", script, env_overrides=PRODUCTION_ENV, tmp_path=tmp_path)
    assert result.stdout.split()[-2:] == ["31536000", "True"]


# --- sign-in ---------------------------------------------------------------------------------------------------


def test_repeated_failed_sign_ins_lock_the_account_with_a_clear_message(client):
    factories.SuperuserFactory(username="boss", password="the-right-password-123")
    statuses = [
        client.post("/admin/login/?next=/admin/", {"username": "boss", "password": "wrong"}).status_code
        for _ in range(5)
    ]
    assert statuses == [200, 200, 200, 200, 429]  # the fifth failure locks
    locked = client.post("/admin/login/?next=/admin/", {"username": "boss", "password": "the-right-password-123"})
    assert locked.status_code in (403, 429)
    assert "Sign-in locked" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_good_sign_in_works_and_sign_out_ends_the_session(client):
    factories.SuperuserFactory(username="boss", password="the-right-password-123")
    response = client.post("/admin/login/?next=/admin/", {"username": "boss", "password": "the-right-password-123"})
    assert response.status_code == 302
    session_key = client.session.session_key
    client.post("/admin/logout/")
    from django.contrib.sessions.models import Session

    assert not Session.objects.filter(session_key=session_key).exists()
    assert client.get("/admin/").status_code == 302


def test_staff_sessions_expire_when_idle(settings):
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
    assert settings.SESSION_COOKIE_AGE == 1800
    assert settings.SESSION_COOKIE_HTTPONLY is True


# --- logs --------------------------------------------------------------------------------------------------------


def test_private_links_never_reach_the_logs():
    record = logging.LogRecord(
        "django.request", logging.WARNING, __file__, 1, "Not Found: %s", ("/challenges/status/s3cr3tToken_x/",), None
    )
    RedactPrivateLinks().filter(record)
    assert record.getMessage() == "Not Found: /challenges/status/[redacted]/"
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "GET /zh-hant/referees/abcDEF123/ 200", None, None)
    RedactPrivateLinks().filter(record)
    assert "abcDEF123" not in record.getMessage()


# --- onboarding ----------------------------------------------------------------------------------------------------


def test_add_staff_creates_a_lab_manager_and_prints_a_working_password_link(client, capsys):
    factories.JointLabFactory(slug="lab-a")
    call_command("add_staff", "New.Manager@Example.org", "--role", "lab_manager", "--lab", "lab-a")
    output = capsys.readouterr().out
    assert "Created new.manager@example.org: Lab managers (lab-a)." in output
    link = re.search(r"http://127\.0\.0\.1:8000(/admin/password/set/\S+/)", output).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200 and "new_password1" in form_page.content.decode()
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username="new.manager@example.org")
    assert user.is_staff and not user.has_usable_password()
    assert list(user.groups.values_list("name", flat=True)) == ["Lab managers"]
    assert list(StaffLabAccess.objects.filter(user=user).values_list("lab__slug", flat=True)) == ["lab-a"]


def test_add_staff_updates_role_and_labs_and_takes_a_password_from_the_environment(monkeypatch, capsys):
    factories.JointLabFactory(slug="lab-a")
    factories.JointLabFactory(slug="lab-b")
    call_command("add_staff", "ed@example.org", "--role", "editor", "--lab", "lab-a")
    monkeypatch.setenv("ED_PASSWORD", "a-long-enough-password")
    call_command(
        "add_staff", "ed@example.org", "--role", "lab_manager", "--lab", "lab-b", "--password-env", "ED_PASSWORD"
    )
    assert "One-time link" not in capsys.readouterr().out.split("Updated")[-1]
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username="ed@example.org")
    assert user.check_password("a-long-enough-password")
    assert list(user.groups.values_list("name", flat=True)) == ["Lab managers"]
    assert list(StaffLabAccess.objects.filter(user=user).values_list("lab__slug", flat=True)) == ["lab-b"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["x@example.org", "--role", "lab_manager"], "needs at least one lab"),
        (["x@example.org", "--role", "editor", "--lab", "nope"], "No lab with the slug nope"),
        (["not-an-email", "--role", "admin"], "is not an e-mail address"),
        (["x@example.org", "--role", "admin", "--password-env", "UNSET_VARIABLE_FOR_TEST"], "is empty or not set"),
    ],
)
def test_add_staff_refuses_bad_input_clearly(args, message):
    with pytest.raises(CommandError, match=message):
        call_command("add_staff", *args)


def test_the_four_groups_exist_with_permissions():
    groups = {group.name: group.permissions.count() for group in Group.objects.all()}
    assert set(groups) >= {"Portal administrators", "Lab managers", "Reviewers", "Content editors"}
    assert all(count > 0 for count in groups.values())
    reviewers = set(Group.objects.get(name="Reviewers").permissions.values_list("codename", flat=True))
    assert reviewers == {"view_application", "review_application", "add_review", "change_review", "view_review"}

"""The second step of staff sign-in (portal/second_factor/): nothing of the admin opens before it, setup with a QR
code and the key as text, codes from the app and one-time recovery codes, limits on guessing, emergency codes."""

import re
import time
from base64 import b32decode

import pytest
import segno
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.second_factor.apps import check_otp_middleware
from portal.second_factor.services import recovery_codes_issue
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.real_second_factor]

PASSWORD = "the-right-password-123"
VERIFY = "/admin/second-factor/"
SETUP = "/admin/second-factor/setup/"
RECOVERY_CODES = "/admin/second-factor/recovery-codes/"
MANAGE = "/admin/second-factor/manage/"


def code_for(device, *, steps_ahead=0):
    """The code the authenticator app shows now (or `steps_ahead` 30-second steps later)."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=steps_ahead):06d}"


def fresh_code_for(device):
    """A code the device has not accepted yet: the next step's when this step's was used (tolerance allows one)."""
    device.refresh_from_db()
    now = int(time.time() - device.t0) // device.step
    return code_for(device, steps_ahead=max(0, device.last_t + 1 - now))


def wrong_code_for(device):
    right = {code_for(device, steps_ahead=step) for step in (-1, 0, 1)}
    return next(code for code in ("000000", "111111", "222222", "333333") if code not in right)


def staff(username="boss", *, authenticator=True, **fields):
    user = factories.SuperuserFactory(username=username, password=PASSWORD, **fields)
    if authenticator:
        TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)
    return user


def sign_in_with_password(client, username="boss", next_url="/admin/"):
    response = client.post(f"/admin/login/?next={next_url}", {"username": username, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]
    return response


def verified(client):
    return DEVICE_ID_SESSION_KEY in client.session


# --- nothing of the admin opens before the second step --------------------------------------------------------------


def staff_url_families():
    """One address of each kind of staff page: the admin home, a list, the dashboard, a private download, a picker,
    an export, a record's change page."""
    application = factories.ApplicationFactory()
    return [
        "/admin/",
        "/admin/labs/jointlab/",
        "/admin/dashboard/",
        reverse("admin:recruitment_application_document", args=[application.pk, "cv"]),
        "/admin/autocomplete/?app_label=projects&model_name=project&field_name=lab&term=a",
        reverse("admin:recruitment_application_export"),
        reverse("admin:recruitment_application_change", args=[application.pk]),
    ]


@pytest.mark.parametrize("has_authenticator", [True, False], ids=["verify", "setup"])
def test_after_the_password_every_staff_page_leads_to_the_second_step(client, has_authenticator):
    staff(authenticator=has_authenticator)
    sign_in_with_password(client)
    expected = "admin/second_factor/verify.html" if has_authenticator else "admin/second_factor/setup.html"
    for url in staff_url_families():
        first = client.get(url)
        assert first.status_code == 302, url
        final = client.get(url, follow=True)
        assert final.status_code == 200, url
        assert [template.name for template in final.templates][0] == expected, url
        assert final.redirect_chain[-1][0].startswith(VERIFY if has_authenticator else SETUP), url
        assert "application/json" not in final["Content-Type"] and "attachment" not in final.get(
            "Content-Disposition", ""
        )
    assert not verified(client)


def test_the_password_step_sends_staff_to_the_second_step_with_the_page_they_asked_for(client):
    staff()
    response = sign_in_with_password(client, next_url="/admin/labs/jointlab/")
    assert response["Location"] == VERIFY + "?next=%2Fadmin%2Flabs%2Fjointlab%2F"
    page = client.get(response["Location"])
    assert page.status_code == 200
    html = page.content.decode()
    assert 'autocomplete="one-time-code"' in html and 'inputmode="numeric"' in html
    assert '<label for="id_code">' in html and '<label for="id_recovery_code">' in html
    assert "Joint Lab Portal administration" in html  # the portal's admin look, not Django's
    assert 'id="user-tools"' not in html  # no admin menu before the second step


def test_a_code_from_the_app_lets_staff_in_and_back_to_the_page_they_asked_for(client):
    user = staff()
    sign_in_with_password(client, next_url="/admin/labs/jointlab/")
    device = TOTPDevice.objects.get(user=user)
    response = client.post(VERIFY, {"code": code_for(device), "next": "/admin/labs/jointlab/"})
    assert response.status_code == 302 and response["Location"] == "/admin/labs/jointlab/"
    assert client.get("/admin/labs/jointlab/").status_code == 200
    assert client.get("/admin/dashboard/").status_code == 200


def test_the_second_step_sends_nobody_to_another_site(client):
    user = staff()
    sign_in_with_password(client)
    device = TOTPDevice.objects.get(user=user)
    response = client.post(VERIFY + "?next=//evil.example/x", {"code": code_for(device)})
    assert response["Location"] == "/admin/"


def test_a_wrong_code_is_refused_clearly_and_the_admin_stays_closed(client):
    user = staff()
    sign_in_with_password(client)
    device = TOTPDevice.objects.get(user=user)
    response = client.post(VERIFY, {"code": wrong_code_for(device)})
    assert response.status_code == 200
    assert "This code is not right" in response.content.decode()
    assert not verified(client)
    assert client.get("/admin/").status_code == 302


@pytest.mark.parametrize("typed", ["12345", "abcdef", "1234567", "12 34 5"])
def test_a_code_that_is_not_six_digits_is_refused_with_a_message(client, typed):
    staff()
    sign_in_with_password(client)
    response = client.post(VERIFY, {"code": typed})
    assert response.status_code == 200
    assert response.context["code_form"].errors["code"]
    assert not verified(client)


def test_a_code_from_the_app_works_once(client):
    user = staff()
    device = TOTPDevice.objects.get(user=user)
    code = code_for(device)
    sign_in_with_password(client)
    assert client.post(VERIFY, {"code": code}).status_code == 302
    other = Client()
    sign_in_with_password(other)
    assert other.post(VERIFY, {"code": code}).status_code == 200  # a code seen once cannot be replayed
    assert not verified(other)


def test_the_second_step_is_asked_in_every_new_session(client):
    user = staff()
    device = TOTPDevice.objects.get(user=user)
    sign_in_with_password(client)
    client.post(VERIFY, {"code": code_for(device)})
    assert client.get("/admin/").status_code == 200
    elsewhere = Client()
    sign_in_with_password(elsewhere)
    assert elsewhere.get("/admin/").status_code == 302
    # Signing in again in the verified session asks again too.
    sign_in_with_password(client)
    assert not verified(client)
    assert client.get("/admin/").status_code == 302


def test_signing_out_works_half_way_through_signing_in(client):
    staff()
    sign_in_with_password(client)
    session_key = client.session.session_key
    page = client.get(VERIFY).content.decode()
    assert 'action="/admin/logout/"' in page
    client.post("/admin/logout/")
    assert "_auth_user_id" not in client.session
    assert client.session.session_key != session_key


def test_a_visitor_who_is_not_signed_in_gets_the_sign_in_page_from_the_second_step(client):
    for url in (VERIFY, SETUP, RECOVERY_CODES, MANAGE):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/"), url


# --- setup at the first sign-in --------------------------------------------------------------------------------------


def test_the_first_sign_in_shows_a_qr_code_and_the_key_as_text(client):
    user = staff(authenticator=False)
    response = client.get(sign_in_with_password(client)["Location"], follow=True)
    assert response.redirect_chain[-1][0].startswith(SETUP)
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    html = response.content.decode()
    svg = re.search(r"<svg.*?</svg>", html, re.DOTALL).group(0)
    expected = segno.make(device.config_url, error="m", micro=False)
    assert svg == expected.svg_inline(scale=5, dark="#000", light="#fff", svgclass="second-factor-qr", lineclass=None)
    assert "otpauth://totp/Joint%20Lab%20Portal%3Aboss?secret=" in device.config_url
    # Under the site's CSP: no inline style, no data: URI, no inline script.
    assert "style=" not in svg and "<style" not in html and "data:" not in html
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)
    secret = re.search(r'<code id="second-factor-secret">([A-Z2-7 ]+)</code>', html).group(1)
    assert re.fullmatch(r"([A-Z2-7]{4} )*[A-Z2-7]{1,4}", secret)  # groups of four for reading
    assert b32decode(secret.replace(" ", "")) == device.bin_key
    assert 'autocomplete="one-time-code"' in html and 'inputmode="numeric"' in html
    # The same key when the page is loaded again (the app may have scanned it already).
    assert client.get(SETUP).content.decode().count(secret) == 1
    assert TOTPDevice.objects.filter(user=user).count() == 1


def test_setup_refuses_a_wrong_code_and_sets_nothing_up(client):
    user = staff(authenticator=False)
    sign_in_with_password(client)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=user)
    response = client.post(SETUP, {"code": wrong_code_for(device)})
    assert response.status_code == 200 and "This code is not right" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    assert not StaticToken.objects.filter(device__user=user).exists()
    assert not verified(client)
    assert client.get("/admin/").status_code == 302


def test_setup_with_the_right_code_shows_ten_recovery_codes_once_and_opens_the_admin(client):
    user = staff(authenticator=False)
    sign_in_with_password(client, next_url="/admin/labs/jointlab/")
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=user)
    response = client.post(SETUP, {"code": code_for(device), "next": "/admin/labs/jointlab/"})
    assert response.status_code == 302 and response["Location"].startswith(RECOVERY_CODES)
    page = client.get(response["Location"])
    html = page.content.decode()
    shown = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", html)
    assert len(shown) == 10
    assert sorted(shown) == sorted(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    assert "the only time they are shown" in html
    assert 'href="/admin/labs/jointlab/"' in html  # continue to the page asked for
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/labs/jointlab/").status_code == 200
    again = client.get(RECOVERY_CODES)  # shown once only
    assert again.status_code == 302 and again["Location"] == MANAGE
    assert not any(code in client.get(MANAGE).content.decode() for code in shown)


def test_a_password_alone_never_adds_an_authenticator_to_an_account_that_has_one(client):
    user = staff()
    sign_in_with_password(client)
    response = client.get(SETUP)
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    response = client.post(SETUP, {"code": "123456"})
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    assert list(TOTPDevice.objects.filter(user=user).values_list("name", flat=True)) == ["Phone"]


def test_add_staff_leads_through_the_password_link_into_setup(client, capsys):
    factories.JointLabFactory(slug="lab-a")
    call_command("add_staff", "new@example.org", "--role", "lab_manager", "--lab", "lab-a")
    link = re.search(r"http://127\.0\.0\.1:8000(/admin/password/set/\S+/)", capsys.readouterr().out).group(1)
    form = client.get(link, follow=True)
    new_password = {"new_password1": "a-fresh-password-for-me", "new_password2": "a-fresh-password-for-me"}
    done = client.post(form.redirect_chain[-1][0], new_password, follow=True)
    assert 'href="/admin/login/"' in done.content.decode()  # the "Log in" link of the page after
    response = client.post("/admin/login/", {"username": "new@example.org", "password": "a-fresh-password-for-me"})
    assert client.get(response["Location"], follow=True).redirect_chain[-1][0].startswith(SETUP)


# --- recovery codes and emergency codes ------------------------------------------------------------------------------


def test_a_recovery_code_works_once_only(client):
    user = staff()
    codes = recovery_codes_issue(user=user)
    sign_in_with_password(client)
    response = client.post(VERIFY, {"recovery_code": f" {codes[0].upper()[:4]}-{codes[0].upper()[4:]} "})
    assert response.status_code == 302 and verified(client)
    follow = client.get(response["Location"])
    assert "9 codes are left" in follow.content.decode()
    other = Client()
    sign_in_with_password(other)
    refused = other.post(VERIFY, {"recovery_code": codes[0]})
    assert refused.status_code == 200
    assert "not right, or it has been used already" in refused.content.decode()
    assert not verified(other)
    assert StaticToken.objects.filter(device__user=user).count() == 9


def test_a_signed_in_user_makes_new_recovery_codes_and_the_old_ones_stop_working(client):
    user = staff()
    old = recovery_codes_issue(user=user)
    sign_in_with_password(client)
    client.post(VERIFY, {"recovery_code": old[0]})
    manage = client.get(MANAGE).content.decode()
    assert "9 unused recovery codes are left" in manage
    response = client.post(MANAGE)
    assert response["Location"] == RECOVERY_CODES
    new = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", client.get(RECOVERY_CODES).content.decode())
    assert len(new) == 10 and not set(new) & set(old)
    assert client.get("/admin/").status_code == 200  # still verified, though by a device whose codes changed
    other = Client()
    sign_in_with_password(other)
    assert other.post(VERIFY, {"recovery_code": old[1]}).status_code == 200
    StaticDevice.objects.filter(user=user).update(throttling_failure_timestamp=None)  # no waiting after the wrong one
    assert other.post(VERIFY, {"recovery_code": new[0]}).status_code == 302


def test_an_emergency_code_from_addstatictoken_lets_an_account_in_once(client, capsys):
    user = staff(authenticator=False)
    call_command("addstatictoken", "boss")
    code = capsys.readouterr().out.strip()
    assert re.fullmatch(r"[a-z2-7]{8}", code)
    response = client.get(sign_in_with_password(client)["Location"])
    assert response.status_code == 200  # the code step, not setup: the account has a one-time code
    assert response.context["code_form"] is None and response.context["recovery_form"] is not None
    response = client.post(VERIFY, {"recovery_code": code})
    assert response.status_code == 302
    home = client.get("/admin/")
    assert home.status_code == 200
    assert "no authenticator app yet" in home.content.decode()
    assert not StaticToken.objects.filter(device__user=user).exists()


def test_a_user_who_came_in_with_an_emergency_code_can_set_up_the_app(client, capsys):
    user = staff(authenticator=False)
    call_command("addstatictoken", "boss")
    sign_in_with_password(client)
    client.post(VERIFY, {"recovery_code": capsys.readouterr().out.strip()})
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=user)
    response = client.post(SETUP, {"code": code_for(device)})
    assert response["Location"].startswith(RECOVERY_CODES)
    assert client.get("/admin/").status_code == 200
    assert client.get(SETUP)["Location"] == MANAGE  # set up: the page says so rather than offering another


# --- everyone else ---------------------------------------------------------------------------------------------------


def test_people_who_are_not_staff_browse_the_public_site_as_before(client, demo):
    member = get_user_model().objects.create_user("member", password=PASSWORD)
    client.force_login(member)
    for url in ("/", "/labs/", "/projects/", "/challenges/submit/"):
        assert client.get(url).status_code == 200, url
    assert client.get("/admin/").status_code == 302
    assert not TOTPDevice.objects.exists() and not StaticDevice.objects.exists()


def test_force_login_in_other_tests_verifies_staff_sessions_unless_marked(client):
    """The suite's fixture (tests/conftest.py) is off here: force_login alone leaves the admin closed."""
    client.force_login(staff())
    assert client.get("/admin/").status_code == 302


def test_a_settings_file_without_the_otp_middleware_fails_the_checks(settings):
    assert check_otp_middleware(None) == []
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if m != "django_otp.middleware.OTPMiddleware"]
    assert [error.id for error in check_otp_middleware(None)] == ["portal.E201"]

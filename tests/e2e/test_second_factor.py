"""Two-step staff sign-in in a real browser under the site's CSP: the first sign-in sets up the authenticator app (QR
code, key as text, a code, the recovery codes), a later sign-in asks for a code; the pages pass axe."""

from base64 import b32decode

import pytest
from axe_playwright_python.sync_playwright import Axe
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.e2e.conftest import authenticator_code
from tests.factories import SuperuserFactory

WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}


@pytest.fixture
def staff_site(live_server, transactional_db):
    SuperuserFactory(username="newcomer", password="a-long-test-password")
    return live_server.url


def sign_in_with_password(page, site):
    page.goto(site + "/admin/")
    page.get_by_label("Username").fill("newcomer")
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Log in").click()


def code_from_key(key):
    """What an authenticator app shows for this key now (RFC 6238: 30-second steps, 6 digits)."""
    return f"{totp(key, step=30, t0=0, digits=6):06d}"


def test_first_sign_in_sets_up_the_app_and_a_later_sign_in_asks_for_its_code(page, staff_site):
    sign_in_with_password(page, staff_site)
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up two-step sign-in")
    qr_code = page.get_by_role("img", name="QR code to scan with your authenticator app")
    expect(qr_code).to_be_visible()
    assert qr_code.bounding_box()["width"] >= 150  # large enough to scan
    key = b32decode(page.locator("#second-factor-secret").inner_text().replace(" ", ""))

    wrong = next(code for code in ("000000", "111111") if code != code_from_key(key))
    page.get_by_label("6-digit code from your authenticator app").fill(wrong)
    page.get_by_role("button", name="Confirm and continue").click()
    expect(page.locator(".errorlist")).to_contain_text("This code is not right")
    page.wait_for_timeout(1100)  # after a wrong code django-otp checks none for a second; a person takes longer

    page.get_by_label("6-digit code from your authenticator app").fill(code_from_key(key))
    page.get_by_role("button", name="Confirm and continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your recovery codes")
    expect(page.locator(".recovery-codes li")).to_have_count(10)
    page.get_by_role("link", name="I have stored them: continue").click()
    expect(page.locator("#site-name")).to_have_text("Joint Lab Portal administration")
    expect(page.get_by_role("link", name="Two-step sign-in")).to_be_visible()

    page.get_by_role("button", name="Log out").click()
    sign_in_with_password(page, staff_site)
    expect(page.get_by_role("heading", level=1)).to_have_text("Two-step sign-in")
    device = TOTPDevice.objects.get(user__username="newcomer", confirmed=True)
    # The code of this 30-second step was used at setup: authenticator_code gives the next one, as a phone would soon.
    page.get_by_label("6-digit code from your authenticator app").fill(authenticator_code(device))
    page.get_by_role("button", name="Verify and sign in").click()
    expect(page.locator("#site-name")).to_have_text("Joint Lab Portal administration")
    page.goto(staff_site + "/admin/dashboard/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert page.console_problems == []


def test_the_second_step_pages_pass_axe(browser, staff_site):
    context = browser.new_context(bypass_csp=True)  # lets axe's script in; the CSP has tests of its own
    page = context.new_page()
    axe = Axe()
    found = {}

    def check(name):
        results = axe.run(page, options=WCAG)
        problems = [f"{item['id']}: {item['help']}" for item in results.response["violations"]]
        if problems:
            found[name] = problems

    sign_in_with_password(page, staff_site)
    check("setup")
    page.get_by_role("button", name="Confirm and continue").click()  # empty: the page with its error
    check("setup with an error")
    key = b32decode(page.locator("#second-factor-secret").inner_text().replace(" ", ""))
    page.get_by_label("6-digit code from your authenticator app").fill(code_from_key(key))
    page.get_by_role("button", name="Confirm and continue").click()
    check("recovery codes")
    page.get_by_role("link", name="I have stored them: continue").click()
    page.get_by_role("link", name="Two-step sign-in").click()
    check("manage")
    page.get_by_role("button", name="Log out").click()
    sign_in_with_password(page, staff_site)
    check("verify")
    page.get_by_role("button", name="Verify and sign in").click()  # empty: the page with its error
    check("verify with an error")
    context.close()
    assert found == {}

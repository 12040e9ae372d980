"""Browser tests: Playwright drives Debian's Chromium; no browser is ever downloaded."""

import os
import time
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

# Playwright's sync API keeps an event loop in this thread; Django's guard would refuse the test's own queries.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("REQUIRE_BROWSER_TESTS"):
            pytest.fail("Chromium is required here but missing at /usr/bin/chromium (apt-get install chromium).")
        pytest.skip("No Chromium at /usr/bin/chromium: install Debian's chromium package to run browser tests.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.console_problems = []
    page.on(
        "console",
        lambda message: message.type in ("error", "warning") and page.console_problems.append(message.text),
    )
    page.on("pageerror", lambda error: page.console_problems.append(str(error)))
    yield page
    context.close()


def authenticator_code(device):
    """The code an authenticator app would show for `device`, one the device has not accepted yet (the next
    30-second step's when this step's was used: the portal accepts one step of clock difference)."""
    device.refresh_from_db()
    now = int(time.time() - device.t0) // device.step
    ahead = max(0, device.last_t + 1 - now)
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=ahead):06d}"


@pytest.fixture
def sign_in_staff():
    """sign_in_staff(page, site_url, username, password): through the sign-in form and the second step, with a code
    from the account's authenticator (one is made for it if it has none yet)."""

    def sign_in(page, site, username, password):
        user = get_user_model().objects.get(username=username)
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        device = device or TOTPDevice.objects.create(user=user, name="Browser test phone", confirmed=True)
        page.goto(site + "/admin/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Log in").click()
        page.get_by_label("6-digit code from your authenticator app").fill(authenticator_code(device))
        page.get_by_role("button", name="Verify and sign in").click()

    return sign_in

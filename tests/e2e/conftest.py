"""Browser tests: Playwright drives Debian's Chromium; no browser is ever downloaded."""

import os
from pathlib import Path

import pytest

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

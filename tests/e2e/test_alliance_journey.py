import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from tests.e2e.test_accessibility import WCAG


@pytest.fixture
def site(live_server, transactional_db):
    call_command("load_demo", verbosity=0)
    return live_server.url


def assert_accessible(page):
    """axe-core's WCAG A/AA rules on the pages only an applicant reaches (the accessibility test covers the rest)."""
    problems = [f"{item['id']}: {item['help']}" for item in Axe().run(page, options=WCAG).response["violations"]]
    assert problems == [], page.url


def test_an_organisation_applies_to_an_alliance_follows_its_link_and_withdraws(browser, site):
    context = browser.new_context(bypass_csp=True)  # lets axe's script in; the CSP has tests of its own
    page = context.new_page()
    problems = []
    page.on("console", lambda message: message.type in ("error", "warning") and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))

    page.goto(site + "/labs/hkust-calmcar-physical-ai/")
    page.get_by_role("link", name="Industry-Research Alliance").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Industry-Research Alliance")
    expect(page.locator(".alliance-membership")).to_contain_text("What members get")
    page.get_by_role("link", name="Apply to join").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Apply to join: Industry-Research Alliance")

    page.get_by_label("Organisation name").fill("Fictional Sensor Works")
    page.get_by_label("Enterprise").check()
    page.get_by_label("Organisation size").select_option("10-49")
    page.get_by_label("Website").fill("sensors.example")
    page.get_by_label("Contact name").fill("Kim Example")
    page.get_by_label("Your role").fill("Head of partnerships")
    page.get_by_label("E-mail").fill("kim@sensors.example")
    page.get_by_label("What your organisation offers").fill("Tactile sensors and a test line for grippers.")
    page.get_by_label("What your organisation hopes to gain").fill("Research on grasping soft parts.")
    # Consent forgotten: the form comes back with the error in the summary and everything typed kept.
    page.get_by_role("button", name="Send my application").click()
    expect(page.locator("#error-summary")).to_be_focused()
    expect(page.locator(".error-summary")).to_contain_text("Please agree to the privacy notice")
    expect(page.get_by_label("What your organisation offers")).to_have_value(
        "Tactile sensors and a test line for grippers."
    )
    assert_accessible(page)

    page.get_by_label(re.compile("I have read the")).check()
    page.get_by_role("button", name="Send my application").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your e-mail")
    expect(page.locator(".alert-success")).to_contain_text("kim@sensors.example")

    acknowledgement = next(message for message in mail.outbox if message.to == ["kim@sensors.example"])
    status_link = re.search(r"http://\S+/alliances/status/\S+/", acknowledgement.body).group(0)
    page.goto(site + status_link.replace("http://127.0.0.1:8000", ""))
    expect(page.get_by_role("heading", level=1)).to_contain_text(re.compile(r"Membership application AL-\d{4}-\d{5}"))
    expect(page.locator(".membership-status")).to_have_text("Received — the lab will review it shortly")
    expect(page.locator(".status-history li")).to_have_count(1)
    assert_accessible(page)

    page.get_by_role("link", name="Withdraw my application…").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Withdraw this application?")
    assert_accessible(page)
    page.get_by_role("button", name="Yes, withdraw the application").click()
    expect(page.locator(".alert-success")).to_contain_text("Your application has been withdrawn")
    expect(page.locator(".membership-status")).to_have_text("Withdrawn by you")
    expect(page.get_by_role("link", name="Withdraw my application…")).to_have_count(0)
    context.close()
    assert problems == []

import re

import pytest
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from tests.files import PDF_BYTES


@pytest.fixture
def site(live_server, transactional_db):
    call_command("load_demo", verbosity=0)
    return live_server.url


def test_an_enterprise_submits_fixes_an_error_follows_the_link_and_withdraws(page, site, tmp_path):
    brief = tmp_path / "brief.pdf"
    brief.write_bytes(PDF_BYTES)

    page.goto(site + "/labs/hkust-hkpc-industrial-ai-robotics/")
    page.get_by_role("link", name=re.compile("Bring an industry challenge")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Submit an industry challenge")
    expect(page.get_by_label("Preferred lab")).to_have_value(re.compile(r"\d+"))

    page.get_by_label("Organisation name").fill("Fictional Plating Works Ltd")
    page.get_by_label("Organisation size").select_option("10-49")
    page.get_by_label("Industry sector").select_option("manufacturing")
    page.get_by_label("Contact name").fill("Alex Example")
    page.get_by_label("Job title").fill("Quality manager")
    page.get_by_label("E-mail").fill("alex@plating.example")
    page.get_by_label("Challenge title").fill("Scratches on chrome-plated parts")
    page.get_by_label("Problem statement").fill("Mirror-like parts get fine surface scratches that inspectors miss.")
    page.get_by_label("Desired outcome").fill("Catch every scratch before packing.")
    page.get_by_label("Budget range").select_option("undecided")
    page.get_by_label("Timeline").select_option("flexible")
    page.get_by_label("Confidential", exact=True).check()
    page.get_by_label("Attachments").set_input_files(str(brief))
    # Consent forgotten: the form comes back with the error next to the field and in the summary.
    page.get_by_role("button", name="Submit the challenge").click()
    expect(page.locator(".error-summary")).to_contain_text("Please agree to the privacy notice")
    expect(page.get_by_label("Organisation name")).to_have_value("Fictional Plating Works Ltd")

    # Browsers never fill a file input again: the portal kept the checked file and says so.
    expect(page.locator("#div_id_attachments")).to_contain_text("Kept from your last attempt: brief.pdf")
    page.get_by_label(re.compile("I have read the")).check()
    page.get_by_role("button", name="Submit the challenge").click()
    expect(page.locator(".alert-success")).to_contain_text(re.compile(r"reference CH-\d{4}-\d{5}"))
    expect(page.locator(".challenge-status")).to_have_text("Received — we will review it shortly")

    acknowledgement = next(message for message in mail.outbox if message.to == ["alex@plating.example"])
    status_link = re.search(r"http://\S+/challenges/status/\S+/", acknowledgement.body).group(0)
    path = status_link.split("/challenges/", 1)[1]
    page.goto(f"{site}/challenges/{path}")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Challenge CH-")

    expect(page.locator(".submitted-summary")).to_contain_text("Scratches on chrome-plated parts")
    expect(page.get_by_role("link", name="brief.pdf")).to_be_visible()

    page.get_by_role("link", name="Withdraw my request…").click()
    page.get_by_role("button", name="Yes, withdraw the request").click()
    expect(page.locator(".alert-success")).to_contain_text("Your request has been withdrawn")
    expect(page.locator(".challenge-status")).to_have_text("Withdrawn by you")
    expect(page.get_by_role("link", name="Withdraw my request…")).to_have_count(0)
    assert page.console_problems == []

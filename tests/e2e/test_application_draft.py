import re

import pytest
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from recruitment.models import Application, ApplicationDraft
from tests.files import PDF_BYTES


@pytest.fixture
def site(live_server, transactional_db):
    call_command("load_demo", verbosity=0)
    return live_server.url


def test_a_draft_saved_in_one_browser_is_finished_and_sent_in_another(page, browser, site, tmp_path):
    cv = tmp_path / "my-cv.pdf"
    cv.write_bytes(PDF_BYTES)
    page.goto(site + "/programmes/")
    page.get_by_role("link", name="HKUST–HKPC Joint Lab internships").first.click()
    page.get_by_role("link", name="Apply", exact=True).click()
    page.locator("#id_name").fill("Chan Tai Man")
    page.locator("#id_email").fill("draft@student.example")
    page.get_by_label("Personal statement").fill("I want to build inspection systems for factories.")
    page.get_by_label("CV (PDF)").set_input_files(str(cv))
    page.get_by_role("button", name="Save and continue later").click()
    expect(page.locator(".messages")).to_contain_text("Your draft is saved.")
    expect(page.locator(".draft-notice")).to_contain_text("You are continuing the application you saved.")
    assert Application.objects.count() == 0

    [message] = [m for m in mail.outbox if m.to == ["draft@student.example"]]
    link = re.search(r"http://\S+/applications/drafts/\S+/", message.body).group(0).replace("http://127.0.0.1:8000", "")

    elsewhere = browser.new_context()  # another browser: no cookie, no session of the first
    other = elsewhere.new_page()
    try:
        other.goto(site + link)
        expect(other.locator("#id_name")).to_have_value("Chan Tai Man")
        expect(other.locator("#id_email")).to_have_value("draft@student.example")
        expect(other.get_by_label("Personal statement")).to_have_value(
            "I want to build inspection systems for factories."
        )
        expect(other.locator("#div_id_cv")).to_contain_text("Kept in your draft: my-cv.pdf")
        other.get_by_label("Phone").fill("+852 5555 0000")
        other.get_by_label("Current university").fill("Example University")
        other.get_by_label("Degree and programme").fill("BEng Computer Engineering")
        other.get_by_label("Year of study or expected graduation").fill("Year 3")
        other.get_by_label("Research interests").fill("Machine vision")
        for number, name in [(1, "Dr One"), (2, "Dr Two")]:
            other.get_by_label(f"Referee {number}: name").fill(name)
            other.get_by_label(f"Referee {number}: e-mail").fill(f"referee{number}@uni.example")
            other.get_by_label(f"Referee {number}: institution").fill("Example University")
        other.get_by_label(re.compile("I have read the")).check()
        other.get_by_role("button", name="Submit my application").click()
        expect(other.get_by_role("heading", level=1)).to_have_text("Check your e-mail")

        [application] = Application.objects.all()
        assert application.email == "draft@student.example" and application.cv.read() == PDF_BYTES
        assert ApplicationDraft.objects.get().application == application

    finally:
        elsewhere.close()
    assert page.console_problems == []
    # The first browser's tab, still showing the draft, sends it too: nothing more is made (a 409 page).
    page.get_by_role("button", name="Submit my application").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("This draft was already sent")
    assert Application.objects.count() == 1

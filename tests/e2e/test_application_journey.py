import re

import pytest
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from tests.factories import SuperuserFactory
from tests.files import PDF_BYTES


@pytest.fixture
def site(live_server, transactional_db):
    call_command("load_demo", verbosity=0)
    SuperuserFactory(username="admin", password="a-long-test-password")
    return live_server.url


def link_in(message, pattern):
    return re.search(pattern, message.body).group(0).replace("http://127.0.0.1:8000", "")


def test_student_applies_referee_uploads_staff_shortlist_student_sees_it(page, site, tmp_path, sign_in_staff):
    cv = tmp_path / "cv.pdf"
    cv.write_bytes(PDF_BYTES)

    page.goto(site + "/programmes/")
    page.get_by_role("link", name="HKUST–HKPC Joint Lab internships").first.click()
    page.get_by_role("link", name="Apply", exact=True).click()
    page.locator("#id_name").fill("Chan Tai Man")
    page.locator("#id_email").fill("taiman@student.example")
    page.get_by_label("Phone").fill("+852 5555 0000")
    page.get_by_label("Current university").fill("Example University")
    page.get_by_label("Degree and programme").fill("BEng Computer Engineering")
    page.get_by_label("Year of study or expected graduation").fill("Year 3")
    page.get_by_label("Research interests").fill("Machine vision")
    page.get_by_label("Personal statement").fill("I want to build inspection systems for factories.")
    expect(page.locator("#statement-word-count")).to_have_text(
        "8 of 800 words — each Chinese character counts as a word"
    )  # counted while typing
    page.get_by_label("CV (PDF)").set_input_files(str(cv))
    for number, name in [(1, "Dr One"), (2, "Dr Two")]:
        page.get_by_label(f"Referee {number}: name").fill(name)
        page.get_by_label(f"Referee {number}: e-mail").fill(f"referee{number}@uni.example")
        page.get_by_label(f"Referee {number}: institution").fill("Example University")
    page.get_by_label(re.compile("I have read the")).check()
    page.get_by_role("button", name="Submit my application").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your e-mail")

    acknowledgement = next(m for m in mail.outbox if m.to == ["taiman@student.example"])
    status_path = link_in(acknowledgement, r"http://\S+/applications/status/\S+/")
    page.goto(site + status_path)
    expect(page.locator(".application-status")).to_contain_text("Received")
    expect(page.locator(".referee-letters")).to_contain_text("no letter yet")

    request = next(m for m in mail.outbox if m.to == ["referee1@uni.example"])
    page.goto(site + link_in(request, r"http://\S+/referees/\S+/"))
    page.get_by_label("Your letter (PDF)").set_input_files(str(cv))
    page.get_by_role("button", name="Upload my letter").click()
    expect(page.locator(".alert-success")).to_contain_text("your letter has been received")

    sign_in_staff(page, site, "admin", "a-long-test-password")
    page.goto(site + "/admin/recruitment/application/")
    page.locator("input.action-select").first.check()
    page.locator("select[name=action]").select_option("move_to_under_review")
    page.locator("button[name=index]").click()
    expect(page.locator(".messagelist")).to_contain_text("1 application(s) moved.")
    page.locator("input.action-select").first.check()
    page.locator("select[name=action]").select_option("move_to_shortlisted")
    page.locator("button[name=index]").click()
    expect(page.locator(".messagelist")).to_contain_text("1 application(s) moved.")

    page.goto(site + status_path)
    expect(page.locator(".application-status")).to_have_text("Shortlisted")
    expect(page.locator(".referee-letters")).to_contain_text("letter received")
    assert any(m.to == ["taiman@student.example"] and "new status" in m.body for m in mail.outbox)
    assert page.console_problems == []

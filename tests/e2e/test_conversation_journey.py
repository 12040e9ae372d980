"""The whole exchange in a browser: staff ask, the enterprise is e-mailed, answers with a file on its page, staff
see the answer and are e-mailed; another enterprise's page shows nothing of it."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from playwright.sync_api import expect

from people.roles import LAB_MANAGER, sync_groups
from people.staff import staff_add
from tests import factories
from tests.files import PDF_BYTES


@pytest.fixture
def staff_site(live_server, transactional_db):
    # Browser tests flush the database between tests; the role groups come from a data migration, so make them again.
    sync_groups(Group, Permission)
    return live_server.url


def test_staff_ask_the_enterprise_answers_with_a_file_and_staff_see_it(page, staff_site, sign_in_staff, tmp_path):
    lab = factories.JointLabFactory(slug="vision", short_name="Vision Lab", inbox_email="vision@example.org")
    manager = staff_add(email="manager@example.org", role=LAB_MANAGER, lab_slugs=["vision"], password_env=None)[0]
    manager.first_name, manager.last_name = "Mei", "Chan"
    manager.set_password("a-long-test-password")
    manager.save()
    challenge = factories.ChallengeRequestFactory(
        status="under_review", lab=lab, owner=manager, contact_name="Pat Example", email="pat@plating.example"
    )
    bystander = factories.ChallengeRequestFactory(status="under_review", lab=lab)

    sign_in_staff(page, staff_site, manager.username, "a-long-test-password")
    page.goto(f"{staff_site}/admin/challenges/challengerequest/{challenge.pk}/change/")
    page.get_by_label("Message").fill("Could you send sample images of the scratches?")
    page.get_by_label(re.compile("Ask formally for information")).check()
    page.get_by_role("button", name="Send the message").click()
    expect(page.locator(".messagelist")).to_contain_text("Your message was sent to the submitter.")
    expect(page.locator("#conversation")).to_contain_text("Could you send sample images of the scratches?")

    to_enterprise = next(message for message in mail.outbox if message.subject.startswith("A message from the lab"))
    assert to_enterprise.to == ["pat@plating.example"]
    assert "Mei Chan of Vision Lab wrote to you" in to_enterprise.body
    status_path = re.search(r"/challenges/status/\S+/", to_enterprise.body).group(0)

    samples = tmp_path / "samples.pdf"
    samples.write_bytes(PDF_BYTES)
    page.context.clear_cookies()
    page.goto(staff_site + status_path)
    expect(page.get_by_role("heading", name="The lab is waiting for your information")).to_be_visible()
    expect(page.locator("#conversation")).to_contain_text("Mei Chan, Vision Lab")
    page.get_by_label("Message").fill("Here are three photos of the scratches.")
    page.get_by_label("Files").set_input_files(str(samples))
    page.get_by_role("button", name="Send to the lab").click()
    expect(page.locator(".alert-success")).to_contain_text("Your message was sent to the lab.")
    expect(page.locator(".challenge-status")).to_have_text("Being reviewed by the labs")
    expect(page.get_by_role("link", name="samples.pdf")).to_be_visible()

    to_staff = next(message for message in mail.outbox if message.subject.startswith("New message from"))
    assert to_staff.to == ["manager@example.org"]
    assert "Here are three photos of the scratches." in to_staff.body and "samples.pdf" in to_staff.body

    page.goto(staff_site + bystander.get_status_url())
    expect(page.locator("#conversation")).not_to_contain_text("scratches")
    expect(page.get_by_role("link", name="samples.pdf")).to_have_count(0)

    sign_in_staff(page, staff_site, manager.username, "a-long-test-password")
    page.goto(f"{staff_site}/admin/challenges/challengerequest/{challenge.pk}/change/")
    expect(page.locator("#conversation")).to_contain_text("Here are three photos of the scratches.")
    expect(page.locator("#conversation").get_by_role("link", name="samples.pdf")).to_be_visible()
    assert page.console_problems == []

import pytest
from django.core.management import call_command
from playwright.sync_api import expect


@pytest.fixture
def site(live_server, transactional_db):
    call_command("load_demo", verbosity=0)
    return live_server.url


def test_visitor_drills_down_filters_projects_and_searches(page, site):
    page.goto(site + "/")
    page.get_by_role("link", name="HKUST–HKPC Joint Research Lab for Industrial AI and Robotics").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "HKUST–HKPC Joint Research Lab for Industrial AI and Robotics"
    )

    page.get_by_role("region", name="Focus areas").get_by_role("link", name="Robotics", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Robotics")
    page.get_by_role(
        "link", name="Deep end-to-end training from perception to control for high-precision robot tasks"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Deep end-to-end training from perception to control for high-precision robot tasks"
    )

    page.get_by_role("navigation", name="Main navigation").get_by_role("link", name="Projects", exact=True).click()
    expect(page.locator(".result-count")).to_have_text("6 results")
    page.get_by_label("Focus area").select_option(label="Industrial AI (HKUST–HKPC Joint Lab)")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator(".result-count")).to_have_text("3 results")
    page.get_by_label("Status").select_option(label="Active")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator(".result-count")).to_have_text("0 results")
    page.get_by_label("Status").select_option(label="Planned")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator(".result-count")).to_have_text("3 results")
    assert "status=planned" in page.url and "focus_area=" in page.url  # a shareable URL

    page.goto(site + "/")
    page.get_by_label("Search the portal").fill("defect")
    page.get_by_role("button", name="Search", exact=True).click()
    projects = page.get_by_role("region", name="Projects")
    expect(projects.get_by_role("link")).to_have_count(2)
    expect(projects.get_by_role("link", name="Small defect inspection")).to_be_visible()
    expect(
        projects.get_by_role("link", name="Defect inspection on surfaces of reflective freeform objects")
    ).to_be_visible()
    assert page.console_problems == []

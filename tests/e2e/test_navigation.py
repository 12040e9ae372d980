import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect


@pytest.fixture
def site(live_server, transactional_db):
    call_command("load_demo", verbosity=0)
    return live_server.url


def test_visitor_browses_from_home_through_the_navigation_and_switches_language(page, site):
    page.goto(site + "/")
    expect(page).to_have_title(re.compile("Joint Lab Portal"))
    expect(page.locator("html")).to_have_attribute("lang", "en")

    navigation = page.get_by_role("navigation", name="Main navigation")
    for link, heading in [
        ("Focus areas", "Focus areas"),
        ("Projects", "Projects"),
        ("People", "People"),
        ("Partners", "Partner organisations"),
        ("Programmes", "Programmes and calls"),
        ("Labs", "Labs"),
    ]:
        navigation.get_by_role("link", name=link, exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        expect(navigation.get_by_role("link", name=link, exact=True)).to_have_attribute("aria-current", "page")

    page.get_by_role("link", name="HKUST–HKPC Joint Research Lab for Industrial AI and Robotics").click()
    expect(page).to_have_url(site + "/labs/hkust-hkpc-industrial-ai-robotics/")

    page.get_by_role("link", name="繁體中文").click()
    expect(page).to_have_url(site + "/zh-hant/labs/hkust-hkpc-industrial-ai-robotics/")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hant-HK")

    page.get_by_role("link", name="简体中文").click()
    expect(page).to_have_url(site + "/zh-hans/labs/hkust-hkpc-industrial-ai-robotics/")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")

    assert page.console_problems == []  # no CSP violation, no missing asset, no script error


def test_menu_opens_on_a_phone(page, site):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site + "/")
    labs_link = page.get_by_role("navigation", name="Main navigation").get_by_role("link", name="Labs", exact=True)
    expect(labs_link).to_be_hidden()
    page.get_by_role("button", name="Toggle navigation").click()  # needs the vendored Bootstrap JS under the CSP
    expect(labs_link).to_be_visible()
    assert page.console_problems == []


def test_skip_link_moves_keyboard_focus_to_the_content(page, site):
    page.goto(site + "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(site + "/#main")
    expect(page.locator("#main")).to_be_focused()

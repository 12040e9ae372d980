"""WCAG 2.x A/AA with axe-core (shipped inside axe-playwright-python) on every public page and both forms, in
all three languages; and the challenge form completed with the keyboard alone."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from playwright.sync_api import expect

WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}
LANGUAGES = ["", "/zh-hant", "/zh-hans"]
SEMINAR = "seminar-machine-vision-surface-defects-demo"
ALLIANCE = "hkust-calmcar-physical-ai/industry-research-alliance"


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.fixture
def site(live_server, transactional_db):
    call_command("load_demo", verbosity=0)
    return live_server.url


def public_paths():
    from labs.models import FocusArea, JointLab, Organisation, Programme
    from people.models import Person
    from projects.models import Project
    from recruitment.models import Call

    paths = ["/", "/labs/", "/focus-areas/", "/projects/", "/people/", "/partners/", "/programmes/", "/privacy/"]
    paths += ["/search/?q=robot", "/projects/?status=planned&lab=hkust-hkpc-industrial-ai-robotics"]
    for model in (JointLab, FocusArea, Organisation, Programme, Person, Call, Project):
        paths.append(model.objects.order_by("pk").first().get_absolute_url().split("/", 2)[-1].join(["/", ""]))
    paths += ["/challenges/submit/", "/calls/hkust-hkpc-internship-demo/apply/"]
    paths += ["/news/", "/news/lab/hkust-hkpc-industrial-ai-robotics/", "/news/physical-ai-innovation-center-launched/"]
    paths += [
        "/events/",
        f"/events/{SEMINAR}/",
        "/events/physical-ai-innovation-center-signing/",
        f"/events/{SEMINAR}/register/",
    ]
    paths += [f"/programmes/{ALLIANCE}/", f"/alliances/{ALLIANCE}/apply/", "/alliances/status/no-such-link/"]
    return paths


def violations(axe, page):
    results = axe.run(page, options=WCAG)
    return [
        f"{item['id']}: {item['help']} — {[node['target'] for node in item['nodes']][:3]}"
        for item in results.response["violations"]
    ]


@pytest.mark.parametrize("language", LANGUAGES, ids=["en", "zh-hant", "zh-hans"])
def test_every_public_page_and_form_passes_axe(browser, site, axe, language):
    context = browser.new_context(bypass_csp=True)  # lets axe's script in; the CSP has tests of its own
    page = context.new_page()
    found = {}
    for path in public_paths():
        page.goto(f"{site}{language}{path}")
        problems = violations(axe, page)
        if problems:
            found[path] = problems
    # The forms again, showing their errors.
    forms = ["/challenges/submit/", "/calls/hkust-hkpc-internship-demo/apply/", f"/events/{SEMINAR}/register/"]
    for path in [*forms, f"/alliances/{ALLIANCE}/apply/"]:
        page.goto(f"{site}{language}{path}")
        page.locator("form button[type=submit]").last.click()
        expect(page.locator("#error-summary")).to_be_visible()
        problems = violations(axe, page)
        if problems:
            found[f"{path} (with errors)"] = problems
    context.close()
    assert found == {}


def test_the_challenge_form_can_be_completed_with_the_keyboard_alone(page, site):
    page.goto(site + "/challenges/submit/")
    keyboard = page.keyboard

    def tab_to(selector):
        for _ in range(80):
            keyboard.press("Tab")
            if page.evaluate("(s) => document.activeElement === document.querySelector(s)", selector):
                return
        raise AssertionError(f"could not reach {selector} with Tab")

    # Submitting empty first: focus goes to the error summary, whose links lead to the fields.
    tab_to("form.challenge-form button[type=submit]")
    keyboard.press("Enter")
    expect(page.locator("#error-summary")).to_be_focused()
    tab_to("#error-summary a[href='#id_organisation_name']")
    keyboard.press("Enter")
    expect(page.locator("#id_organisation_name")).to_be_focused()

    keyboard.type("Keyboard Only Works (fictional)")
    for selector, text in [
        ("#id_contact_name", "Kim Keyboard"),
        ("#id_job_title", "Tester"),
        ("#id_email", "kim@example.com"),
        ("#id_title", "A problem typed without a mouse"),
        ("#id_problem_statement", "Everything here was entered from the keyboard."),
        ("#id_desired_outcome", "An accessible form."),
    ]:
        tab_to(selector)
        keyboard.type(text)
    for selector, option in [
        ("#id_organisation_size", "1–9 people"),
        ("#id_sector", "Manufacturing"),
        ("#id_budget_range", "Not decided yet"),
        ("#id_timeline", "Flexible"),
    ]:
        tab_to(selector)
        for _ in range(12):
            if page.locator(selector).evaluate("(el) => el.options[el.selectedIndex].text") == option:
                break
            keyboard.press("ArrowDown")
    tab_to("#id_confidentiality_0")  # a radio group is one tab stop; arrows choose within it
    keyboard.press("ArrowDown")
    expect(page.locator("#id_confidentiality_1")).to_be_checked()
    tab_to("#id_consent")
    keyboard.press("Space")
    tab_to("form.challenge-form button[type=submit]")
    keyboard.press("Enter")
    expect(page.locator(".alert-success")).to_contain_text(re.compile(r"reference CH-\d{4}-\d{5}"))
    assert page.console_problems == []

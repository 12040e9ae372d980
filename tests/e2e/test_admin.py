import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.factories import SuperuserFactory


@pytest.fixture
def staff_site(live_server, transactional_db):
    call_command("load_demo", verbosity=0)
    SuperuserFactory(username="admin", password="a-long-test-password")
    return live_server.url


def test_staff_sign_in_and_edit_a_lab_under_the_csp(page, staff_site, sign_in_staff):
    sign_in_staff(page, staff_site, "admin", "a-long-test-password")
    expect(page.locator("#site-name")).to_have_text("Joint Lab Portal administration")

    page.get_by_role("link", name="Joint labs").first.click()
    page.get_by_role("link", name="CAIR–HKPC Joint Laboratory").click()
    page.get_by_label("Tagline [en]").fill("A tagline edited in the browser")
    page.get_by_label("Tagline [zh-hant]").fill("在瀏覽器中編輯的標語")  # translations sit side by side
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    page.goto(staff_site + "/admin/labs/jointlab/add/")
    page.locator("#id_name_en").press_sequentially("Brand New Lab")
    expect(page.locator("#id_slug")).to_have_value("brand-new-lab")  # prepopulated by the admin's own script

    assert page.console_problems == []

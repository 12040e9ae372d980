"""The public page of an alliance (its programme page): what members do and get, in the visitor's language, and
the way to apply; and the demo's two alliances."""

import pytest
from django.core.management import call_command
from django.utils import translation

from alliances.models import AlliancePage, MembershipApplication
from demo.content import PHYSICAL_AI
from labs.models import Programme
from tests import factories

pytestmark = pytest.mark.django_db


def page_of(client, programme, prefix=""):
    with translation.override("en"):  # the address without a language prefix; `prefix` adds one
        path = programme.get_absolute_url()
    response = client.get(prefix + path)
    assert response.status_code == 200
    return response.content.decode()


def test_an_alliance_page_says_what_members_do_and_get_and_leads_to_the_form(client):
    page = factories.AlliancePageFactory(
        programme__lab__slug="centre",
        programme__slug="capital",
        members_do="Members <b>invest</b> in fictional things.",
        members_get="Members get fictional returns.",
    )
    html = page_of(client, page.programme)
    assert "What members do" in html and "Members &lt;b&gt;invest&lt;/b&gt; in fictional things." in html
    assert "What members get" in html and "Members get fictional returns." in html
    assert 'href="/alliances/centre/capital/apply/"' in html
    assert "This programme has no published call." not in html  # alliances have no calls to list


def test_a_closed_alliance_page_has_no_form_link(client):
    page = factories.AlliancePageFactory(accepting_applications=False)
    html = page_of(client, page.programme)
    assert "not taking applications through the portal at the moment" in html
    assert "/apply/" not in html


def test_an_alliance_without_a_page_yet_says_it_takes_no_applications(client):
    programme = factories.ProgrammeFactory(kind=Programme.Kind.CAPITAL_ALLIANCE)
    html = page_of(client, programme)
    assert "not taking applications through the portal at the moment" in html and "What members do" not in html


def test_other_programmes_show_no_membership_section(client):
    programme = factories.ProgrammeFactory(kind=Programme.Kind.INTERNSHIP)
    factories.AlliancePageFactory(programme=programme)  # a page left over from when it was an alliance
    html = page_of(client, programme)
    assert "membership-heading" not in html and "/apply/" not in html
    assert "This programme has no published call." in html


def test_the_page_is_shown_in_the_visitors_language_with_english_filling_gaps(client):
    page = factories.AlliancePageFactory(
        members_do="English do.", members_do_zh_hant="成員做的事。", members_get="English get."
    )
    html = page_of(client, page.programme, "/zh-hant")
    assert "成員做的事。" in html and "English do." not in html
    assert "English get." in html  # no Chinese text yet: the English one


def test_editing_a_page_shows_at_once_on_the_cached_public_site(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    page = factories.AlliancePageFactory(members_get="Before.")
    assert "Before." in page_of(client, page.programme)
    page.members_get = "After."
    page.save()
    assert "After." in page_of(client, page.programme)


def test_the_demo_has_both_alliances_in_three_languages(client, demo):
    pages = {page.programme.slug: page for page in AlliancePage.objects.select_related("programme__lab")}
    assert set(pages) == {"industry-research-alliance", "capital-alliance"}
    for page in pages.values():
        assert page.programme.lab.slug == PHYSICAL_AI and page.accepting_applications
        for column in ("members_do", "members_get"):
            assert all(getattr(page, f"{column}_{suffix}") for suffix in ("en", "zh_hant", "zh_hans")), column
        assert page.programme.name_zh_hant and page.programme.name_zh_hans
    research = pages["industry-research-alliance"].programme
    assert "產學研聯盟" in page_of(client, research, "/zh-hant")
    assert "产学研联盟" in page_of(client, research, "/zh-hans")
    assert "Apply to join" in page_of(client, research)


def test_loading_the_demo_again_keeps_what_staff_changed(demo):
    page = AlliancePage.objects.get(programme__slug="capital-alliance")
    page.members_get_en = "Edited by staff."
    page.accepting_applications = False
    page.save()
    call_command("load_demo", verbosity=0)
    page.refresh_from_db()
    assert (page.members_get_en, page.accepting_applications) == ("Edited by staff.", False)
    assert AlliancePage.objects.count() == 2


def test_sample_membership_applications_are_fictional_and_added_once(demo):
    call_command("load_demo", "--sample-submissions", verbosity=0)
    call_command("load_demo", "--sample-submissions", verbosity=0)
    applications = MembershipApplication.objects.select_related("programme")
    assert {application.programme.slug for application in applications} == {
        "industry-research-alliance",
        "capital-alliance",
    }
    assert all(application.email.endswith("@example.com") for application in applications)
    assert all("(fictional)" in application.organisation_name for application in applications)

"""The frame around every public page and the front door: the header and footer (contact, privacy, accessibility,
partner institutions, open data and feeds, staff sign-in), the contact and accessibility pages, the home page's
labs, calls, projects, news and events, the list filters that fold away on phones, and query counts that stay flat."""

import re

import pytest
from django.conf import settings
from django.core.cache import cache

from labs.models import Partnership
from tests import factories

pytestmark = pytest.mark.django_db

PREFIXES = ["", "/zh-hant", "/zh-hans"]


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def html(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def footer_of(page):
    return page.split('<footer class="site-footer', 1)[1]


# --- footer -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", PREFIXES)
def test_footer_links_privacy_accessibility_contact_open_data_and_feeds_in_each_language(client, prefix):
    footer = footer_of(html(client, f"{prefix}/labs/"))
    for path in ("/privacy/", "/accessibility/", "/contact/", "/open-data/", "/news/feed/", "/events/calendar.ics"):
        assert f'href="{prefix}{path}"' in footer, path
    assert 'href="/api/v1/openapi.json"' in footer
    assert 'href="/admin/"' in footer


def test_the_frame_is_configured_to_name_partner_institutions_on_every_page():
    processors = settings.TEMPLATES[0]["OPTIONS"]["context_processors"]
    assert "overview.home.site_frame" in processors


def test_footer_names_the_labs_founding_partners_and_hosts_linking_to_their_pages(client):
    lab = factories.JointLabFactory()
    founder = factories.OrganisationFactory(name="Example University", slug="example-university")
    host = factories.OrganisationFactory(name="Example Science Park", slug="example-park")
    member = factories.OrganisationFactory(name="Small Alliance Member Ltd", slug="small-member")
    factories.PartnershipFactory(lab=lab, organisation=founder, role=Partnership.Role.FOUNDING_PARTNER)
    factories.PartnershipFactory(lab=lab, organisation=host, role=Partnership.Role.HOST)
    factories.PartnershipFactory(lab=lab, organisation=member, role=Partnership.Role.ALLIANCE_MEMBER)

    footer = footer_of(html(client, "/projects/"))
    assert '<a href="/partners/example-university/">Example University</a>' in footer
    assert '<a href="/partners/example-park/">Example Science Park</a>' in footer
    assert "Small Alliance Member Ltd" not in footer
    assert 'href="/zh-hant/partners/example-university/"' in footer_of(html(client, "/zh-hant/projects/"))


def test_footer_shows_a_new_partner_at_once_although_the_list_is_cached(client):
    lab = factories.JointLabFactory()
    html(client, "/labs/")
    factories.PartnershipFactory(
        lab=lab, organisation__name="Newly Joined Institute", role=Partnership.Role.FOUNDING_PARTNER
    )
    assert "Newly Joined Institute" in footer_of(html(client, "/labs/"))


def test_footer_without_partners_has_no_empty_partner_list(client):
    assert "footer-partners-heading" not in html(client, "/")


# --- contact and accessibility pages --------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", PREFIXES)
def test_contact_page_routes_questions_through_forms_and_a_general_address_never_a_lab_inbox(client, prefix):
    factories.JointLabFactory(inbox_email="secret-lab-inbox@lab.example")
    page = html(client, f"{prefix}/contact/")
    assert f'href="{prefix}/challenges/submit/"' in page
    assert f'href="mailto:{settings.PORTAL_INBOX_EMAIL}"' in page
    assert f'href="{prefix}/accessibility/"' in page
    assert "secret-lab-inbox@lab.example" not in page


@pytest.mark.parametrize("prefix", PREFIXES)
def test_accessibility_statement_renders_in_each_language_with_a_way_to_report_a_problem(client, prefix):
    factories.JointLabFactory(inbox_email="secret-lab-inbox@lab.example")
    page = html(client, f"{prefix}/accessibility/")
    assert page.count("<h1") == 1
    assert f'href="mailto:{settings.PORTAL_INBOX_EMAIL}"' in page
    assert f'href="{prefix}/contact/"' in page
    assert "secret-lab-inbox@lab.example" not in page


def test_accessibility_statement_names_its_target_and_how_it_is_tested(client):
    page = html(client, "/accessibility/")
    assert "WCAG) 2.2 at level AA" in page
    assert "axe-core" in page
    assert "keyboard alone" in page


# --- home ------------------------------------------------------------------------------------------------------------


def test_home_shows_each_lab_as_a_card_with_its_picture_in_its_brand_colour(client):
    factories.JointLabFactory(name="Harbour Robotics Joint Lab", slug="harbour-robotics", short_name="HRJL")
    page = html(client, "/")
    card = page.split('class="card lab-card brand-harbour-robotics', 1)[1].split("</article>", 1)[0]
    assert re.search(r'class="picture picture-logo', card)
    assert '<a href="/labs/harbour-robotics/">Harbour Robotics Joint Lab</a>' in card


def test_home_has_a_hero_with_the_two_ways_in(client):
    page = html(client, "/")
    hero = page.split('class="home-hero"', 1)[1].split("</section>", 1)[0]
    assert "<h1" in hero
    assert 'href="/find-a-lab/"' in hero
    assert 'href="/programmes/"' in hero or 'href="/calls/"' in hero


def test_home_shows_open_calls_featured_projects_news_and_events(client):
    lab = factories.JointLabFactory()
    factories.CallFactory(programme__lab=lab, title="Summer Internship in Harbour Robotics")
    factories.ProjectFactory(lab=lab, title="Featured Harbour Crane Vision", is_featured=True)
    factories.ProjectFactory(lab=lab, title="Ordinary Unfeatured Project")
    factories.ProjectFactory(lab=lab, title="Featured But Private", is_featured=True, is_public=False)
    factories.NewsArticleFactory(lab=lab, title="Lab opens a second site")
    factories.EventFactory(lab=lab, title="Open day at the harbour")

    page = html(client, "/")
    assert "Summer Internship in Harbour Robotics" in page
    projects = page.split('id="projects-heading"', 1)[1].split("</section>", 1)[0]
    assert "Featured Harbour Crane Vision" in projects
    assert 'class="picture picture-card' in projects
    assert "Ordinary Unfeatured Project" not in projects
    assert "Featured But Private" not in page
    assert "Lab opens a second site" in page
    assert "Open day at the harbour" in page


def test_home_with_nothing_to_show_says_where_to_go_instead(client):
    page = html(client, "/")
    assert page.count('class="empty-state"') == 5
    assert "No call is open right now." in page
    assert "No project is featured yet." in page
    assert 'href="/challenges/submit/"' in page


def test_home_query_count_stays_flat_with_more_labs_projects_calls_news_and_events(client, count_queries):
    def grow(n):
        for _ in range(n):
            lab = factories.JointLabFactory()
            factories.FocusAreaFactory(lab=lab)
            factories.PartnershipFactory(lab=lab, role=Partnership.Role.FOUNDING_PARTNER)
            factories.ProjectFactory(lab=lab, is_featured=True)
            factories.CallFactory(programme__lab=lab)
            factories.NewsArticleFactory(lab=lab)
            factories.EventFactory(lab=lab)

    grow(2)
    few = count_queries(client, "/")
    grow(8)
    assert count_queries(client, "/") == few


# --- header and list filters ------------------------------------------------------------------------------------------


def test_header_has_the_wordmark_search_and_language_switcher(client):
    page = html(client, "/zh-hant/projects/")
    header = page.split('<header class="site-header">', 1)[1].split("</header>", 1)[0]
    assert re.search(r'<img class="site-emblem" src="[^"]*img/logo[^"]*\.svg" alt=""', header)
    assert 'href="/zh-hant/search/"' in header
    assert 'class="navbar-nav language-switcher"' in header
    assert 'aria-controls="main-nav" aria-expanded="false"' in header


def test_list_filters_fold_behind_a_summary_that_counts_the_active_filters(client):
    lab = factories.JointLabFactory(slug="harbour")
    factories.ProjectFactory(lab=lab)
    unfiltered = html(client, "/projects/")
    assert '<details class="filter-toggle mb-4" open>' in unfiltered
    assert re.search(r"<summary[^>]*>Filters</summary>", unfiltered)

    filtered = html(client, "/projects/?lab=harbour&status=active")
    assert re.search(r"<summary[^>]*>Filters \(2 active\)</summary>", filtered)
    assert 'href="/projects/">Clear</a>' in filtered

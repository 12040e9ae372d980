"""The designed public pages (issue 19): a lab page with its key facts, leadership, focus areas and project cards; a
project page with its team, partners and related projects; a person page; partners as a logo grid; empty states that
say what to do instead; and as many queries with many rows as with few."""

import datetime
import re

import pytest
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from labs.models import Partnership
from projects.models import Project, ProjectMember
from tests import factories

pytestmark = pytest.mark.django_db


def page(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response


def section(response, heading_id):
    """The HTML of the <section> labelled by `heading_id`."""
    text = response.content.decode()
    match = re.search(rf'<section[^>]*aria-labelledby="{heading_id}"[^>]*>(.*?)</section>', text, re.S)
    assert match, f"no section {heading_id}"
    return match.group(1)


# --- lab page ----------------------------------------------------------------------------------------------------


@pytest.fixture
def lab():
    return factories.JointLabFactory(
        name="Fictional Robotics Joint Lab",
        slug="fictional-robotics",
        tagline="Robots for small factories",
        established_on=datetime.date(2024, 3, 1),
        locations="Science Park, Hong Kong\nNansha, Guangzhou",
        website="https://robotics.example.org/",
    )


def test_lab_page_shows_its_key_facts_with_partners_by_role(client, lab):
    host = factories.OrganisationFactory(name="Fictional University")
    factories.PartnershipFactory(lab=lab, organisation=host, role=Partnership.Role.FOUNDING_PARTNER)
    factories.PartnershipFactory(lab=lab, organisation__name="Gadget Works", role=Partnership.Role.COLLABORATOR)
    response = page(client, lab.get_absolute_url())
    facts = response.content.decode().split('id="facts-heading"')[1].split("</aside>")[0]
    assert re.search(r"<dt>Established</dt><dd>[^<]*2024</dd>", facts)
    assert '<span class="status-chip status-active">Active</span>' in facts
    assert "Science Park, Hong Kong" in facts and "Nansha, Guangzhou" in facts
    assert 'href="https://robotics.example.org/"' in facts
    # Founding partners come before collaborators, each with its logo (or monogram) and a link to its page.
    assert facts.index("Founding partner") < facts.index("Fictional University") < facts.index("Collaborator")
    assert facts.index("Collaborator") < facts.index("Gadget Works")
    assert f'href="{host.get_absolute_url()}"' in facts
    assert facts.count("picture-logo") == 2


def test_lab_page_carries_the_lab_brand_class_and_its_logo(client, lab):
    response = page(client, lab.get_absolute_url())
    assertContains(response, 'class="entity-hero brand-fictional-robotics"')
    assertContains(response, "Robots for small factories")
    assert "picture-logo" in response.content.decode().split("</header>")[1]  # the hero, after the site header


def test_lab_page_shows_current_public_leadership_as_cards_with_pictures(client, lab):
    factories.LabRoleFactory(lab=lab, role="director", person__name="Ada Director", person__position="Chair Professor")
    factories.LabRoleFactory(lab=lab, role="co_director", person__name="Hidden Leader", person__is_public=False)
    factories.LabRoleFactory(
        lab=lab, role="director", person__name="Former Director", end_date=datetime.date(2020, 1, 1)
    )
    leadership = section(page(client, lab.get_absolute_url()), "leadership-heading")
    assert "Ada Director" in leadership and "Chair Professor" in leadership and "Director" in leadership
    assert "picture-avatar" in leadership
    assert "Hidden Leader" not in leadership and "Former Director" not in leadership


def test_lab_page_shows_projects_as_cards_with_status_chips_and_never_a_hidden_one(client, lab):
    factories.ProjectFactory(lab=lab, title="Gripper design", status=Project.Status.ACTIVE)
    factories.ProjectFactory(lab=lab, title="Finished arm", status=Project.Status.COMPLETED)
    factories.ProjectFactory(lab=lab, title="Secret tender", is_public=False)
    projects = section(page(client, lab.get_absolute_url()), "projects-heading")
    assert re.search(r"Gripper design.*status-chip status-active\">Active<", projects, re.S)
    assert re.search(r"Finished arm.*status-chip status-completed\">Completed<", projects, re.S)
    assert "Secret tender" not in projects
    assert projects.count('class="card entity-card project-card') == 2


def test_lab_page_shows_the_first_twelve_projects_and_links_to_all_of_them(client, lab):
    factories.ProjectFactory.create_batch(13, lab=lab)
    projects = section(page(client, lab.get_absolute_url()), "projects-heading")
    assert projects.count('class="card entity-card project-card') == 12
    assert f'href="/projects/?lab={lab.slug}"' in projects and "See all 13 projects" in projects


def test_lab_page_shows_focus_areas_as_cards_counting_public_projects_only(client, lab):
    area = factories.FocusAreaFactory(lab=lab, name="Soft grippers")
    for is_public in (True, True, False):
        factories.ProjectFactory(lab=lab, is_public=is_public).focus_areas.add(area)
    areas = section(page(client, lab.get_absolute_url()), "areas-heading")
    assert f'href="{area.get_absolute_url()}">Soft grippers</a>' in areas
    assert "2 projects" in areas


def test_lab_page_invites_a_challenge(client, lab):
    challenge = section(page(client, lab.get_absolute_url()), "challenge-heading")
    assert "/challenges/submit/?lab=fictional-robotics" in challenge


# --- project page ------------------------------------------------------------------------------------------------


@pytest.fixture
def project(lab):
    project = factories.ProjectFactory(
        lab=lab,
        title="Gripper design",
        slug="gripper-design",
        start_date=datetime.date(2025, 1, 1),
        collaboration_type=Project.CollaborationType.CONTRACT_RESEARCH,
        funding_scheme=Project.FundingScheme.ITF,
        partner_contribution_hkd=1_234_567,
    )
    project.focus_areas.add(factories.FocusAreaFactory(lab=lab, name="Soft grippers", slug="soft-grippers"))
    return project


def test_project_page_shows_key_facts_but_not_the_partners_money(client, project):
    response = page(client, project.get_absolute_url())
    facts = response.content.decode().split('id="facts-heading"')[1].split("</aside>")[0]
    assert "Fictional Robotics Joint Lab" in facts
    assert '<span class="status-chip status-active">Active</span>' in facts
    assert "January 2025" in facts
    assert "Contract research" in facts and "Innovation and Technology Fund (ITF)" in facts
    assertNotContains(response, "1234567")
    assertNotContains(response, "1,234,567")


def test_project_page_shows_its_public_team_with_roles_and_pictures(client, project):
    factories.ProjectMemberFactory(project=project, person__name="Lee Lead", role=ProjectMember.Role.LEAD)
    factories.ProjectMemberFactory(project=project, person__name="Mo Member")
    factories.ProjectMemberFactory(project=project, person__name="Hidden Helper", person__is_public=False)
    team = section(page(client, project.get_absolute_url()), "people-heading")
    assert team.index("Lee Lead") < team.index("Lead</p>") < team.index("Mo Member")
    assert team.count("picture-avatar") == 2
    assert "Hidden Helper" not in team


def test_project_page_shows_partners_with_logos(client, project):
    partner = factories.OrganisationFactory(name="Gadget Works")
    project.partners.add(partner)
    partners = section(page(client, project.get_absolute_url()), "partners-heading")
    assert f'href="{partner.get_absolute_url()}"' in partners and "Gadget Works" in partners
    assert "picture-logo" in partners


def test_project_page_links_its_focus_areas(client, project):
    response = page(client, project.get_absolute_url())
    assertContains(response, 'href="/focus-areas/fictional-robotics/soft-grippers/">Soft grippers</a>')


def test_related_projects_share_a_focus_area_or_the_lab_and_are_public(client, project, lab):
    area = project.focus_areas.get()
    elsewhere = factories.ProjectFactory(title="Same area, other lab")
    elsewhere.focus_areas.add(area)
    factories.ProjectFactory(lab=lab, title="Same lab")
    factories.ProjectFactory(lab=lab, title="Hidden sibling", is_public=False).focus_areas.add(area)
    factories.ProjectFactory(title="Unrelated project")
    related = section(page(client, project.get_absolute_url()), "related-heading")
    assert related.index("Same area, other lab") < related.index("Same lab")
    assert "Hidden sibling" not in related and "Unrelated project" not in related
    assert "Gripper design" not in related  # never itself


def test_related_projects_are_at_most_four(client, project, lab):
    factories.ProjectFactory.create_batch(6, lab=lab)
    related = section(page(client, project.get_absolute_url()), "related-heading")
    assert related.count('class="card entity-card project-card') == 4


# --- person page -------------------------------------------------------------------------------------------------


def test_person_page_shows_picture_roles_projects_and_public_links_only(client, lab):
    person = factories.PersonFactory(
        name="Ada Example",
        chinese_name="艾達",
        short_bio="Builds grippers.",
        public_email="ada@example.org",
        orcid="0000-0002-1825-0097",
    )
    factories.LabRoleFactory(person=person, lab=lab, role="director")
    factories.ProjectMemberFactory(person=person, project__title="Open gripper", role=ProjectMember.Role.LEAD)
    factories.ProjectMemberFactory(person=person, project__title="Private tender", project__is_public=False)
    response = page(client, person.get_absolute_url())
    assertContains(response, "picture-avatar-lg")
    assertContains(response, '<span class="person-chinese-name" lang="zh">艾達</span>', html=True)
    assertContains(response, "Builds grippers.")
    assertContains(response, 'href="mailto:ada@example.org"')
    assertContains(response, 'href="https://orcid.org/0000-0002-1825-0097"')
    roles = section(response, "roles-heading")
    assert "Director" in roles and lab.name in roles
    projects = section(response, "projects-heading")
    assert "Open gripper" in projects and "Role: Lead" in projects
    assertNotContains(response, "Private tender")


def test_a_hidden_person_has_no_page(client):
    person = factories.PersonFactory(is_public=False)
    assert client.get(person.get_absolute_url()).status_code == 404


# --- partners ----------------------------------------------------------------------------------------------------


def test_partners_page_is_a_logo_grid_with_roles_and_no_table(client, lab):
    organisation = factories.OrganisationFactory(name="Gadget Works")
    factories.PartnershipFactory(lab=lab, organisation=organisation, role=Partnership.Role.INDUSTRY_TEST_BED)
    response = page(client, "/partners/")
    text = response.content.decode()
    assert "<table" not in text
    grid = text.split('class="logo-grid')[1].split("</ul>")[0]
    assert "Gadget Works" in grid and "picture-logo" in grid
    assert lab.display_name in grid and "Industry test bed" in grid


def test_organisation_page_shows_its_labs_and_roles_as_cards(client, lab):
    organisation = factories.OrganisationFactory(name="Gadget Works")
    factories.PartnershipFactory(lab=lab, organisation=organisation, role=Partnership.Role.INVESTOR)
    labs = section(page(client, organisation.get_absolute_url()), "labs-heading")
    assert f'href="{lab.get_absolute_url()}"' in labs and "Investor" in labs


# --- lab list ----------------------------------------------------------------------------------------------------


def test_lab_cards_count_public_projects_partners_and_current_public_people(client, lab):
    factories.ProjectFactory.create_batch(2, lab=lab)
    factories.ProjectFactory(lab=lab, is_public=False)
    factories.PartnershipFactory.create_batch(3, lab=lab)
    factories.LabRoleFactory(lab=lab)
    factories.LabRoleFactory(lab=lab, person__is_public=False)
    factories.LabRoleFactory(lab=lab, end_date=timezone.localdate() - datetime.timedelta(days=1))
    response = page(client, "/labs/")
    assertContains(response, "<span>2 projects</span>", html=True)
    assertContains(response, "<span>3 partners</span>", html=True)
    assertContains(response, "<span>1 person</span>", html=True)


# --- empty states ------------------------------------------------------------------------------------------------


def test_an_empty_project_search_says_what_to_do_instead(client):
    factories.ProjectFactory(title="Gripper design")
    response = page(client, "/projects/?q=nothing-matches-this")
    empty = response.content.decode().split('class="empty-state"')[1].split("</div>")[0]
    assert "No project matches these filters." in empty
    assert 'href="/projects/"' in empty  # clear the filters
    assert 'href="/find-a-lab/"' in empty


def test_a_lab_without_projects_or_calls_says_what_to_do_instead(client, lab):
    response = page(client, lab.get_absolute_url())
    projects = section(response, "projects-heading")
    assert "This lab has no public project yet." in projects
    assert "/challenges/submit/?lab=fictional-robotics" in projects
    calls = section(response, "calls-heading")
    assert "No call is open at the moment." in calls and 'href="/programmes/"' in calls


def test_a_person_without_public_projects_gets_guidance_not_an_empty_heading(client):
    person = factories.PersonFactory()
    factories.ProjectMemberFactory(person=person, project__is_public=False)
    projects = section(page(client, person.get_absolute_url()), "projects-heading")
    assert "No public project lists this person yet." in projects and 'href="/projects/"' in projects


def test_empty_people_and_partner_searches_offer_to_clear_the_filters(client):
    factories.PersonFactory()
    factories.OrganisationFactory()
    for path, message in (
        ("/people/?q=nothing-matches-this", "Nobody matches these filters."),
        ("/partners/?q=nothing-matches-this", "No organisation matches these filters."),
    ):
        empty = page(client, path).content.decode().split('class="empty-state"')[1].split("</div>")[0]
        assert message in empty and "Clear the filters" in empty, path


# --- queries -----------------------------------------------------------------------------------------------------


def fill(lab, organisation, anchor, n):
    area = anchor.focus_areas.get()
    for _ in range(n):
        person = factories.PersonFactory(organisation=organisation)
        factories.LabRoleFactory(lab=lab, person=person, role="strategic_committee")
        project = factories.ProjectFactory(lab=lab)
        project.focus_areas.add(area, factories.FocusAreaFactory(lab=lab))
        project.partners.add(factories.OrganisationFactory())
        factories.ProjectMemberFactory(project=project, person=person)
        factories.ProjectMemberFactory(project=anchor, person=factories.PersonFactory())
        factories.PartnershipFactory(lab=lab, organisation=factories.OrganisationFactory())
        anchor.partners.add(factories.OrganisationFactory())
        factories.ProjectMemberFactory(project=factories.ProjectFactory(lab=lab), person=anchor_person(anchor))


def anchor_person(anchor):
    return anchor.memberships.order_by("pk").first().person


def test_designed_pages_run_as_many_queries_with_many_cards_as_with_few(client, count_queries, lab, project):
    organisation = factories.OrganisationFactory(slug="busy-org")
    factories.ProjectMemberFactory(project=project, person__slug="anchor-person")
    paths = [
        "/labs/",
        lab.get_absolute_url(),
        project.get_absolute_url(),
        "/people/anchor-person/",
        "/partners/",
        "/partners/busy-org/",
        "/projects/",
        "/people/",
        "/focus-areas/",
        project.focus_areas.get().get_absolute_url(),
    ]
    fill(lab, organisation, project, 2)
    few = {path: count_queries(client, path) for path in paths}
    fill(lab, organisation, project, 12)
    assert {path: count_queries(client, path) for path in paths} == few

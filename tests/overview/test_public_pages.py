"""The public pages that draw on several apps — home, the lab, focus-area, partner, programme and person pages, the
sitemap — and the public site as a whole: every page in every language, renamed slugs, search-engine data, and a
number of queries that does not grow with the rows shown."""

import json
import re

import pytest
from django.utils import translation
from django.utils.translation import gettext

from labs.models import FocusArea, JointLab, Organisation, Programme
from people.models import Person
from portal.context_processors import LANGUAGE_TAGS
from projects.models import Project
from recruitment.models import Call
from tests import factories

pytestmark = pytest.mark.django_db

QUERY_CEILING = 12
ENGLISH_NAV = ["Labs", "Focus areas", "Projects", "People", "Partners", "Programmes", "Submit a challenge"]


def html(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, path
    return response.content.decode()


def public_paths():
    paths = ["/", "/labs/", "/focus-areas/", "/projects/", "/people/", "/partners/", "/programmes/", "/privacy/"]
    paths += ["/search/?q=robot", "/challenges/submit/", "/calls/hkust-hkpc-internship-demo/apply/"]
    with translation.override("en"):
        for model in (JointLab, FocusArea, Organisation, Programme, Person, Call, Project):
            paths += [obj.get_absolute_url() for obj in model.objects.all()]
    return paths


@pytest.mark.parametrize("language", ["en", "zh-hant", "zh-hans"])
def test_every_public_page_in_every_language(client, demo, language):
    prefix = "" if language == "en" else f"/{language}"
    with translation.override(language):
        breadcrumb = f'aria-label="{gettext("Breadcrumb")}"'
    for path in public_paths():
        page = html(client, prefix + path)
        assert f'<html lang="{LANGUAGE_TAGS[language]}">' in page, prefix + path
        navigation = page.split('<ul class="navbar-nav me-auto">', 1)[1].split("</ul>", 1)[0]
        labels = {label for label in ENGLISH_NAV if f">{label}</a>" in navigation}
        assert labels == (set(ENGLISH_NAV) if language == "en" else set()), prefix + path
        assert breadcrumb in page or path == "/", prefix + path


def test_home_page_names_the_portal_and_its_calls_to_action(client):
    page = html(client, "/")
    assert "<title>University–industry joint labs in Hong Kong · Joint Lab Portal</title>" in page
    assert 'href="#main"' in page
    assert "Apply for internships and fellowships" in page


def test_lab_page_shows_leadership_partners_areas_projects_programmes_and_open_calls(client, demo):
    page = html(client, "/labs/hkust-hkpc-industrial-ai-robotics/")
    assert "Prof. Zhou Xiaofang" in page and "Director" in page
    assert "Founding partner" in page and "Hong Kong Productivity Council" in page
    assert "Industrial AI" in page
    assert "Small defect inspection" in page
    assert "PhD Fellowship Programme" in page
    assert "HKUST–HKPC Joint Lab internships" in page
    assert "HKPC Building, Hong Kong" in page


# --- search engines ----------------------------------------------------------------------------------------------


def test_sitemap_lists_public_pages_in_every_language_and_nothing_private(client, demo):
    hidden = factories.ProjectFactory(title="Hidden", slug="hidden-project", is_public=False)
    factories.CallFactory(slug="draft-call", is_published=False)
    xml = client.get("/sitemap.xml").content.decode()
    assert "http://testserver/labs/hkust-hkpc-industrial-ai-robotics/" in xml
    assert "http://testserver/zh-hant/labs/hkust-hkpc-industrial-ai-robotics/" in xml
    assert "http://testserver/people/zhou-xiaofang/" in xml
    assert "http://testserver/zh-hans/accessibility/" in xml and "http://testserver/contact/" in xml
    assert 'hreflang="zh-hans"' in xml
    assert hidden.slug not in xml and "draft-call" not in xml


def structured_data(page):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return json.loads(match.group(1))


def test_pages_carry_canonical_opengraph_and_json_ld(client, demo):
    page = html(client, "/labs/hkust-hkpc-industrial-ai-robotics/")
    assert '<link rel="canonical" href="http://testserver/labs/hkust-hkpc-industrial-ai-robotics/">' in page
    assert '<meta property="og:title" content="HKUST–HKPC Joint Research Lab for Industrial AI and Robotics">' in page
    lab = structured_data(page)
    assert lab["@type"] == "Organization"
    assert {"Hong Kong Productivity Council", "The Hong Kong University of Science and Technology"} <= {
        member["name"] for member in lab["member"]
    }
    person = structured_data(html(client, "/people/zhou-xiaofang/"))
    assert person["@type"] == "Person" and person["name"] == "Zhou Xiaofang"
    project = structured_data(html(client, "/projects/hkust-hkpc-industrial-ai-robotics/small-defect-inspection/"))
    assert project["@type"] == "ResearchProject"


def test_json_ld_cannot_break_out_of_its_script_element(client):
    factories.PartnershipFactory(lab__slug="x-lab", lab__summary="</script><script>alert(1)</script>")
    page = html(client, "/labs/x-lab/")
    assert "<script>alert(1)" not in page
    assert structured_data(page)["description"] == "</script><script>alert(1)</script>"


# --- renamed slugs -----------------------------------------------------------------------------------------------


def rename(obj, new_slug):
    obj.slug = new_slug
    obj.save()


def test_renamed_lab_keeps_old_links_working(client):
    lab = factories.JointLabFactory(slug="old-lab")
    rename(lab, "new-lab")
    response = client.get("/zh-hant/labs/old-lab/")
    assert response.status_code == 301
    assert response["Location"] == "/zh-hant/labs/new-lab/"


def test_renamed_person_keeps_old_links_working_but_hidden_people_stay_hidden(client):
    person = factories.PersonFactory(slug="old-name")
    rename(person, "new-name")
    assert client.get("/people/old-name/")["Location"] == "/people/new-name/"
    person.is_public = False
    person.save()
    assert client.get("/people/old-name/").status_code == 404


def test_an_unknown_slug_is_still_a_404(client):
    assert client.get("/labs/never-existed/").status_code == 404


# --- queries -----------------------------------------------------------------------------------------------------


def test_home_page_query_count_does_not_grow_with_rows(client, count_queries):
    for _ in range(5):
        factories.FocusAreaFactory(lab=factories.JointLabFactory())
    five = count_queries(client, "/")
    for _ in range(15):
        factories.FocusAreaFactory(lab=factories.JointLabFactory())
    assert count_queries(client, "/") == five


def test_lab_page_query_count_does_not_grow_with_its_content(client, count_queries):
    lab = factories.JointLabFactory()

    def add_content():
        factories.PartnershipFactory(lab=lab)
        factories.LabRoleFactory(lab=lab, role="strategic_committee")
        factories.ProjectFactory(lab=lab)
        factories.CallFactory(programme__lab=lab)

    for _ in range(5):
        add_content()
    five = count_queries(client, lab.get_absolute_url())
    for _ in range(15):
        add_content()
    assert count_queries(client, lab.get_absolute_url()) == five


def grow_everything(lab, area, organisation, n):
    for _ in range(n):
        project = factories.ProjectFactory(lab=lab)
        project.focus_areas.add(area)
        project.partners.add(organisation)
        person = factories.PersonFactory(organisation=organisation)
        factories.ProjectMemberFactory(project=project, person=person)
        factories.LabRoleFactory(lab=lab, person=person, role="strategic_committee")
        factories.PartnershipFactory(lab=lab)
        factories.CallFactory(programme__lab=lab)
        factories.FocusAreaFactory(lab=lab)


def test_every_page_runs_a_bounded_constant_number_of_queries(client, count_queries):
    lab = factories.JointLabFactory(slug="busy-lab")
    area = factories.FocusAreaFactory(lab=lab, slug="busy-area")
    organisation = factories.OrganisationFactory(slug="busy-org")
    anchor = factories.ProjectFactory(lab=lab, slug="anchor")
    anchor.focus_areas.add(area)
    anchor.partners.add(organisation)
    member = factories.ProjectMemberFactory(
        project=anchor, person__slug="anchor-person", person__organisation=organisation
    )
    factories.LabRoleFactory(lab=lab, person=member.person)
    call = factories.CallFactory(programme__lab=lab, slug="anchor-call")
    paths = [
        "/",
        "/labs/",
        "/labs/busy-lab/",
        "/focus-areas/",
        "/focus-areas/busy-lab/busy-area/",
        "/projects/",
        "/projects/?lab=busy-lab&status=active&q=project",
        "/projects/busy-lab/anchor/",
        "/people/",
        "/people/?lab=busy-lab&role=strategic_committee",
        "/people/anchor-person/",
        "/partners/",
        "/partners/?lab=busy-lab&kind=company",
        "/partners/busy-org/",
        "/programmes/",
        call.programme.get_absolute_url(),
        "/calls/anchor-call/",
        "/search/?q=project",
        "/sitemap.xml",
    ]
    grow_everything(lab, area, organisation, 3)
    small = {path: count_queries(client, path) for path in paths}
    grow_everything(lab, area, organisation, 37)
    large = {path: count_queries(client, path) for path in paths}
    assert large == small
    assert max(small.values()) <= QUERY_CEILING, small

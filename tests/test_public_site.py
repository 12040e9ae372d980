"""Filters, site search, SEO and renamed slugs on the public site."""

import json
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories

pytestmark = pytest.mark.django_db

QUERY_CEILING = 12


@pytest.fixture
def demo():
    call_command("load_demo", verbosity=0)


def listed(response, name="projects"):
    return sorted(str(obj) for obj in response.context[name])


# --- project filters -------------------------------------------------------------------------------------------


@pytest.fixture
def catalogue():
    vision_lab = factories.JointLabFactory(slug="vision-lab")
    robot_lab = factories.JointLabFactory(slug="robot-lab")
    inspection = factories.FocusAreaFactory(lab=vision_lab, slug="inspection")
    partner = factories.OrganisationFactory(slug="acme")
    a = factories.ProjectFactory(lab=vision_lab, title="Glass defect finder", status="active")
    a.focus_areas.add(inspection)
    a.partners.add(partner)
    b = factories.ProjectFactory(lab=vision_lab, title="Weld seam checker", status="planned")
    b.focus_areas.add(inspection)
    factories.ProjectFactory(lab=robot_lab, title="Gripper for dumplings", status="active", keywords="food, grippers")
    factories.ProjectFactory(lab=vision_lab, title="Secret defect work", is_public=False)
    return {"inspection": inspection}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["Glass defect finder", "Gripper for dumplings", "Weld seam checker"]),
        ({"lab": "vision-lab"}, ["Glass defect finder", "Weld seam checker"]),
        ({"status": "active"}, ["Glass defect finder", "Gripper for dumplings"]),
        ({"partner": "acme"}, ["Glass defect finder"]),
        ({"q": "defect"}, ["Glass defect finder"]),
        ({"q": "grippers"}, ["Gripper for dumplings"]),
        ({"q": "GLASS finder"}, ["Glass defect finder"]),
        ({"lab": "vision-lab", "status": "planned"}, ["Weld seam checker"]),
        ({"lab": "robot-lab", "q": "defect"}, []),
    ],
)
def test_project_filters_narrow_and_combine(client, catalogue, params, expected):
    response = client.get("/projects/", params)
    assert response.status_code == 200
    assert listed(response) == expected
    assert f"{len(expected)} result" in response.content.decode()


def test_project_filter_by_focus_area(client, catalogue):
    response = client.get("/projects/", {"focus_area": catalogue["inspection"].pk, "status": "active"})
    assert listed(response) == ["Glass defect finder"]


def test_projects_sort_by_start_date(client):
    import datetime

    factories.ProjectFactory(title="Later", start_date=datetime.date(2026, 5, 1))
    factories.ProjectFactory(title="Earlier", start_date=datetime.date(2025, 1, 1))
    assert [p.title for p in client.get("/projects/", {"sort": "start"}).context["projects"]] == ["Earlier", "Later"]
    assert [p.title for p in client.get("/projects/", {"sort": "-start"}).context["projects"]] == ["Later", "Earlier"]


def test_pagination_keeps_the_filters(client):
    lab = factories.JointLabFactory(slug="big-lab")
    factories.ProjectFactory.create_batch(25, lab=lab, status="active")
    html = client.get("/projects/", {"lab": "big-lab", "status": "active"}).content.decode()
    assert 'href="?lab=big-lab&amp;status=active&amp;page=2"' in html
    second = client.get("/projects/", {"lab": "big-lab", "status": "active", "page": 2})
    assert len(second.context["projects"]) == 5


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"lab": "no-such-lab"}, 200),
        ({"focus_area": "abc"}, 200),
        ({"status": "exploded"}, 200),
        ({"sort": "password"}, 200),
        ({"q": "x" * 2000}, 200),
        ({"page": "999"}, 404),
        ({"page": "abc"}, 404),
    ],
)
@pytest.mark.parametrize("path", ["/projects/", "/people/", "/partners/"])
def test_bad_filter_values_never_give_a_server_error(client, catalogue, path, params, status):
    response = client.get(path, params)
    assert response.status_code == status


def test_an_unknown_lab_is_explained_next_to_the_filter(client, catalogue):
    response = client.get("/projects/", {"lab": "no-such-lab"})
    assert "Select a valid choice" in response.content.decode()
    assert listed(response) == []


# --- people and partner filters --------------------------------------------------------------------------------


def test_people_filter_by_lab_role_organisation_and_keyword(client):
    lab = factories.JointLabFactory(slug="lab-a")
    org = factories.OrganisationFactory(slug="org-a")
    factories.LabRoleFactory(lab=lab, role="director", person__name="Ada Director", person__organisation=org)
    factories.LabRoleFactory(lab=lab, role="researcher", person__name="Ben Researcher")
    factories.LabRoleFactory(role="director", person__name="Cy Elsewhere")
    factories.LabRoleFactory(lab=lab, role="director", person__name="Hidden Director", person__is_public=False)

    def names(params):
        return listed(client.get("/people/", params), "people")

    assert names({"lab": "lab-a"}) == ["Ada Director", "Ben Researcher"]
    assert names({"role": "director"}) == ["Ada Director", "Cy Elsewhere"]
    assert names({"lab": "lab-a", "role": "director"}) == ["Ada Director"]
    assert names({"organisation": "org-a"}) == ["Ada Director"]
    assert names({"q": "ben"}) == ["Ben Researcher"]


def test_partners_filter_by_kind_and_lab(client):
    lab = factories.JointLabFactory(slug="lab-b")
    factories.PartnershipFactory(lab=lab, organisation__name="Uni B", organisation__kind="university")
    factories.PartnershipFactory(lab=lab, organisation__name="Fund B", organisation__kind="investor")
    factories.PartnershipFactory(organisation__name="Uni C", organisation__kind="university")

    def names(params):
        return listed(client.get("/partners/", params), "organisations")

    assert names({"kind": "university"}) == ["Uni B", "Uni C"]
    assert names({"lab": "lab-b"}) == ["Fund B", "Uni B"]
    assert names({"lab": "lab-b", "kind": "investor"}) == ["Fund B"]


# --- site search -----------------------------------------------------------------------------------------------


def test_search_finds_the_two_defect_inspection_projects(client, demo):
    response = client.get("/search/", {"q": "defect"})
    groups = {searchable.key: [str(item) for item in items] for searchable, items in response.context["results"]}
    assert sorted(groups["projects"]) == [
        "Defect inspection on surfaces of reflective freeform objects",
        "Small defect inspection",
    ]


def test_search_groups_results_by_type(client, demo):
    response = client.get("/search/", {"q": "robotics"})
    html = response.content.decode()
    keys = [searchable.key for searchable, _items in response.context["results"]]
    assert "labs" in keys and "focus_areas" in keys
    assert 'id="results-labs"' in html


def test_search_never_shows_private_records(client):
    factories.ProjectFactory(title="Quantum widget", is_public=False)
    factories.PersonFactory(name="Quantum Person", is_public=False)
    factories.ProjectFactory(title="Quantum public thing")
    response = client.get("/search/", {"q": "quantum"})
    found = [str(item) for _type, items in response.context["results"] for item in items]
    assert found == ["Quantum public thing"]


@pytest.mark.parametrize("q", ["", "   ", "x" * 2000, "'; DROP TABLE labs_jointlab; --", "a & | ! (", "defect:*"])
def test_search_survives_odd_input(client, demo, q):
    response = client.get("/search/", {"q": q})
    assert response.status_code == 200


def test_overlong_search_says_why(client):
    assert "Keep the search under 200 characters." in client.get("/search/", {"q": "x" * 2000}).content.decode()


# --- SEO ---------------------------------------------------------------------------------------------------------


def test_sitemap_lists_public_pages_in_every_language_and_nothing_private(client, demo):
    hidden = factories.ProjectFactory(title="Hidden", slug="hidden-project", is_public=False)
    factories.CallFactory(slug="draft-call", is_published=False)
    xml = client.get("/sitemap.xml").content.decode()
    assert "http://testserver/labs/hkust-hkpc-industrial-ai-robotics/" in xml
    assert "http://testserver/zh-hant/labs/hkust-hkpc-industrial-ai-robotics/" in xml
    assert "http://testserver/people/zhou-xiaofang/" in xml
    assert 'hreflang="zh-hans"' in xml
    assert hidden.slug not in xml and "draft-call" not in xml


def test_robots_txt_keeps_crawlers_out_of_the_admin(client):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def structured_data(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_pages_carry_canonical_opengraph_and_json_ld(client, demo):
    html = client.get("/labs/hkust-hkpc-industrial-ai-robotics/").content.decode()
    assert '<link rel="canonical" href="http://testserver/labs/hkust-hkpc-industrial-ai-robotics/">' in html
    assert '<meta property="og:title" content="HKUST–HKPC Joint Research Lab for Industrial AI and Robotics">' in html
    lab = structured_data(html)
    assert lab["@type"] == "Organization"
    assert {"Hong Kong Productivity Council", "The Hong Kong University of Science and Technology"} <= {
        member["name"] for member in lab["member"]
    }
    person = structured_data(client.get("/people/zhou-xiaofang/").content.decode())
    assert person["@type"] == "Person" and person["name"] == "Zhou Xiaofang"
    project = structured_data(
        client.get("/projects/hkust-hkpc-industrial-ai-robotics/small-defect-inspection/").content.decode()
    )
    assert project["@type"] == "ResearchProject"


def test_json_ld_cannot_break_out_of_its_script_element(client):
    factories.PartnershipFactory(lab__slug="x-lab", lab__summary="</script><script>alert(1)</script>")
    html = client.get("/labs/x-lab/").content.decode()
    assert "<script>alert(1)" not in html
    assert structured_data(html)["description"] == "</script><script>alert(1)</script>"


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


def test_renamed_project_and_its_renamed_lab_keep_old_links_working(client):
    project = factories.ProjectFactory(lab__slug="lab-one", slug="proj-one")
    rename(project, "proj-two")
    assert client.get("/projects/lab-one/proj-one/")["Location"] == "/projects/lab-one/proj-two/"
    rename(project.lab, "lab-two")
    assert client.get("/projects/lab-one/proj-one/")["Location"] == "/projects/lab-two/proj-two/"
    assert client.get("/projects/lab-one/proj-two/")["Location"] == "/projects/lab-two/proj-two/"


def test_renamed_person_keeps_old_links_working_but_hidden_people_stay_hidden(client):
    person = factories.PersonFactory(slug="old-name")
    rename(person, "new-name")
    assert client.get("/people/old-name/")["Location"] == "/people/new-name/"
    person.is_public = False
    person.save()
    assert client.get("/people/old-name/").status_code == 404


def test_an_unknown_slug_is_still_a_404(client):
    assert client.get("/labs/never-existed/").status_code == 404


# --- speed --------------------------------------------------------------------------------------------------------


def page_queries(client, path):
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries)


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


def test_every_page_runs_a_bounded_constant_number_of_queries(client):
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
    small = {path: page_queries(client, path) for path in paths}
    grow_everything(lab, area, organisation, 37)
    large = {path: page_queries(client, path) for path in paths}
    assert large == small
    assert max(small.values()) <= QUERY_CEILING, small

"""What each endpoint gives: the public records with the fields their pages show, the filters of the public lists,
pages with a stable order, slugs as identifiers and absolute links to the public pages."""

import pytest

from tests import factories
from tests.api.conftest import LIST_PATHS, get_json, slugs

pytestmark = pytest.mark.django_db


def test_the_index_names_every_list_the_documentation_and_the_schema(anonymous, db):
    index = get_json(anonymous, "/api/v1/")
    assert index["labs"] == "http://testserver/api/v1/labs/"
    assert index["documentation"] == "http://testserver/open-data/"
    assert index["schema_url"] == "http://testserver/api/v1/openapi.json"
    assert index["open_calls_embed"] == "http://testserver/embed/calls/"
    assert {value for key, value in index.items()} >= {f"http://testserver{path}" for path in LIST_PATHS}


def test_a_lab_with_its_focus_areas_leadership_partners_and_programmes(anonymous, portal):
    lab = get_json(anonymous, "/api/v1/labs/vision-lab/")
    assert lab["url"] == "http://testserver/labs/vision-lab/"
    assert lab["status"] == "active" and lab["status_label"] == "Active"
    assert [area["slug"] for area in lab["focus_areas"]] == ["inspection"]
    assert lab["focus_areas"][0]["url"] == "http://testserver/focus-areas/vision-lab/inspection/"
    assert lab["leadership"] == [
        {
            "person": {
                "url": "http://testserver/people/ada-public/",
                "slug": "ada-public",
                "name": "Ada Public",
                "display_name": "Dr. Ada Public",
            },
            "role": "director",
            "role_label": "Director",
            "position": "Fictional researcher",
        }
    ]
    assert lab["partners"] == [
        {
            "organisation": {
                "url": "http://testserver/partners/acme/",
                "slug": "acme",
                "name": "Acme Optics",
                "short_name": "",
            },
            "role": "founding_partner",
            "role_label": "Founding partner",
            "since": None,
            "note": "Sponsor",
        }
    ]
    assert [programme["slug"] for programme in lab["programmes"]] == ["internships"]


def test_lab_filters(anonymous, portal):
    factories.JointLabFactory(slug="old-lab", name="Old Lab", status="closed")
    assert slugs(get_json(anonymous, "/api/v1/labs/?status=closed")) == ["old-lab"]
    assert slugs(get_json(anonymous, "/api/v1/labs/?q=robot")) == ["robot-lab"]


def test_focus_areas_by_lab(anonymous, portal):
    assert slugs(get_json(anonymous, "/api/v1/focus-areas/?lab=robot-lab")) == ["grasping"]
    area = get_json(anonymous, "/api/v1/focus-areas/vision-lab/inspection/")
    assert area["lab"]["slug"] == "vision-lab" and area["name"] == "Inspection"
    get_json(anonymous, "/api/v1/focus-areas/robot-lab/inspection/", status=404)  # slugs are per lab


def test_projects_with_the_project_lists_filters(anonymous, portal):
    assert slugs(get_json(anonymous, "/api/v1/projects/")) == ["glass-defects", "dumpling-gripper"]  # by title
    assert slugs(get_json(anonymous, "/api/v1/projects/?lab=robot-lab")) == ["dumpling-gripper"]
    assert slugs(get_json(anonymous, "/api/v1/projects/?focus_area=vision-lab/inspection")) == ["glass-defects"]
    assert slugs(get_json(anonymous, "/api/v1/projects/?focus_area=robot-lab/inspection")) == []
    assert slugs(get_json(anonymous, "/api/v1/projects/?status=planned")) == ["dumpling-gripper"]
    assert slugs(get_json(anonymous, "/api/v1/projects/?partner=acme")) == ["glass-defects"]
    assert slugs(get_json(anonymous, "/api/v1/projects/?q=gripper%20dumplings")) == ["dumpling-gripper"]
    assert slugs(get_json(anonymous, "/api/v1/projects/?sort=-title")) == ["dumpling-gripper", "glass-defects"]
    assert slugs(get_json(anonymous, "/api/v1/projects/?lab=no-such-lab")) == []  # names nothing: matches nothing


def test_a_project_with_its_public_members_and_partners(anonymous, portal):
    project = get_json(anonymous, "/api/v1/projects/vision-lab/glass-defects/")
    assert project["url"] == "http://testserver/projects/vision-lab/glass-defects/"
    assert project["lab"]["slug"] == "vision-lab"
    assert [(member["person"]["slug"], member["role"]) for member in project["members"]] == [("ada-public", "lead")]
    assert [partner["slug"] for partner in project["partners"]] == ["acme"]
    assert [area["slug"] for area in project["focus_areas"]] == ["inspection"]
    get_json(anonymous, "/api/v1/projects/robot-lab/glass-defects/", status=404)


def test_people_with_the_people_lists_filters(anonymous, portal):
    factories.LabRoleFactory(person__slug="rita-robot", person__name="Rita Robot", lab=portal["robots"])
    assert slugs(get_json(anonymous, "/api/v1/people/")) == ["ada-public", "rita-robot"]
    assert slugs(get_json(anonymous, "/api/v1/people/?lab=robot-lab")) == ["rita-robot"]
    assert slugs(get_json(anonymous, "/api/v1/people/?role=director")) == ["ada-public"]
    assert slugs(get_json(anonymous, "/api/v1/people/?organisation=acme")) == ["ada-public"]
    assert slugs(get_json(anonymous, "/api/v1/people/?q=rita")) == ["rita-robot"]


def test_a_person_with_the_fields_of_their_page(anonymous, portal):
    person = get_json(anonymous, "/api/v1/people/ada-public/")
    assert set(person) == {
        "url", "slug", "name", "display_name", "honorific", "chinese_name", "position", "organisation", "roles",
        "short_bio", "email", "homepage", "orcid", "projects",
    }  # fmt: skip
    assert person["roles"][0]["lab"]["slug"] == "vision-lab" and person["roles"][0]["current"] is True
    assert person["organisation"]["slug"] == "acme"


def test_organisations_with_the_partner_lists_filters(anonymous, portal):
    assert "acme" in slugs(get_json(anonymous, "/api/v1/organisations/"))
    assert slugs(get_json(anonymous, "/api/v1/organisations/?lab=vision-lab")) == ["acme"]
    factories.OrganisationFactory(slug="uni", kind="university")
    assert slugs(get_json(anonymous, "/api/v1/organisations/?kind=university")) == ["uni"]
    organisation = get_json(anonymous, "/api/v1/organisations/acme/")
    assert organisation["partnerships"][0]["lab"]["slug"] == "vision-lab"
    assert organisation["partnerships"][0]["note"] == "Sponsor"


def test_programmes_and_calls_by_state(anonymous, portal):
    assert slugs(get_json(anonymous, "/api/v1/programmes/?lab=vision-lab")) == ["internships"]
    assert slugs(get_json(anonymous, "/api/v1/programmes/?kind=phd_fellowship")) == []
    assert slugs(get_json(anonymous, "/api/v1/calls/?state=open")) == ["open-call"]
    assert slugs(get_json(anonymous, "/api/v1/calls/?state=upcoming")) == ["upcoming-call"]
    assert slugs(get_json(anonymous, "/api/v1/calls/?state=closed")) == ["closed-call"]
    call = get_json(anonymous, "/api/v1/calls/open-call/")
    assert call["state"] == "open" and call["state_label"] == "Open"
    assert call["apply_url"] == "http://testserver/calls/open-call/apply/"
    assert call["programme"]["slug"] == "internships" and call["lab"]["slug"] == "vision-lab"
    assert get_json(anonymous, "/api/v1/calls/closed-call/")["apply_url"] is None


def test_pages_link_to_each_other_and_keep_the_filters(anonymous, db):
    for number in range(5):
        factories.ProjectFactory(slug=f"p{number}", title="Same title", lab__slug=f"lab-{number}")
    first = get_json(anonymous, "/api/v1/projects/?q=same&limit=2&lang=en")
    assert first["count"] == 5 and first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/projects/?lang=en&limit=2&offset=2&q=same"
    second = get_json(anonymous, first["next"].replace("http://testserver", ""))
    assert second["previous"] == "http://testserver/api/v1/projects/?lang=en&limit=2&q=same"
    last = get_json(anonymous, "/api/v1/projects/?q=same&limit=2&offset=4")
    assert last["next"] is None
    seen = slugs(first) + slugs(second) + slugs(last)
    assert sorted(seen) == ["p0", "p1", "p2", "p3", "p4"]  # equal titles: the order still never repeats or skips


def test_a_page_past_the_end_is_empty(anonymous, portal):
    body = get_json(anonymous, "/api/v1/labs/?offset=500")
    assert body["results"] == [] and body["count"] == 2 and body["next"] is None

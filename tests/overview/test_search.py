"""Site search: results grouped by type, in the language shown, never a private record, whatever is typed."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def found(response):
    return {searchable.key: [str(item) for item in items] for searchable, items in response.context["search"].groups}


def test_search_finds_the_two_defect_inspection_projects(client, demo):
    groups = found(client.get("/search/", {"q": "defect"}))
    assert sorted(groups["projects"]) == [
        "Defect inspection on surfaces of reflective freeform objects",
        "Small defect inspection",
    ]


def test_search_groups_results_by_type(client, demo):
    response = client.get("/search/", {"q": "robotics"})
    keys = [searchable.key for searchable, _items in response.context["search"].groups]
    assert "labs" in keys and "focus_areas" in keys
    assert 'id="results-labs"' in response.content.decode()


def test_search_works_in_the_language_shown(client, demo):
    assert "focus_areas" in found(client.get("/zh-hant/search/?q=機械人"))
    assert "organisations" in found(client.get("/zh-hans/search/?q=生产力"))
    # A record with no Chinese text is found by its English, in English.
    assert "Lion X Ventures" in found(client.get("/zh-hant/search/?q=ventures"))["organisations"]


def test_search_never_shows_private_records(client):
    factories.ProjectFactory(title="Quantum widget", is_public=False)
    factories.PersonFactory(name="Quantum Person", is_public=False)
    factories.ProjectFactory(title="Quantum public thing")
    response = client.get("/search/", {"q": "quantum"})
    assert [str(item) for _type, items in response.context["search"].groups for item in items] == [
        "Quantum public thing"
    ]


@pytest.mark.parametrize("q", ["", "   ", "x" * 2000, "'; DROP TABLE labs_jointlab; --", "a & | ! (", "defect:*"])
def test_search_survives_odd_input(client, demo, q):
    response = client.get("/search/", {"q": q})
    assert response.status_code == 200


def test_overlong_search_says_why(client):
    assert "Keep the search under 200 characters." in client.get("/search/", {"q": "x" * 2000}).content.decode()

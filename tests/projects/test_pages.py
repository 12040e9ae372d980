"""The project list and project pages: filters that narrow and combine, sorting, pagination, private projects never
shown, renamed slugs, titles in the language shown, and a number of queries that does not grow with the rows."""

import datetime

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def listed(response):
    return sorted(str(project) for project in response.context["projects"])


def html(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, path
    return response.content.decode()


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
    factories.ProjectFactory(title="Later", start_date=datetime.date(2026, 5, 1))
    factories.ProjectFactory(title="Earlier", start_date=datetime.date(2025, 1, 1))
    assert [p.title for p in client.get("/projects/", {"sort": "start"}).context["projects"]] == ["Earlier", "Later"]
    assert [p.title for p in client.get("/projects/", {"sort": "-start"}).context["projects"]] == ["Later", "Earlier"]


def test_pagination_keeps_the_filters(client):
    lab = factories.JointLabFactory(slug="big-lab")
    factories.ProjectFactory.create_batch(25, lab=lab, status="active")
    page = client.get("/projects/", {"lab": "big-lab", "status": "active"}).content.decode()
    assert 'href="?lab=big-lab&amp;status=active&amp;page=2"' in page
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
def test_bad_filter_values_never_give_a_server_error(client, catalogue, params, status):
    assert client.get("/projects/", params).status_code == status


def test_an_unknown_lab_is_explained_next_to_the_filter(client, catalogue):
    response = client.get("/projects/", {"lab": "no-such-lab"})
    assert "Select a valid choice" in response.content.decode()
    assert listed(response) == []


def test_private_projects_are_never_shown(client):
    project = factories.ProjectFactory(title="Confidential project", is_public=False)
    html(client, project.get_absolute_url(), status=404)
    assert "Confidential project" not in html(client, "/projects/")
    assert "Confidential project" not in html(client, project.lab.get_absolute_url())


def test_project_titles_without_a_translation_show_in_english(client):
    factories.ProjectFactory(title="Small defect inspection")  # written in English only
    assert "Small defect inspection" in html(client, "/zh-hans/projects/")


def rename(obj, new_slug):
    obj.slug = new_slug
    obj.save()


def test_renamed_project_and_its_renamed_lab_keep_old_links_working(client):
    project = factories.ProjectFactory(lab__slug="lab-one", slug="proj-one")
    rename(project, "proj-two")
    assert client.get("/projects/lab-one/proj-one/")["Location"] == "/projects/lab-one/proj-two/"
    rename(project.lab, "lab-two")
    assert client.get("/projects/lab-one/proj-one/")["Location"] == "/projects/lab-two/proj-two/"
    assert client.get("/projects/lab-one/proj-two/")["Location"] == "/projects/lab-two/proj-two/"


def test_list_query_count_does_not_grow_with_rows(client, count_queries):
    lab = factories.JointLabFactory()
    factories.ProjectFactory.create_batch(5, lab=lab)
    five = count_queries(client, "/projects/")
    factories.ProjectFactory.create_batch(15, lab=lab)
    assert count_queries(client, "/projects/") == five

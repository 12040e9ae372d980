"""The people list: filters, hidden people never shown on any page, odd parameters, and a number of queries that
does not grow with the rows."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def html(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, path
    return response.content.decode()


def test_people_filter_by_lab_role_organisation_and_keyword(client):
    lab = factories.JointLabFactory(slug="lab-a")
    org = factories.OrganisationFactory(slug="org-a")
    factories.LabRoleFactory(lab=lab, role="director", person__name="Ada Director", person__organisation=org)
    factories.LabRoleFactory(lab=lab, role="researcher", person__name="Ben Researcher")
    factories.LabRoleFactory(role="director", person__name="Cy Elsewhere")
    factories.LabRoleFactory(lab=lab, role="director", person__name="Hidden Director", person__is_public=False)

    def names(params):
        return sorted(str(person) for person in client.get("/people/", params).context["people"])

    assert names({"lab": "lab-a"}) == ["Ada Director", "Ben Researcher"]
    assert names({"role": "director"}) == ["Ada Director", "Cy Elsewhere"]
    assert names({"lab": "lab-a", "role": "director"}) == ["Ada Director"]
    assert names({"organisation": "org-a"}) == ["Ada Director"]
    assert names({"q": "ben"}) == ["Ben Researcher"]


def test_hidden_people_are_never_shown(client):
    hidden = factories.LabRoleFactory(person__name="Hidden Person", person__is_public=False, role="director")
    html(client, hidden.person.get_absolute_url(), status=404)
    assert "Hidden Person" not in html(client, "/people/")
    assert "Hidden Person" not in html(client, hidden.lab.get_absolute_url())


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
    assert client.get("/people/", params).status_code == status


def test_list_query_count_does_not_grow_with_rows(client, count_queries):
    lab = factories.JointLabFactory()
    factories.LabRoleFactory.create_batch(5, lab=lab)
    five = count_queries(client, "/people/")
    factories.LabRoleFactory.create_batch(15, lab=lab)
    assert count_queries(client, "/people/") == five

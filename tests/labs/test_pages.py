"""The list pages of labs, focus areas and partners: filters, content in the language shown, odd parameters, and a
number of queries that does not grow with the rows."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def listed(response, name):
    return sorted(str(obj) for obj in response.context[name])


@pytest.mark.parametrize(
    ("path", "make_row"),
    [
        ("/labs/", lambda lab: factories.FocusAreaFactory(lab=factories.JointLabFactory())),
        ("/focus-areas/", lambda lab: factories.FocusAreaFactory()),
        ("/partners/", lambda lab: factories.PartnershipFactory(lab=lab)),
    ],
)
def test_list_query_count_does_not_grow_with_rows(client, count_queries, path, make_row):
    lab = factories.JointLabFactory()
    for _ in range(5):
        make_row(lab)
    five = count_queries(client, path)
    for _ in range(15):
        make_row(lab)
    assert count_queries(client, path) == five


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
    assert client.get("/partners/", params).status_code == status


def test_content_shows_in_the_language_of_the_page_with_english_filling_gaps(client, demo):
    traditional = client.get("/zh-hant/labs/").content.decode()
    assert "香港科技大學—香港生產力促進局工業人工智能及機械人聯合研究實驗室" in traditional
    simplified = client.get("/zh-hans/focus-areas/").content.decode()
    assert "工业人工智能" in simplified
    partners = client.get("/zh-hant/partners/").content.decode()
    assert "香港生產力促進局" in partners and "Lion X Ventures" in partners


def test_keyword_filters_work_in_the_language_shown(client, demo):
    response = client.get("/zh-hant/partners/?q=中小企")
    assert [org.slug for org in response.context["organisations"]] == ["hkpc"]

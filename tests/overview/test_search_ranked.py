"""Site search beyond labs and projects: calls (open ones first) and programmes; Chinese cut into words, found in
either script, and ranked."""

import datetime

import pytest
from django.utils import timezone

from tests import factories

pytestmark = pytest.mark.django_db


def found(response):
    return {searchable.key: [str(item) for item in items] for searchable, items in response.context["search"].groups}


def test_internship_finds_the_open_calls_and_the_programme(client, demo):
    groups = found(client.get("/search/", {"q": "internship"}))
    assert "HKUST–HKPC Joint Lab internships" in groups["calls"]
    assert any("Internship Programme" in name for name in groups["programmes"])


def test_open_calls_come_before_closed_ones(client):
    now = timezone.now()
    closed = factories.CallFactory(
        title="Robotics internship 2020",
        is_published=True,
        opens_at=now - datetime.timedelta(days=400),
        closes_at=now - datetime.timedelta(days=300),
    )
    open_call = factories.CallFactory(
        title="Robotics internship", is_published=True, opens_at=now - datetime.timedelta(days=1),
        closes_at=now + datetime.timedelta(days=30),
    )  # fmt: skip
    assert found(client.get("/search/", {"q": "robotics internship"}))["calls"] == [open_call.title, closed.title]


def test_a_traditional_query_finds_simplified_text(client):
    lab = factories.JointLabFactory(name="Plain lab", name_zh_hans="机器人实验室")
    assert found(client.get("/zh-hans/search/", {"q": "機器人實驗室"}))["labs"] == [str(lab)]


def test_a_chinese_query_is_cut_into_words_that_may_be_apart(client):
    lab = factories.JointLabFactory(name="Plain lab", name_zh_hant="工業人工智能及機械人聯合研究實驗室")
    assert found(client.get("/zh-hant/search/", {"q": "工業實驗室"}))["labs"] == [str(lab)]


def test_a_match_in_the_name_ranks_above_a_match_in_the_description(client):
    described = factories.ProjectFactory(title="Second", description_zh_hant="一個關於焊接的項目")
    named = factories.ProjectFactory(title="First", title_zh_hant="焊接機械人")
    assert found(client.get("/zh-hant/search/", {"q": "焊接"}))["projects"] == [str(named), str(described)]


@pytest.mark.parametrize("q", ["😀", "实验室 😀 <b>", "「」，。", "x" * 199])
def test_odd_chinese_and_symbol_queries_do_not_fail(client, demo, q):
    assert client.get("/zh-hant/search/", {"q": q}).status_code == 200


def test_shixi_in_either_script_finds_the_open_internship_call_first(client, demo):
    for q in ("實習", "实习"):
        groups = found(client.get("/zh-hant/search/", {"q": q}))
        assert groups["calls"][0] == "港科大—生產力局聯合實驗室實習"
        assert "實習計劃 (港科大—生產力局聯合實驗室)" in groups["programmes"]

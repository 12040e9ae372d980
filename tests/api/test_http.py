"""The API's HTTP behaviour: language, conditional GET (ETag, Last-Modified, 304), the page cache, GET only, CORS,
the rate limit with its 429, and JSON errors."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.http import parse_http_date

from labs.models import JointLab
from recruitment.models import Call
from tests import factories
from tests.api.conftest import get_json

pytestmark = pytest.mark.django_db


@pytest.fixture
def translated_lab(db):
    return factories.JointLabFactory(
        slug="vision-lab",
        name_en="Vision Lab",
        name_zh_hant="視覺實驗室",
        name_zh_hans="视觉实验室",
        summary_en="Machine vision.",
        summary_zh_hant="",  # no translation: English fills in
    )


def lab_name(client, path="/api/v1/labs/vision-lab/", **headers):
    response = client.get(path, headers=headers)
    assert response.status_code == 200
    return json.loads(response.content)["name"], response


# --- language -----------------------------------------------------------------------------------------------------


def test_the_lang_parameter_chooses_the_language(anonymous, translated_lab):
    assert lab_name(anonymous, "/api/v1/labs/vision-lab/?lang=zh-hant")[0] == "視覺實驗室"
    assert lab_name(anonymous, "/api/v1/labs/vision-lab/?lang=zh-hans")[0] == "视觉实验室"
    name, response = lab_name(anonymous, "/api/v1/labs/vision-lab/?lang=en")
    assert name == "Vision Lab" and response["Content-Language"] == "en"


def test_accept_language_chooses_it_without_the_parameter(anonymous, translated_lab):
    name, response = lab_name(anonymous, accept_language="zh-HK,zh;q=0.9,en;q=0.8")
    assert name == "視覺實驗室" and response["Content-Language"] == "zh-hant"
    assert lab_name(anonymous, accept_language="zh-CN")[0] == "视觉实验室"
    assert lab_name(anonymous, accept_language="fr-FR, de;q=0.5")[0] == "Vision Lab"  # no match: English
    assert lab_name(anonymous, "/api/v1/labs/vision-lab/?lang=en", accept_language="zh-TW")[0] == "Vision Lab"
    assert "Accept-Language" in response["Vary"]


def test_a_missing_translation_falls_back_to_english_and_labels_are_translated(anonymous, translated_lab):
    lab = get_json(anonymous, "/api/v1/labs/vision-lab/?lang=zh-hant")
    assert lab["summary"] == "Machine vision."
    with translation.override("zh-hant"):
        assert lab["status_label"] == str(JointLab.Status.ACTIVE.label) != "Active"
    assert lab["url"] == "http://testserver/zh-hant/labs/vision-lab/"  # the public page in that language


def test_an_unknown_language_is_refused_with_a_clear_error(anonymous, translated_lab):
    body = get_json(anonymous, "/api/v1/labs/?lang=fr", status=400)
    assert body["errors"][0]["parameter"] == "lang"
    assert "en" in body["errors"][0]["message"]


def test_a_language_cookie_of_the_site_does_not_change_the_api(anonymous, translated_lab):
    anonymous.cookies["django_language"] = "zh-hant"
    assert lab_name(anonymous)[0] == "Vision Lab"


# --- conditional GET ----------------------------------------------------------------------------------------------


def test_etag_gives_304_until_the_content_changes(anonymous, translated_lab):
    first = anonymous.get("/api/v1/labs/")
    etag = first["ETag"]
    assert first.status_code == 200 and etag.startswith('"')
    again = anonymous.get("/api/v1/labs/", headers={"if-none-match": etag})
    assert again.status_code == 304 and again.content == b"" and again["ETag"] == etag
    translated_lab.name_en = "Vision Lab renamed"
    translated_lab.save()
    changed = anonymous.get("/api/v1/labs/", headers={"if-none-match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert "Vision Lab renamed" in changed.content.decode()


def test_each_language_has_its_own_etag(anonymous, translated_lab):
    english = anonymous.get("/api/v1/labs/")["ETag"]
    chinese = anonymous.get("/api/v1/labs/?lang=zh-hant")
    assert chinese["ETag"] != english
    assert anonymous.get("/api/v1/labs/?lang=zh-hant", headers={"if-none-match": english}).status_code == 200


def test_last_modified_gives_304_until_the_content_changes(anonymous, translated_lab):
    first = anonymous.get("/api/v1/labs/vision-lab/")
    last_modified = first["Last-Modified"]
    assert anonymous.get("/api/v1/labs/vision-lab/")["Last-Modified"] == last_modified  # unchanged: same date
    unchanged = anonymous.get("/api/v1/labs/vision-lab/", headers={"if-modified-since": last_modified})
    assert unchanged.status_code == 304
    translated_lab.name_en = "Vision Lab renamed"
    translated_lab.save()
    changed = anonymous.get("/api/v1/labs/vision-lab/", headers={"if-modified-since": last_modified})
    assert changed.status_code == 200  # even within the same second as the copy the client holds
    assert parse_http_date(changed["Last-Modified"]) > parse_http_date(last_modified)


def test_a_call_that_closes_changes_the_etag_without_any_edit(anonymous, db):
    call = factories.CallFactory(slug="closing")
    before = anonymous.get("/api/v1/calls/closing/")
    # The clock moves past the deadline: no save, so no signal and no new content version.
    Call.objects.filter(pk=call.pk).update(
        opens_at=call.opens_at.replace(year=1999), closes_at=call.opens_at.replace(year=2000)
    )
    after = anonymous.get("/api/v1/calls/closing/", headers={"if-none-match": before["ETag"]})
    assert after.status_code == 200 and json.loads(after.content)["state"] == "closed"


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300


def test_answers_are_cached_like_the_pages_and_revalidated_from_the_cache(anonymous, translated_lab, page_cache):
    first = anonymous.get("/api/v1/labs/")
    with CaptureQueriesContext(connection) as queries:
        cached = anonymous.get("/api/v1/labs/")
        not_modified = anonymous.get("/api/v1/labs/", headers={"if-none-match": first["ETag"]})
    assert len(queries) == 0
    assert cached.content == first.content and cached["ETag"] == first["ETag"]
    assert not_modified.status_code == 304
    translated_lab.name_en = "Vision Lab renamed"
    translated_lab.save()  # any content change makes every cached answer stale, as for the pages
    assert "Vision Lab renamed" in anonymous.get("/api/v1/labs/").content.decode()


def test_each_language_is_cached_apart(anonymous, translated_lab, page_cache):
    assert lab_name(anonymous)[0] == "Vision Lab"
    assert lab_name(anonymous, accept_language="zh-TW")[0] == "視覺實驗室"
    assert lab_name(anonymous, "/api/v1/labs/vision-lab/?lang=zh-hans")[0] == "视觉实验室"
    assert lab_name(anonymous)[0] == "Vision Lab"


# --- GET only -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_anything_but_get_is_refused_with_405(anonymous, translated_lab, method):
    for path in ["/api/v1/labs/", "/api/v1/labs/vision-lab/", "/api/v1/"]:
        response = getattr(anonymous, method)(path, data="{}", content_type="application/json")
        assert response.status_code == 405, (method, path)
        assert response["Allow"] == "GET, HEAD"
        assert "read-only" in json.loads(response.content)["detail"]


def test_head_answers_like_get_without_a_body(anonymous, translated_lab):
    get = anonymous.get("/api/v1/labs/vision-lab/")
    head = anonymous.head("/api/v1/labs/vision-lab/")
    assert head.status_code == 200 and head.content == b""
    assert head["ETag"] == get["ETag"]


# --- CORS ---------------------------------------------------------------------------------------------------------


def test_any_site_may_read_the_api_from_a_browser(anonymous, translated_lab):
    response = anonymous.get("/api/v1/labs/", headers={"origin": "https://partner.example"})
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    assert "Access-Control-Allow-Credentials" not in response


def test_a_preflight_allows_get_and_the_conditional_headers_only(anonymous, translated_lab):
    response = anonymous.options(
        "/api/v1/labs/",
        headers={
            "origin": "https://partner.example",
            "access-control-request-method": "GET",
            "access-control-request-headers": "if-none-match",
        },
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert "if-none-match" in response["Access-Control-Allow-Headers"]


def test_the_rest_of_the_site_sends_no_cors_header(anonymous, translated_lab):
    for path in ["/labs/", "/open-data/", "/challenges/submit/"]:
        response = anonymous.get(path, headers={"origin": "https://partner.example"})
        assert "Access-Control-Allow-Origin" not in response, path


# --- rate limit ---------------------------------------------------------------------------------------------------


def test_past_the_rate_limit_the_answer_is_429_saying_when_to_come_back(anonymous, translated_lab, settings):
    settings.API_RATE_LIMIT = "3/m"
    for _ in range(3):
        assert anonymous.get("/api/v1/labs/").status_code == 200
    response = anonymous.get("/api/v1/labs/vision-lab/", headers={"origin": "https://partner.example"})
    assert response.status_code == 429
    wait = int(response["Retry-After"])
    assert 1 <= wait <= 60
    body = json.loads(response.content)
    assert body["retry_after"] == wait
    assert f"Try again in {wait} seconds" in body["detail"]
    assert body["retry_at"].endswith("Z")
    assert response["Access-Control-Allow-Origin"] == "*"  # a browser client can read why
    assert "Retry-After" in response["Access-Control-Expose-Headers"]


def test_the_rate_limit_counts_each_client_apart_and_cached_answers_too(translated_lab, settings, page_cache):
    from django.test import Client

    settings.API_RATE_LIMIT = "2/m"
    first, second = Client(REMOTE_ADDR="192.0.2.1"), Client(REMOTE_ADDR="192.0.2.2")
    assert [first.get("/api/v1/labs/").status_code for _ in range(3)] == [200, 200, 429]  # the 2nd was cached
    assert second.get("/api/v1/labs/").status_code == 200


def test_the_429_speaks_the_language_asked(anonymous, translated_lab, settings):
    settings.API_RATE_LIMIT = "1/m"
    anonymous.get("/api/v1/labs/")
    response = anonymous.get("/api/v1/labs/?lang=zh-hant")
    assert response.status_code == 429 and response["Content-Language"] == "zh-hant"


# --- errors -------------------------------------------------------------------------------------------------------


def test_an_unknown_address_gets_a_json_404(anonymous, db):
    body = get_json(anonymous, "/api/v1/nothing-here/", status=404)
    assert "documentation" in body["detail"]
    assert get_json(anonymous, "/api/v1/labs/no-such-lab/", status=404)["detail"] == "There is no lab at this address."


@pytest.mark.parametrize(
    "query, parameter",
    [
        ("limit=0", "limit"),
        ("limit=101", "limit"),
        ("limit=ten", "limit"),
        ("offset=-1", "offset"),
        ("status=finished", "status"),
        ("lab=not%20a%20slug", "lab"),
        ("focus_area=only-one-part", "focus_area"),
        ("sort=budget", "sort"),
        ("q=" + "x" * 201, "q"),
    ],
)
def test_bad_parameters_get_a_400_naming_them(anonymous, db, query, parameter):
    body = get_json(anonymous, f"/api/v1/projects/?{query}", status=400)
    assert body["detail"] == "Some parameters are not valid; see errors."
    assert [error["parameter"] for error in body["errors"]] == [parameter]


def test_a_nul_character_gets_a_json_400(anonymous, db):
    response = anonymous.get("/api/v1/projects/?q=a%00b")
    assert response.status_code == 400 and response["Content-Type"] == "application/json"
    assert json.loads(response.content)["errors"] == []

"""The OpenAPI 3 schema generated from the code: valid, complete, and describing what the API actually does."""

import json

import pytest
from django.conf import settings
from django.test import Client
from openapi_spec_validator import validate

from api.common import LanguageCode

pytestmark = pytest.mark.django_db

ENDPOINTS = {
    "/api/v1/",
    "/api/v1/labs/",
    "/api/v1/labs/{slug}/",
    "/api/v1/focus-areas/",
    "/api/v1/focus-areas/{lab}/{slug}/",
    "/api/v1/projects/",
    "/api/v1/projects/{lab}/{slug}/",
    "/api/v1/people/",
    "/api/v1/people/{slug}/",
    "/api/v1/organisations/",
    "/api/v1/organisations/{slug}/",
    "/api/v1/programmes/",
    "/api/v1/programmes/{lab}/{slug}/",
    "/api/v1/calls/",
    "/api/v1/calls/{slug}/",
}
LISTS = {path for path in ENDPOINTS if path.count("/") == 4 and path != "/api/v1/"}
DETAILS = ENDPOINTS - LISTS - {"/api/v1/"}


@pytest.fixture
def schema():
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    return json.loads(response.content)


def test_the_schema_is_valid_openapi_3(schema):
    assert schema["openapi"].startswith("3.")
    validate(schema)


def test_every_endpoint_is_in_the_schema_and_answers_get_only(schema):
    assert set(schema["paths"]) == ENDPOINTS
    assert {method for operations in schema["paths"].values() for method in operations} == {"get"}


def parameters(schema, path):
    return {parameter["name"]: parameter for parameter in schema["paths"][path]["get"]["parameters"]}


def test_every_operation_takes_the_language_and_documents_its_errors(schema):
    for path in ENDPOINTS:
        operation = schema["paths"][path]["get"]
        assert parameters(schema, path)["lang"]["schema"]["anyOf"][0]["enum"] == ["en", "zh-hant", "zh-hans"], path
        assert {"200", "400", "429"} <= set(operation["responses"]), path
        assert "ETag" in operation["responses"]["200"]["headers"], path
        assert "Retry-After" in operation["responses"]["429"]["headers"], path


def test_lists_are_paged_and_details_answer_404(schema):
    for path in LISTS:
        names = parameters(schema, path)
        assert names["limit"]["schema"]["maximum"] == 100, path
        assert {"offset", "q"} <= set(names), path
        assert "304" in schema["paths"][path]["get"]["responses"], path
    for path in DETAILS:
        assert "404" in schema["paths"][path]["get"]["responses"], path


def test_lists_take_the_filters_of_the_public_lists(schema):
    assert {"lab", "focus_area", "status", "partner", "sort", "q"} <= set(parameters(schema, "/api/v1/projects/"))
    assert {"lab", "role", "organisation", "q"} <= set(parameters(schema, "/api/v1/people/"))
    assert {"lab", "kind", "q"} <= set(parameters(schema, "/api/v1/organisations/"))
    assert {"state", "lab", "kind", "q"} <= set(parameters(schema, "/api/v1/calls/"))
    assert parameters(schema, "/api/v1/calls/")["state"]["schema"]["anyOf"][0]["enum"] == ["upcoming", "open", "closed"]


def test_the_schema_language_codes_are_the_sites():
    assert list(LanguageCode.__args__) == [code for code, _name in settings.LANGUAGES]


def test_the_schema_names_no_private_field(schema):
    text = json.dumps(schema["components"])
    for field in (
        "inbox_email",
        "internal_notes",
        "is_public",
        "is_published",
        "status_token",
        "blind_review",
        "phone",
    ):
        assert field not in text, field

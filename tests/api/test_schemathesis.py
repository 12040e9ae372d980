"""Schemathesis against the live schema, in process (WSGI: no network): every operation, every phase pytest runs
(explicit examples, coverage of edge and invalid values and undeclared methods, random fuzzing) and every
built-in check, on data that includes hidden and unpublished records. Bounded so the whole run stays short."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import CHECKS, load_all_checks
from schemathesis.config import SchemathesisConfig

CONFIG = {
    "seed": 2026,
    # Enough random cases per operation to cover each parameter; the coverage phase adds the boundary cases.
    "generation": {"max-examples": 25, "database": "none", "mode": "all"},
    "checks": {"enabled": True},
}

# Loaded while the tests are collected (the schema needs no database). Schemathesis' lazy loader, which would wait
# for a fixture, does not work with pytest 9 (it sets a node attribute pytest no longer has).
schema = schemathesis.openapi.from_wsgi(
    "/api/v1/openapi.json", get_wsgi_application(), config=SchemathesisConfig.from_dict(CONFIG)
)
load_all_checks()
ALL_CHECKS = list(CHECKS.get_all())


@pytest.fixture
def connection_kept_open():
    """The WSGI handler closes the database connection when a request ends; Django's test client stops that, a
    WSGI call from schemathesis does not. On PostgreSQL that would close the test's transaction under it."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def generous_rate_limit(settings):
    settings.API_RATE_LIMIT = "1000000/m"  # thousands of requests in a few seconds are the point here


@schema.parametrize()
# The data is read-only for the API, so one portal serves every generated request.
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
def test_every_operation_keeps_to_the_schema(case, portal, generous_rate_limit, connection_kept_open):
    # Uncompressed: the WSGI transport hands schemathesis the raw body, which it does not gunzip (a client over HTTP
    # does; tests/api/test_http.py covers compressed answers).
    case.call_and_validate(headers={"Accept-Encoding": "identity"}, checks=ALL_CHECKS)

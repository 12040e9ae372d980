"""The apply form's limits count accepted applications; every post still counts towards the attempt ceiling that
protects the file checks."""

import pytest

from recruitment.models import Application
from tests import factories
from tests.recruitment.test_applications import apply_url, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def call():
    return factories.CallFactory(slug="internships-2027", statement_word_limit=50)


def test_the_third_accepted_application_in_the_window_comes_back_with_what_was_typed(client, call, settings):
    settings.APPLICATION_RATE_LIMIT = "2/h"
    for n in range(2):
        client.post(apply_url(call), form_data(email=f"student{n}@student.example"))
    refused = client.post(apply_url(call), form_data(email="late@student.example"))
    assert "Nothing you typed is lost" in refused.content.decode()
    assert 'value="late@student.example"' in refused.content.decode()
    assert Application.objects.count() == 2


def test_every_apply_post_counts_towards_the_attempt_ceiling_before_its_files_are_read(client, call, settings):
    settings.FORM_ATTEMPT_RATE_LIMIT = "2/h"
    statuses = [client.post(apply_url(call), form_data(email="wrong")).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]

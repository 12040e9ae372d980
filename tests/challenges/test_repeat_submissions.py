"""Challenge requests have no one-per-address rule, so nothing about an earlier request shows: a second request
from the same address costs the same work as the first and is stored like it."""

import pytest

from challenges.models import ChallengeRequest
from tests.files import pdf

pytestmark = pytest.mark.django_db


def test_a_repeat_request_from_the_same_address_costs_the_same_work(client, challenge_data, submission_cost):
    client.post("/challenges/submit/", challenge_data(email="first@plating.example"))  # the year's first reference
    first, first_cost = submission_cost(client, "/challenges/submit/", challenge_data(attachments=[pdf()]))
    again, again_cost = submission_cost(client, "/challenges/submit/", challenge_data(attachments=[pdf()]))
    assert first.status_code == again.status_code == 302
    assert again_cost == first_cost and first_cost["files stored"] == 1
    assert ChallengeRequest.objects.filter(email="alex@plating.example").count() == 2

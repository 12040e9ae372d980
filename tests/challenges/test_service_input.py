"""The challenge services refuse input the form would refuse, whoever calls them (a command, the admin, a script)."""

import pytest
from django.core.exceptions import ValidationError

from challenges.models import ChallengeRequest
from challenges.services import challenge_submit
from portal.models import OutboxEmail, StatusChange

pytestmark = pytest.mark.django_db


def fields(**overrides):
    data = {
        "organisation_name": "Fictional Plating Works Ltd",
        "organisation_size": "10-49",
        "sector": "manufacturing",
        "contact_name": "Alex Example",
        "job_title": "Quality manager",
        "email": "alex@plating.example",
        "title": "Scratches on chrome-plated parts",
        "problem_statement": "Fine scratches that inspectors miss.",
        "desired_outcome": "Find every scratch before shipping.",
        "budget_range": "undecided",
        "timeline": "flexible",
        "confidentiality": "confidential",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    ("field", "value"),
    [("sector", "not-a-sector"), ("email", "not-an-address"), ("title", ""), ("organisation_name", "x" * 201)],
)
def test_a_submission_with_a_bad_field_is_refused_and_nothing_is_kept(field, value):
    with pytest.raises(ValidationError) as refusal:
        challenge_submit(fields=fields(**{field: value}), focus_areas=[], attachments=[], language="en")
    assert field in refusal.value.message_dict
    assert not ChallengeRequest.objects.exists()
    assert not OutboxEmail.objects.exists()
    assert not StatusChange.objects.exists()


def test_a_valid_submission_gets_a_reference_a_history_row_and_two_emails():
    challenge = challenge_submit(fields=fields(), focus_areas=[], attachments=[], language="en")
    assert challenge.reference.startswith("CH-")
    assert StatusChange.objects.filter(object_id=challenge.pk, to_status="submitted").count() == 1
    assert OutboxEmail.objects.count() == 2

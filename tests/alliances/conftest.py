import pytest

from labs.models import Programme
from tests import factories


@pytest.fixture
def alliance(db):
    """An alliance programme of the lab "centre", whose page takes applications."""
    page = factories.AlliancePageFactory(
        programme__lab__slug="centre",
        programme__lab__name="Example Centre",
        programme__lab__inbox_email="centre-inbox@example.org",
        programme__slug="industry-alliance",
        programme__name="Industry Alliance",
        programme__kind=Programme.Kind.INDUSTRY_RESEARCH_ALLIANCE,
    )
    return page.programme


@pytest.fixture
def apply_url(alliance):
    return f"/alliances/{alliance.lab.slug}/{alliance.slug}/apply/"


@pytest.fixture
def membership_data():
    """membership_data(**overrides): a valid post of the membership form; an override of None leaves it out."""

    def data(**overrides):
        fields = {
            "organisation_name": "Fictional Sensors Ltd",
            "organisation_kind": "enterprise",
            "organisation_size": "10-49",
            "website": "https://sensors.example",
            "contact_name": "Alex Example",
            "role": "Head of partnerships",
            "email": "alex@sensors.example",
            "phone": "",
            "offer": "Tactile sensors and a test line.",
            "seek": "Research on grasping soft parts.",
            "consent": "on",
            "homepage": "",
        }
        fields.update(overrides)
        return {key: value for key, value in fields.items() if value is not None}

    return data

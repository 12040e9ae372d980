"""The privacy notice tells submitters what is kept, why, who sees it, for how long and whom to ask."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_privacy_notice_says_what_why_how_long_and_whom_to_ask(client, settings):
    settings.PRIVACY_CONTACT_EMAIL = "dpo@example.org"
    html = client.get("/privacy/").content.decode()
    for heading in ["What we keep", "Why", "Who sees it", "How long", "whom to ask"]:
        assert heading in html
    assert "mailto:dpo@example.org" in html
    assert 'href="/privacy/"' in client.get("/challenges/submit/").content.decode()


def test_the_privacy_notice_states_the_retention_settings(client, settings):
    settings.APPLICATION_RETENTION_DAYS, settings.CHALLENGE_RETENTION_DAYS = 123, 456
    html = client.get("/privacy/").content.decode()
    assert "erased 123 days after the call closes" in html
    assert "erased 456 days after the request reaches a final decision" in html

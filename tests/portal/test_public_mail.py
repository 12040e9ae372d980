"""E-mail that public forms cause to addresses their visitors type: capped per submission and per recipient, with
nothing a visitor typed in a subject, and subjects and text bodies rendered as text (no HTML entities)."""

import pytest
from django.core import mail

from challenges.models import ChallengeRequest
from portal.models import OutboxEmail
from portal.outbox import outbox_retry
from recruitment.models import Application
from tests import factories
from tests.files import pdf

pytestmark = pytest.mark.django_db

TYPED = "Zq7Typed"  # put into every free-text field a visitor fills in
STAFF_TITLE = 'R&D "Vision" <Lab>'  # a call title staff wrote, with the characters HTML escapes


@pytest.fixture
def call():
    return factories.CallFactory(
        slug="vision-2027",
        title=STAFF_TITLE,
        title_zh_hant='研發 & "視覺"',
        title_zh_hans='研发 & "视觉"',
        statement_word_limit=200,
    )


def application_data(**overrides):
    data = {
        "name": f"{TYPED} Chan & Co",
        "email": "taiman@student.example",
        "phone": "+852 5555 0000",
        "university": f"{TYPED} University",
        "degree_programme": f"{TYPED} BEng",
        "year_of_study": f"{TYPED} Year 3",
        "research_interests": f"{TYPED} vision",
        "personal_statement": f"{TYPED} I want to build inspection systems.",
        "referee1_name": f"{TYPED} Dr One",
        "referee1_email": "one@uni.example",
        "referee1_institution": f"{TYPED} Institute",
        "referee2_name": f"{TYPED} Dr Two",
        "referee2_email": "two@uni.example",
        "referee2_institution": f"{TYPED} Institute",
        "consent": "on",
        "website": "",
        "cv": pdf("cv.pdf"),
    }
    data.update(overrides)
    return data


def typed_challenge(challenge_data, **overrides):
    free_text = ["organisation_name", "contact_name", "job_title", "title", "problem_statement", "desired_outcome"]
    return challenge_data(**{field: f'{TYPED} "{field}" & co' for field in free_text}, **overrides)


PREFIXES = {"en": "", "zh-hant": "/zh-hant", "zh-hans": "/zh-hans"}


@pytest.mark.parametrize("language", PREFIXES)
def test_nothing_a_visitor_typed_reaches_a_subject(
    client, call, challenge_data, language, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"{PREFIXES[language]}/calls/{call.slug}/apply/", application_data()).status_code == 200
        assert (
            client.post(f"{PREFIXES[language]}/challenges/submit/", typed_challenge(challenge_data)).status_code == 302
        )
    assert len(mail.outbox) == 6  # student, two referees, staff; enterprise, staff
    assert all(TYPED not in message.subject for message in mail.outbox), [m.subject for m in mail.outbox]
    assert any(TYPED in message.body for message in mail.outbox)  # the bodies still say who and what


@pytest.mark.parametrize(
    ("language", "title"), [("en", STAFF_TITLE), ("zh-hant", '研發 & "視覺"'), ("zh-hans", '研发 & "视觉"')]
)
def test_subjects_and_text_bodies_are_text_and_html_bodies_are_escaped(
    client, call, language, title, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{PREFIXES[language]}/calls/{call.slug}/apply/", application_data())
    application = Application.objects.get()
    by_address = {message.to[0]: message for message in mail.outbox}
    staff, referee = by_address["joint-labs@localhost"], by_address["one@uni.example"]
    assert title in staff.subject and title in referee.subject
    assert application.reference in staff.subject
    for message in mail.outbox:
        assert not any(entity in message.subject + message.body for entity in ("&amp;", "&quot;", "&lt;", "&#")), (
            message.subject
        )
        [(html_body, _type)] = message.alternatives
        assert "&amp;" in html_body and f"{TYPED} Chan & Co" not in html_body  # HTML stays HTML
    assert f"{TYPED} Chan & Co" in referee.body and title in referee.body


def test_one_submission_emails_at_most_the_configured_number_of_typed_addresses(
    client, call, settings, django_capture_on_commit_callbacks
):
    settings.PUBLIC_EMAILS_PER_SUBMISSION = 2
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/calls/{call.slug}/apply/", application_data())
    assert sorted(message.to[0] for message in mail.outbox) == [
        "joint-labs@localhost",  # staff's own inbox is not a typed address
        "one@uni.example",
        "taiman@student.example",
    ]
    held = OutboxEmail.objects.get(to="two@uni.example")
    assert held.status == "failed" and held.attempts == 0
    assert held.last_error == "Not sent: one public submission may e-mail at most 2 addresses."
    # Kept, not lost: staff can still send it.
    assert outbox_retry(emails=OutboxEmail.objects.filter(pk=held.pk)) == 1
    assert mail.outbox[-1].to == ["two@uni.example"]


def test_an_address_gets_at_most_the_configured_rate_of_mail_from_public_forms(
    client, challenge_data, settings, django_capture_on_commit_callbacks
):
    settings.PUBLIC_EMAILS_PER_RECIPIENT = "2/d"
    with django_capture_on_commit_callbacks(execute=True):
        for email in ["victim@example.org", "Victim@Example.org", "victim@example.org"]:
            assert client.post("/challenges/submit/", challenge_data(email=email)).status_code == 302
    assert ChallengeRequest.objects.count() == 3  # every request is kept
    sent_to = [message.to[0].lower() for message in mail.outbox]
    assert sent_to.count("victim@example.org") == 2
    assert sent_to.count("joint-labs@localhost") == 3  # staff hear of each one
    held = OutboxEmail.objects.get(status="failed")
    assert held.last_error == "Not sent: public forms may e-mail one address at most 2/d (per s, m, h or d)."


def test_referees_named_in_many_applications_are_capped_too(settings, django_capture_on_commit_callbacks):
    settings.PUBLIC_EMAILS_PER_RECIPIENT = "2/d"
    referee = {"order": 1, "name": "Dr One", "email": "busy.referee@uni.example", "institution": "U"}
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(3):
            factories.ApplicationFactory(referees=[referee])
    assert [message.to for message in mail.outbox].count(["busy.referee@uni.example"]) == 2
    assert OutboxEmail.objects.filter(to="busy.referee@uni.example", status="failed").count() == 1


def test_staff_mail_is_never_capped(settings, django_capture_on_commit_callbacks):
    settings.PUBLIC_EMAILS_PER_RECIPIENT = "1/d"
    settings.PUBLIC_EMAILS_PER_SUBMISSION = 1
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(3):
            factories.ApplicationFactory()
    assert [message.to for message in mail.outbox].count(["joint-labs@localhost"]) == 3
    assert not OutboxEmail.objects.filter(status="failed")

"""The organisation's side: applying to join an alliance, what is stored and what is sent, and every way an
application is refused (with what it says)."""

import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import gettext

from alliances.models import MembershipApplication
from alliances.services import (
    AllianceNotAccepting,
    DuplicateMembershipApplication,
    membership_submit,
    membership_transition,
)
from labs.models import JointLab, Programme
from portal.models import OutboxEmail, StatusChange
from tests import factories

pytestmark = pytest.mark.django_db

REQUIRED = [
    "organisation_name",
    "organisation_kind",
    "organisation_size",
    "contact_name",
    "role",
    "email",
    "offer",
    "seek",
    "consent",
]


def nothing_stored():
    return not (MembershipApplication.objects.exists() or OutboxEmail.objects.exists() or StatusChange.objects.exists())


def service_fields(**overrides):
    fields = {
        "organisation_name": "Fictional Sensors Ltd",
        "organisation_kind": "enterprise",
        "organisation_size": "10-49",
        "website": "",
        "contact_name": "Alex Example",
        "role": "Head of partnerships",
        "email": "alex@sensors.example",
        "phone": "",
        "offer": "Sensors.",
        "seek": "Research.",
    }
    fields.update(overrides)
    return fields


def test_a_valid_application_is_stored_with_a_reference_and_two_emails(
    client, alliance, apply_url, membership_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(apply_url, membership_data())
    application = MembershipApplication.objects.get()
    assert response.status_code == 200
    assert "We have e-mailed alex@sensors.example" in response.content.decode()
    assert re.fullmatch(rf"AL-{timezone.localdate().year}-00001", application.reference)
    assert (application.status, application.programme, application.language) == ("submitted", alliance, "en")
    assert application.consented_at is not None and application.website == "https://sensors.example"
    assert [change.to_status for change in StatusChange.objects.all()] == ["submitted"]

    acknowledgement, notification = sorted(mail.outbox, key=lambda message: message.to != ["alex@sensors.example"])
    assert (
        acknowledgement.subject
        == f"We received your application to join the Industry Alliance ({application.reference})"
    )
    assert f"http://127.0.0.1:8000/alliances/status/{application.status_token}/" in acknowledgement.body
    assert notification.to == ["centre-inbox@example.org"]
    assert notification.subject.startswith(f"New membership application {application.reference}: Fictional Sensors")
    assert f"/admin/alliances/membershipapplication/{application.pk}/change/" in notification.body
    assert application.status_token not in notification.body  # staff get the admin link, not the applicant's


def test_without_a_lab_inbox_the_portal_inbox_is_told(
    client, alliance, apply_url, membership_data, settings, django_capture_on_commit_callbacks
):
    settings.PORTAL_INBOX_EMAIL = "portal-inbox@example.org"
    JointLab.objects.filter(pk=alliance.lab_id).update(inbox_email="")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(apply_url, membership_data())
    assert ["portal-inbox@example.org"] in [message.to for message in mail.outbox]


def test_a_website_without_a_scheme_is_taken_as_https(client, apply_url, membership_data):
    client.post(apply_url, membership_data(website="sensors.example"))
    assert MembershipApplication.objects.get().website == "https://sensors.example"


@pytest.mark.parametrize("field", REQUIRED)
def test_each_required_field_is_explained_and_nothing_is_stored(client, apply_url, membership_data, field):
    response = client.post(apply_url, membership_data(**{field: None}))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert 'class="alert alert-danger error-summary"' in response.content.decode()
    assert nothing_stored()


def test_missing_consent_says_why_it_is_needed(client, apply_url, membership_data):
    response = client.post(apply_url, membership_data(consent=None))
    assert response.context["form"].errors["consent"] == [
        "Please agree to the privacy notice so that we can keep your application."
    ]
    assert 'href="/privacy/"' in response.content.decode()
    assert nothing_stored()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("email", "not-an-address", "Enter an e-mail address like name@company.com."),
        ("website", "http://", "Enter a web address like https://www.example.com."),
        ("organisation_kind", "government", "Select a valid choice. government is not one of the available choices."),
        ("organisation_size", "huge", "Select a valid choice. huge is not one of the available choices."),
        ("offer", "x" * 3001, "Ensure this value has at most 3000 characters (it has 3001)."),
        ("organisation_name", "x" * 201, "Ensure this value has at most 200 characters (it has 201)."),
    ],
)
def test_bad_input_is_explained_and_nothing_is_stored(client, apply_url, membership_data, field, value, message):
    response = client.post(apply_url, membership_data(**{field: value}))
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert nothing_stored()


def test_a_filled_honeypot_stores_and_sends_nothing(
    client, apply_url, membership_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(apply_url, membership_data(homepage="http://spam.example"))
    assert response.status_code == 200
    assert "We could not accept this submission" in response.content.decode()
    assert nothing_stored() and mail.outbox == []


def test_the_sixth_post_in_the_window_gets_429(client, apply_url, membership_data, settings):
    settings.ALLIANCE_RATE_LIMIT = "5/h"
    statuses = [client.post(apply_url, membership_data(email=f"n{n}@sensors.example")).status_code for n in range(6)]
    assert statuses == [200] * 5 + [429]
    assert MembershipApplication.objects.count() == 5
    blocked = client.post(apply_url, membership_data(email="late@sensors.example"))
    assert "Too many submissions" in blocked.content.decode()
    assert int(blocked["Retry-After"]) > 0


def test_the_rate_limit_is_per_client_address(client, apply_url, membership_data, settings):
    settings.ALLIANCE_RATE_LIMIT = "1/h"
    assert client.post(apply_url, membership_data(email="a@x.example"), REMOTE_ADDR="10.0.0.1").status_code == 200
    assert client.post(apply_url, membership_data(email="b@x.example"), REMOTE_ADDR="10.0.0.1").status_code == 429
    assert client.post(apply_url, membership_data(email="c@x.example"), REMOTE_ADDR="10.0.0.2").status_code == 200


def test_csrf_is_required(apply_url, membership_data):
    assert Client(enforce_csrf_checks=True).post(apply_url, membership_data()).status_code == 403
    assert nothing_stored()


# --- which alliances take applications ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/alliances/centre/no-such-alliance/apply/",
        "/alliances/no-such-lab/industry-alliance/apply/",
        "/alliances/other-lab/industry-alliance/apply/",  # the same slug in another lab is another programme
    ],
)
def test_an_unknown_alliance_is_not_found(client, alliance, membership_data, path):
    factories.JointLabFactory(slug="other-lab")
    assert client.get(path).status_code == 404
    assert client.post(path, membership_data()).status_code == 404
    assert nothing_stored()


def test_a_programme_that_is_not_an_alliance_takes_no_membership_applications(client, membership_data):
    internship = factories.ProgrammeFactory(lab__slug="centre", slug="interns", kind=Programme.Kind.INTERNSHIP)
    factories.AlliancePageFactory(programme=internship)  # even with a page
    assert client.post("/alliances/centre/interns/apply/", membership_data()).status_code == 404
    with pytest.raises(AllianceNotAccepting):
        membership_submit(programme=internship, fields=service_fields(), language="en")
    assert nothing_stored()


def test_a_closed_alliance_says_so_and_stores_nothing(client, alliance, apply_url, membership_data):
    alliance.alliance_page.accepting_applications = False
    alliance.alliance_page.save()
    page = client.get(apply_url)
    assert page.status_code == 410
    assert "not taking applications through the portal at the moment" in page.content.decode()
    posted = client.post(apply_url, membership_data())
    assert posted.status_code == 410 and "nothing you sent was stored" in posted.content.decode()
    assert nothing_stored()


def test_an_alliance_without_a_membership_page_takes_no_applications(client, membership_data):
    factories.ProgrammeFactory(lab__slug="centre", slug="capital", kind=Programme.Kind.CAPITAL_ALLIANCE)
    assert client.post("/alliances/centre/capital/apply/", membership_data()).status_code == 410
    assert nothing_stored()


def test_the_service_checks_again_at_the_moment_of_saving(alliance):
    """Closed while the form was being filled in: the service, not only the page, refuses."""
    alliance.alliance_page.accepting_applications = False
    alliance.alliance_page.save()
    with pytest.raises(AllianceNotAccepting):
        membership_submit(programme=alliance, fields=service_fields(), language="en")
    assert nothing_stored()


# --- one open application per address and alliance --------------------------------------------------------------


def test_a_second_application_from_the_same_address_in_any_case_only_resends_the_link(
    client, alliance, apply_url, membership_data, django_capture_on_commit_callbacks
):
    client.post(apply_url, membership_data())
    first = MembershipApplication.objects.get()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(apply_url, membership_data(email="ALEX@Sensors.Example", organisation_name="Other name"))
    assert MembershipApplication.objects.count() == 1
    # The page reads the same as for a new application: nothing to learn about someone else's address.
    assert again.status_code == 200 and "Check your e-mail" in again.content.decode()
    [reminder] = mail.outbox
    assert reminder.to == ["alex@sensors.example"]  # the address of the existing application
    assert reminder.subject == f"Your existing membership application {first.reference}"
    assert first.get_status_url() in reminder.body


def test_the_same_address_may_apply_to_another_alliance(alliance):
    other = factories.AlliancePageFactory(programme__lab=alliance.lab, programme__slug="capital").programme
    membership_submit(programme=alliance, fields=service_fields(), language="en")
    membership_submit(programme=other, fields=service_fields(), language="en")
    assert MembershipApplication.objects.count() == 2


@pytest.mark.parametrize("decision", ["withdrawn", "declined"])
def test_after_a_decision_the_address_may_apply_again(alliance, superuser, decision):
    first = membership_submit(programme=alliance, fields=service_fields(), language="en")
    if decision == "declined":
        membership_transition(application=first, to="under_review", by=superuser)
    membership_transition(application=first, to=decision, by=superuser)
    second = membership_submit(programme=alliance, fields=service_fields(email="Alex@Sensors.example"), language="en")
    assert second.reference != first.reference and second.status == "submitted"


def test_the_service_refuses_a_duplicate_keeps_nothing_new_and_sends_the_existing_link(alliance):
    first = membership_submit(programme=alliance, fields=service_fields(), language="en")
    with pytest.raises(DuplicateMembershipApplication) as refusal:
        membership_submit(programme=alliance, fields=service_fields(email="ALEX@SENSORS.EXAMPLE"), language="en")
    assert refusal.value.existing == first
    assert MembershipApplication.objects.count() == 1
    assert StatusChange.objects.count() == 1  # the rehearsal of the duplicate left no trace
    assert [email.subject for email in OutboxEmail.objects.order_by("pk")][2:] == [
        f"Your existing membership application {first.reference}"
    ]
    second = membership_submit(programme=alliance, fields=service_fields(email="new@sensors.example"), language="en")
    assert int(second.reference[-5:]) == int(first.reference[-5:]) + 1  # the rehearsal took no number


def test_the_database_keeps_one_open_application_per_address_even_past_the_service(alliance):
    """Two simultaneous submissions both pass the service's check; the constraint stops the second."""
    first = membership_submit(programme=alliance, fields=service_fields(), language="en")
    copy = MembershipApplication(
        **service_fields(email="Alex@SENSORS.example"),
        programme=alliance,
        reference="AL-2026-99999",
        consented_at=timezone.now(),
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        copy.save()
    MembershipApplication.objects.filter(pk=first.pk).update(status="declined")
    copy.save()  # once the first is decided, a new one is allowed


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("organisation_kind", "government"),
        ("email", "not-an-address"),
        ("offer", ""),
        ("website", "javascript:alert(1)"),
    ],
)
def test_the_service_refuses_what_the_form_would_refuse(alliance, field, value):
    with pytest.raises(ValidationError) as refusal:
        membership_submit(programme=alliance, fields=service_fields(**{field: value}), language="en")
    assert field in refusal.value.message_dict
    assert nothing_stored()


# --- what is shown and sent --------------------------------------------------------------------------------------

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_hostile_text_is_shown_as_text_everywhere(admin_client, apply_url, membership_data):
    admin_client.post(apply_url, membership_data(organisation_name=HOSTILE, contact_name=HOSTILE, offer=HOSTILE))
    application = MembershipApplication.objects.get()
    status_page = Client().get(application.get_status_url()).content.decode()
    admin_page = admin_client.get(f"/admin/alliances/membershipapplication/{application.pk}/change/").content.decode()
    staff_html = OutboxEmail.objects.get(to="centre-inbox@example.org").body_html
    for html in (status_page, admin_page, staff_html):
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "&lt;script&gt;alert" in html


ALLIANCE_NAMES = {"en": "Industry Alliance", "zh-hant": "產業聯盟", "zh-hans": "产业联盟"}


@pytest.mark.parametrize(("prefix", "language"), [("", "en"), ("/zh-hant", "zh-hant"), ("/zh-hans", "zh-hans")])
def test_the_acknowledgement_goes_out_in_the_language_of_the_form(
    client, alliance, apply_url, membership_data, django_capture_on_commit_callbacks, prefix, language
):
    alliance.name_zh_hant, alliance.name_zh_hans = ALLIANCE_NAMES["zh-hant"], ALLIANCE_NAMES["zh-hans"]
    alliance.save()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(prefix + apply_url, membership_data(contact_name="陳大文"))
    application = MembershipApplication.objects.get()
    assert application.language == language
    [acknowledgement] = [message for message in mail.outbox if message.to == ["alex@sensors.example"]]
    with translation.override(language):
        subject = gettext("We received your application to join the %(alliance)s (%(reference)s)") % {
            "alliance": ALLIANCE_NAMES[language],
            "reference": application.reference,
        }
    assert acknowledgement.subject == subject
    assert f"http://127.0.0.1:8000{prefix}/alliances/status/{application.status_token}/" in acknowledgement.body
    others = [name for code, name in ALLIANCE_NAMES.items() if code != language]
    assert not [name for name in others if name in acknowledgement.subject + acknowledgement.body]
    # Staff read theirs in the admin's language, whatever the applicant's.
    [notification] = [message for message in mail.outbox if message.to == ["centre-inbox@example.org"]]
    assert notification.subject.startswith("New membership application") and "Industry Alliance" in notification.subject

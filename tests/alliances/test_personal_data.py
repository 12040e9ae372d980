"""An applicant's contact details: erased when their retention ends, downloadable by their owner until then, never
kept in a cache, and never written to a log or offered to search engines through the private link."""

import datetime
import json
import logging

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from alliances.models import MembershipApplication
from alliances.services import membership_approve, membership_transition
from portal.logging import RedactPrivateLinks, redact
from tests import factories

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def test_contact_details_are_erased_after_a_final_status(settings, superuser, capsys):
    settings.ALLIANCE_RETENTION_DAYS = 10
    declined = factories.MembershipApplicationFactory(
        status="under_review", contact_name="Pat", role="CEO", phone="+852 1234 5678", email="pat@firm.example"
    )
    old_link = declined.get_status_url()
    approved = factories.MembershipApplicationFactory(status="under_review", contact_name="Sam")
    still_open = factories.MembershipApplicationFactory(status="under_review", contact_name="Still open")
    recent = factories.MembershipApplicationFactory(status="under_review", contact_name="Recent")
    membership_transition(application=declined, to="declined", by=superuser)
    partnership = membership_approve(application=approved, by=superuser)
    membership_transition(application=recent, to="declined", by=superuser)
    MembershipApplication.objects.filter(pk__in=[declined.pk, approved.pk]).update(
        finalised_at=timezone.now() - 11 * DAY
    )
    call_command("purge_expired")
    assert "2 membership application(s)" in capsys.readouterr().out

    declined.refresh_from_db()
    assert (declined.contact_name, declined.role, declined.phone) == ("", "", "")
    assert declined.email == f"{declined.reference.lower()}@erased.invalid" and declined.purged_at is not None
    assert declined.organisation_name and declined.offer  # what the organisation said stays for staff
    assert not declined.history.exclude(contact_name="").exists()  # the audit trail does not keep the details
    assert Client().get(old_link).status_code == 404  # the e-mailed link stops working
    approved.refresh_from_db()
    assert approved.contact_name == "" and approved.partnership == partnership  # still a member
    for untouched, name in ((still_open, "Still open"), (recent, "Recent")):
        untouched.refresh_from_db()
        assert untouched.contact_name == name and untouched.purged_at is None


def test_an_applicant_downloads_what_the_portal_holds(client, superuser):
    application = factories.MembershipApplicationFactory(contact_name="Pat", internal_notes="Do not tell them")
    membership_transition(application=application, to="under_review", by=superuser, note="Staff remark")
    response = client.get(reverse("alliances:membership_data", args=[application.status_token]))
    assert response["Content-Disposition"] == f'attachment; filename="{application.reference}-data.json"'
    data = json.loads(response.content)
    assert data["contact_name"] == "Pat" and data["reference"] == application.reference
    assert data["organisation_kind"] == "Enterprise" and data["status"] == "Being reviewed by the lab"
    assert [entry["status"] for entry in data["status_history"]] == [
        "Received — the lab will review it shortly",
        "Being reviewed by the lab",
    ]
    assert "Do not tell them" not in json.dumps(data) and "Staff remark" not in json.dumps(data)


def test_pages_with_an_applicants_data_are_never_cached(admin_client):
    application = factories.MembershipApplicationFactory()
    token = application.status_token
    for name in ("membership_status", "membership_withdraw", "membership_data"):
        assert "no-store" in Client().get(reverse(f"alliances:{name}", args=[token]))["Cache-Control"], name
    apply = reverse("alliances:membership_apply", args=[application.programme.lab.slug, application.programme.slug])
    assert "no-store" in Client().get(apply)["Cache-Control"]


def test_private_links_are_redacted_from_logs_and_kept_from_search_engines(client):
    application = factories.MembershipApplicationFactory()
    token = application.status_token
    for prefix in ("", "/zh-hant"):
        assert redact(f"GET {prefix}/alliances/status/{token}/withdraw/ 200") == (
            f"GET {prefix}/alliances/status/[redacted]/withdraw/ 200"
        )
    record = logging.LogRecord(
        "django.request", logging.WARNING, __file__, 1, "Not Found: %s", (f"/alliances/status/{token}x/",), None
    )
    RedactPrivateLinks().filter(record)
    assert record.getMessage() == "Not Found: /alliances/status/[redacted]/"
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /alliances/status/" in robots and "Disallow: /zh-hans/alliances/status/" in robots

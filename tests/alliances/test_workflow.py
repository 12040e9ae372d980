"""A membership application's workflow: the allowed moves, approval making the applicant a partner of the lab,
the e-mails the applicant gets, and the private status page where they follow and withdraw it."""

import itertools
import re

import pytest
from django.core import mail
from django.db import IntegrityError
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from alliances import services
from alliances.models import MembershipApplication
from alliances.services import membership_approve, membership_move, membership_transition
from labs.models import Organisation, Partnership
from portal.workflow import TransitionNotAllowed, history
from tests import factories

pytestmark = pytest.mark.django_db

STATUSES = [status.value for status in MembershipApplication.Status]
ALLOWED = {
    ("submitted", "under_review"),
    ("submitted", "withdrawn"),
    ("under_review", "approved"),
    ("under_review", "declined"),
    ("under_review", "withdrawn"),
}


@pytest.mark.parametrize(("current", "target"), list(itertools.product(STATUSES, STATUSES)))
def test_the_transition_table(current, target, superuser):
    application = factories.MembershipApplicationFactory(status=current)
    if (current, target) in ALLOWED:
        membership_move(application=application, to=target, by=superuser, note="why")
        application.refresh_from_db()
        assert application.status == target
        change = history(application).last()
        assert (change.from_status, change.to_status, change.changed_by, change.note) == (
            current,
            target,
            superuser,
            "why",
        )
        assert (application.finalised_at is not None) == (target in ("approved", "declined", "withdrawn"))
    else:
        with pytest.raises(TransitionNotAllowed):
            membership_move(application=application, to=target, by=superuser)
        application.refresh_from_db()
        assert application.status == current
        assert [change.to_status for change in history(application)] == ["submitted"]  # the submission only
        assert not Partnership.objects.exists()


def test_an_unknown_status_is_refused_with_a_message(superuser):
    application = factories.MembershipApplicationFactory()
    with pytest.raises(TransitionNotAllowed, match="is not a status of membership applications"):
        membership_transition(application=application, to="accepted", by=superuser)


def test_approval_only_goes_through_the_service_that_records_the_partnership(superuser):
    application = factories.MembershipApplicationFactory(status="under_review")
    with pytest.raises(TransitionNotAllowed, match="also records the partnership"):
        membership_transition(application=application, to="approved", by=superuser)
    assert MembershipApplication.objects.get().status == "under_review"


# --- approval ----------------------------------------------------------------------------------------------------


def test_approval_makes_the_applicant_an_alliance_member_on_the_lab_and_partner_pages(client, superuser):
    lab = factories.JointLabFactory(slug="centre", name="Example Centre")
    programme = factories.AlliancePageFactory(programme__lab=lab, programme__name="Capital Alliance").programme
    application = factories.MembershipApplicationFactory(
        programme=programme,
        status="under_review",
        organisation_name="Fictional Ventures",
        organisation_kind="investor",
        website="https://ventures.example",
    )
    partnership = membership_approve(application=application, by=superuser, note="Welcome")
    application.refresh_from_db()
    organisation = Organisation.objects.get(name="Fictional Ventures")
    assert (application.status, application.organisation, application.partnership) == (
        "approved",
        organisation,
        partnership,
    )
    assert (organisation.kind, organisation.website, organisation.slug) == (
        "investor",
        "https://ventures.example",
        "fictional-ventures",
    )
    assert (partnership.lab, partnership.role, partnership.note) == (lab, "alliance_member", "Capital Alliance")
    lab_page = client.get("/labs/centre/").content.decode()
    assert "Alliance member" in lab_page
    assert re.search(rf'href="/partners/{organisation.slug}/">.*?<span>Fictional Ventures</span>', lab_page, re.S)
    assert "Fictional Ventures" in client.get("/partners/").content.decode()


def test_approval_can_link_an_existing_partner_organisation(superuser):
    existing = factories.OrganisationFactory(name="Already Known Ltd")
    application = factories.MembershipApplicationFactory(status="under_review", organisation_name="Already Known")
    partnership = membership_approve(application=application, by=superuser, organisation=existing)
    assert partnership.organisation == existing
    assert Organisation.objects.count() == 1


def test_an_organisation_in_both_alliances_of_a_lab_is_one_partner_with_both_named(superuser):
    lab = factories.JointLabFactory()
    research = factories.AlliancePageFactory(programme__lab=lab, programme__name="Research Alliance").programme
    capital = factories.AlliancePageFactory(programme__lab=lab, programme__name="Capital Alliance").programme
    first = factories.MembershipApplicationFactory(programme=research, status="under_review")
    second = factories.MembershipApplicationFactory(programme=capital, status="under_review")
    partnership = membership_approve(application=first, by=superuser)
    again = membership_approve(application=second, by=superuser, organisation=partnership.organisation)
    assert again.pk == partnership.pk
    again.refresh_from_db()
    assert again.note == "Research Alliance; Capital Alliance"


def test_a_chinese_organisation_name_still_gets_a_usable_unique_slug(superuser):
    application = factories.MembershipApplicationFactory(
        status="under_review", organisation_name="深圳示例科技有限公司"
    )
    factories.OrganisationFactory(slug=f"member-{application.reference.lower()}")  # taken: the slug gets a number
    organisation = membership_approve(application=application, by=superuser).organisation
    assert organisation.name == "深圳示例科技有限公司"
    assert organisation.slug == f"member-{application.reference.lower()}-2"
    assert organisation.get_absolute_url()


def test_a_failed_approval_keeps_nothing(superuser, monkeypatch):
    application = factories.MembershipApplicationFactory(status="under_review")

    def refuse(**kwargs):
        raise IntegrityError("the database refused the partnership")

    monkeypatch.setattr(services, "partnership_add", refuse)
    with pytest.raises(IntegrityError):
        membership_approve(application=application, by=superuser)
    application.refresh_from_db()
    assert (application.status, application.organisation, application.finalised_at) == ("under_review", None, None)
    assert not Organisation.objects.exists() and not Partnership.objects.exists()
    assert [change.to_status for change in history(application)] == ["submitted"]


# --- e-mails to the applicant ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("target", "emailed"), [("under_review", False), ("declined", True), ("withdrawn", True)])
def test_moves_the_applicant_cares_about_are_emailed(superuser, django_capture_on_commit_callbacks, target, emailed):
    application = factories.MembershipApplicationFactory(
        status="under_review" if target != "under_review" else "submitted", email="boss@firm.example"
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        membership_transition(application=application, to=target, by=superuser)
    assert [message.to for message in mail.outbox] == ([["boss@firm.example"]] if emailed else [])


@pytest.mark.parametrize(("language", "prefix"), [("en", ""), ("zh-hant", "/zh-hant"), ("zh-hans", "/zh-hans")])
def test_the_approval_email_says_what_happens_next_in_the_applicants_language(
    superuser, django_capture_on_commit_callbacks, language, prefix
):
    lab = factories.JointLabFactory(slug="centre", inbox_email="centre-inbox@example.org")
    programme = factories.AlliancePageFactory(
        programme__lab=lab,
        programme__name="Capital Alliance",
        programme__name_zh_hant="資本聯盟",
        programme__name_zh_hans="资本联盟",
    ).programme
    application = factories.MembershipApplicationFactory(
        programme=programme, status="under_review", email="boss@firm.example", language=language
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        membership_approve(application=application, by=superuser)
    [message] = mail.outbox
    alliance = {"en": "Capital Alliance", "zh-hant": "資本聯盟", "zh-hans": "资本联盟"}[language]
    with translation.override(language):
        subject = gettext("Welcome to the %(alliance)s (%(reference)s)") % {
            "alliance": alliance,
            "reference": application.reference,
        }
        next_steps = gettext("What happens next:")
    assert message.subject == subject
    assert next_steps in message.body
    assert f"http://127.0.0.1:8000{prefix}/labs/centre/" in message.body  # where they are now listed
    assert f"http://127.0.0.1:8000{prefix}/alliances/status/{application.status_token}/" in message.body
    assert message.reply_to == ["centre-inbox@example.org"]  # a reply reaches the lab's staff


# --- the private status page -------------------------------------------------------------------------------------


def test_status_page_shows_status_and_history_in_plain_words(client, superuser):
    application = factories.MembershipApplicationFactory(internal_notes="Competitor of our sponsor — careful")
    membership_transition(application=application, to="under_review", by=superuser, note="Staff-only remark")
    html = client.get(application.get_status_url()).content.decode()
    assert application.reference in html and "Being reviewed by the lab" in html
    assert "Received — the lab will review it shortly" in html  # the history
    assert "Withdraw my application…" in html
    assert "Competitor of our sponsor" not in html and "Staff-only remark" not in html
    assert '<meta name="robots" content="noindex, nofollow">' in html


@pytest.mark.parametrize("suffix", ["", "withdraw/", "data.json"])
def test_a_link_that_leads_nowhere_gets_a_helpful_404(client, suffix):
    mine = factories.MembershipApplicationFactory(organisation_name="Someone Else's Secret Ltd")
    for token in ("abcd", str(mine.pk), mine.reference, mine.status_token[:-1]):
        response = client.get(f"/alliances/status/{token}/{suffix}")
        html = response.content.decode()
        assert response.status_code == 404, token
        assert "No membership application is at this link." in html
        assert "send the application form again with the same e-mail address" in html
        assert "Someone Else" not in html
    assert len(mine.status_token) >= 40


def test_withdrawing_asks_for_confirmation_first(client, django_capture_on_commit_callbacks):
    application = factories.MembershipApplicationFactory(status="under_review")
    url = reverse("alliances:membership_withdraw", args=[application.status_token])
    confirmation = client.get(url)
    assert confirmation.status_code == 200
    assert "Withdraw this application?" in confirmation.content.decode()
    application.refresh_from_db()
    assert application.status == "under_review"  # looking at the question changes nothing
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, follow=True)
    application.refresh_from_db()
    assert application.status == "withdrawn" and application.finalised_at is not None
    html = response.content.decode()
    assert "Your application has been withdrawn" in html and "Withdrawn by you" in html
    assert "Withdraw my application…" not in html
    assert history(application).get(to_status="withdrawn").actor_label == "applicant"
    assert [message.to for message in mail.outbox] == [[application.email]]


@pytest.mark.parametrize("status", ["approved", "declined", "withdrawn"])
def test_a_decided_application_cannot_be_withdrawn(client, status):
    application = factories.MembershipApplicationFactory(status=status)
    url = reverse("alliances:membership_withdraw", args=[application.status_token])
    asked = client.get(url, follow=True)
    assert "can no longer be withdrawn" in asked.content.decode()
    assert asked.redirect_chain == [(application.get_status_url(), 302)]
    posted = client.post(url, follow=True)
    assert "can no longer be withdrawn" in posted.content.decode()
    application.refresh_from_db()
    assert application.status == status


def test_withdraw_takes_only_get_and_post(client):
    application = factories.MembershipApplicationFactory()
    assert client.put(reverse("alliances:membership_withdraw", args=[application.status_token])).status_code == 405


def test_withdrawing_needs_the_csrf_token(db):
    application = factories.MembershipApplicationFactory()
    url = reverse("alliances:membership_withdraw", args=[application.status_token])
    assert Client(enforce_csrf_checks=True).post(url).status_code == 403
    application.refresh_from_db()
    assert application.status == "submitted"

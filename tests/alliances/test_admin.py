"""Staff review membership applications in the admin: workflow moves with a note and their history, approval into a
partnership, the CSV export, the alliance pages; a lab manager sees and acts on their own labs' records only."""

import csv
import io

import pytest
from django.core import mail
from django.urls import reverse

from alliances.models import AlliancePage, MembershipApplication
from labs.models import Organisation, Partnership
from people.roles import EDITOR, LAB_MANAGER
from people.staff import staff_add
from portal.workflow import history
from tests import factories

pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/alliances/membershipapplication/"


def review_data(**overrides):
    data = {
        "organisation": "",
        "internal_notes": "",
        "move_to": "",
        "move_note": "",
        "portal-statuschange-content_type-object_id-TOTAL_FORMS": "0",
        "portal-statuschange-content_type-object_id-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def change_url(application):
    return reverse("admin:alliances_membershipapplication_change", args=[application.pk])


@pytest.mark.parametrize("model", factories.admin_factories("alliances"), ids=lambda model: model.__name__)
def test_changelist_query_count_does_not_grow_with_rows(admin_changelist_is_steady, model):
    admin_changelist_is_steady(model)


def test_change_and_history_pages_load_with_a_steady_query_count(admin_forms_are_steady):
    admin_forms_are_steady(MembershipApplication, add_form=False)  # applications only come from the public form


def test_alliance_page_forms_load_with_a_steady_query_count(admin_forms_are_steady):
    admin_forms_are_steady(AlliancePage)


def test_a_lab_managers_list_takes_as_many_queries_for_50_rows_as_for_5(client, manager, two_labs, count_queries):
    own, other = two_labs
    alliance = factories.AlliancePageFactory(programme__lab=own).programme
    factories.MembershipApplicationFactory.create_batch(5, programme=alliance)
    five = count_queries(client, CHANGELIST)
    factories.MembershipApplicationFactory.create_batch(45, programme=alliance)
    factories.MembershipApplicationFactory.create_batch(5)  # other labs'
    assert count_queries(client, CHANGELIST) == five
    assert "50 membership applications" in client.get(CHANGELIST).content.decode()


# --- review ------------------------------------------------------------------------------------------------------


def test_staff_move_an_application_with_a_note_and_see_the_history(admin_client, superuser):
    application = factories.MembershipApplicationFactory()
    response = admin_client.post(
        change_url(application), review_data(move_to="under_review", move_note="Strong fit", internal_notes="Call them")
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert (application.status, application.internal_notes) == ("under_review", "Call them")
    change = history(application).get(to_status="under_review")
    assert (change.changed_by, change.note) == (superuser, "Strong fit")
    page = admin_client.get(change_url(application)).content.decode()
    assert "Strong fit" in page


def test_a_disallowed_move_is_refused_with_a_message(admin_client):
    application = factories.MembershipApplicationFactory()
    response = admin_client.post(change_url(application), review_data(move_to="approved"))
    assert response.status_code == 200
    assert "That move is not allowed from the current status" in response.content.decode()
    application.refresh_from_db()
    assert application.status == "submitted"
    assert not Partnership.objects.exists()


def test_the_applicants_withdraw_is_not_a_staff_move(admin_client):
    application = factories.MembershipApplicationFactory()
    form = admin_client.get(change_url(application)).context["adminform"].form
    assert [value for value, _label in form.fields["move_to"].choices] == ["", "under_review"]


def test_staff_approve_and_the_applicant_becomes_a_partner(admin_client, django_capture_on_commit_callbacks):
    application = factories.MembershipApplicationFactory(
        status="under_review", organisation_name="Fictional Robotics", email="boss@robotics.example"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(change_url(application), review_data(move_to="approved"), follow=True)
    application.refresh_from_db()
    organisation = Organisation.objects.get(name="Fictional Robotics")
    assert application.status == "approved" and application.partnership.organisation == organisation
    assert "Approved: Fictional Robotics is now listed as an alliance member" in response.content.decode()
    assert [message.to for message in mail.outbox] == [["boss@robotics.example"]]
    page = admin_client.get(change_url(application)).content.decode()
    assert reverse("admin:labs_partnership_change", args=[application.partnership_id]) in page


def test_staff_approve_linking_the_partner_organisation_they_picked(admin_client):
    existing = factories.OrganisationFactory(name="Fictional Robotics Group")
    application = factories.MembershipApplicationFactory(status="under_review", organisation_name="Fictional Robotics")
    page = admin_client.get(change_url(application)).content.decode()
    assert "Fictional Robotics Group" in page  # offered as a similar existing organisation
    admin_client.post(change_url(application), review_data(move_to="approved", organisation=existing.pk))
    application.refresh_from_db()
    assert application.partnership.organisation == existing and Organisation.objects.count() == 1


def test_a_decided_applications_organisation_cannot_be_changed(admin_client):
    application = factories.MembershipApplicationFactory(status="under_review")
    admin_client.post(change_url(application), review_data(move_to="approved"))
    application.refresh_from_db()
    approved_as = application.organisation
    other = factories.OrganisationFactory()
    admin_client.post(change_url(application), review_data(organisation=other.pk, internal_notes="later"))
    application.refresh_from_db()
    assert application.organisation == approved_as and application.internal_notes == "later"


def test_csv_export_follows_the_filters_and_neutralises_formulas(admin_client):
    factories.MembershipApplicationFactory(organisation_name='=HYPERLINK("http://evil.example")', offer="@SUM(A1)")
    factories.MembershipApplicationFactory(organisation_name="+cmd|' /C calc'!A0", seek="-2+3")
    factories.MembershipApplicationFactory(organisation_name="Under review", status="under_review")
    html = admin_client.get(CHANGELIST, {"status__exact": "submitted"}).content.decode()
    assert "/admin/alliances/membershipapplication/export/?status__exact=submitted" in html
    response = admin_client.get(reverse("admin:alliances_membershipapplication_export"), {"status__exact": "submitted"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 2
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@")), value
    assert {row["organisation"] for row in rows} == {'\'=HYPERLINK("http://evil.example")', "'+cmd|' /C calc'!A0"}


def test_an_export_with_a_bad_filter_goes_back_to_the_list(admin_client):
    response = admin_client.get(reverse("admin:alliances_membershipapplication_export"), {"submitted_at__year": "x"})
    assert response.status_code == 302 and response["Location"].endswith("?e=1")


# --- lab scoping -------------------------------------------------------------------------------------------------


@pytest.fixture
def theirs(two_labs):
    """An application to an alliance of the lab "other", which the manager of "own" does not work for."""
    return factories.MembershipApplicationFactory(
        programme=factories.AlliancePageFactory(programme__lab=two_labs[1]).programme,
        status="under_review",
        organisation_name="Other Lab Applicant",
    )


def test_a_manager_of_another_lab_sees_nothing_of_it(client, manager, theirs):
    listed = client.get(CHANGELIST).content.decode()
    assert "Other Lab Applicant" not in listed and theirs.reference not in listed
    assert change_url(theirs) not in client.get(CHANGELIST, {"q": theirs.reference}).content.decode()
    for view in ("change", "history"):
        response = client.get(reverse(f"admin:alliances_membershipapplication_{view}", args=[theirs.pk]))
        assert response.status_code in (302, 403, 404) and "Other Lab Applicant" not in response.content.decode()
    export = client.get(reverse("admin:alliances_membershipapplication_export")).content.decode("utf-8-sig")
    assert theirs.reference not in export
    dashboard = client.get("/admin/dashboard/").context["membership_status"]
    assert sum(bar.value for bar in dashboard["bars"]) == 0


def test_a_manager_of_another_lab_cannot_act_on_it(client, manager, theirs):
    client.post(change_url(theirs), review_data(move_to="approved", internal_notes="sneaky"))
    theirs.refresh_from_db()
    assert (theirs.status, theirs.internal_notes) == ("under_review", "")
    assert not Partnership.objects.exists()


def test_a_manager_approves_their_own_labs_application(client, manager, two_labs):
    own, _other = two_labs
    mine = factories.MembershipApplicationFactory(
        programme=factories.AlliancePageFactory(programme__lab=own).programme, status="under_review"
    )
    assert mine.reference in client.get(CHANGELIST).content.decode()
    assert client.post(change_url(mine), review_data(move_to="approved")).status_code == 302
    mine.refresh_from_db()
    assert mine.status == "approved" and mine.partnership.lab == own


def test_the_dashboard_counts_match_the_lists_they_link_to(client, manager, two_labs, theirs):
    own, _other = two_labs
    alliance = factories.AlliancePageFactory(programme__lab=own).programme
    factories.MembershipApplicationFactory.create_batch(2, programme=alliance)
    factories.MembershipApplicationFactory(programme=alliance, status="under_review")
    bars = client.get("/admin/dashboard/").context["membership_status"]["bars"]
    assert {bar.label: bar.value for bar in bars}["Submitted"] == 2
    for bar in bars:
        assert client.get(bar.url).context["cl"].result_count == bar.value, bar.label


def test_an_editor_edits_their_labs_alliance_pages_but_never_sees_applications(client, two_labs):
    own, other = two_labs
    editor = staff_add(email="editor@example.org", role=EDITOR, lab_slugs=["own"])[0]
    client.force_login(editor)
    mine = factories.AlliancePageFactory(programme__lab=own)
    not_mine = factories.AlliancePageFactory(programme__lab=other)
    pages = client.get("/admin/alliances/alliancepage/").content.decode()
    assert f"/admin/alliances/alliancepage/{mine.pk}/change/" in pages
    assert f"/admin/alliances/alliancepage/{not_mine.pk}/change/" not in pages
    assert client.get(CHANGELIST).status_code == 403


def test_a_manager_can_only_make_pages_for_their_own_labs_alliances(client, manager, two_labs):
    own, other = two_labs
    own_alliance = factories.ProgrammeFactory(lab=own, kind="capital_alliance")
    factories.ProgrammeFactory(lab=own, kind="internship")
    other_alliance = factories.ProgrammeFactory(lab=other, kind="capital_alliance")
    form = client.get("/admin/alliances/alliancepage/add/").context["adminform"].form
    assert list(form.fields["programme"].queryset) == [own_alliance]  # an alliance, and of their lab
    client.post(
        "/admin/alliances/alliancepage/add/",
        {"programme": other_alliance.pk, "members_do_en": "x", "members_get_en": "y", "accepting_applications": "on"},
    )
    assert not AlliancePage.objects.filter(programme=other_alliance).exists()


def test_groups_hold_the_new_permissions(db):
    manager = staff_add(email="m@example.org", role=LAB_MANAGER, lab_slugs=[factories.JointLabFactory().slug])[0]
    assert manager.has_perm("alliances.change_membershipapplication")
    assert not manager.has_perm("alliances.delete_membershipapplication")
    assert manager.has_perm("alliances.change_alliancepage")


def test_the_alliance_filter_offers_only_the_managers_alliances(client, manager, two_labs, theirs):
    own, _other = two_labs
    alliance = factories.AlliancePageFactory(programme__lab=own, programme__name="Own Alliance").programme
    mine = factories.MembershipApplicationFactory(programme=alliance)
    html = client.get(CHANGELIST).content.decode()
    assert f"?alliance={alliance.pk}" in html and f"?alliance={theirs.programme_id}" not in html
    filtered = client.get(CHANGELIST, {"alliance": alliance.pk}).context["cl"]
    assert list(filtered.result_list) == [mine]
    assert client.get(CHANGELIST, {"alliance": theirs.programme_id}).context["cl"].result_count == 0

"""Staff triage challenge requests in the admin: suggested matches, workflow moves with a note, converting into
a project, attachments, the CSV export; a lab manager is offered and shown only their own labs' records."""

import csv
import io

import pytest
from django.core import mail
from django.urls import reverse

from challenges.matching import suggest_matches
from portal.workflow import history
from tests import factories
from tests.files import pdf

pytestmark = pytest.mark.django_db


def triage_data(**overrides):
    data = {
        "lab": "",
        "owner": "",
        "internal_notes": "",
        "move_to": "",
        "move_note": "",
        "link_project": "",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
        "portal-statuschange-content_type-object_id-TOTAL_FORMS": "0",
        "portal-statuschange-content_type-object_id-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("model", factories.admin_factories("challenges"), ids=lambda model: model.__name__)
def test_changelist_query_count_does_not_grow_with_rows(admin_changelist_is_steady, model):
    admin_changelist_is_steady(model)


@pytest.mark.parametrize("model", factories.admin_factories("challenges"), ids=lambda model: model.__name__)
def test_change_and_add_forms_load_with_a_steady_query_count(admin_forms_are_steady, model):
    admin_forms_are_steady(model, add_form=False)  # requests only come from enterprises


# --- suggested matches -------------------------------------------------------------------------------------------


def test_a_request_about_scratches_on_mirror_like_parts_matches_the_reflective_surface_project(demo):
    challenge = factories.ChallengeRequestFactory(
        title="Surface scratches on chrome-plated parts",
        problem_statement=(
            "We plate bathroom fittings with chrome. The mirror-like parts get fine surface scratches that our "
            "inspectors miss under factory lights, and customers return them."
        ),
        desired_outcome="Catch every scratched part on the line before packing.",
    )
    matches = suggest_matches(challenge)
    best = matches["projects"][0]
    assert best.obj.slug == "reflective-freeform-defect-inspection"
    # A sentence of the profile as written, not stems, and not the title (shown beside it already).
    assert best.reason == (
        "A shiny, curved surface mirrors its surroundings, so a defect is hard to tell apart from a reflection;"
    )
    assert matches["labs"][0].obj.slug == "hkust-hkpc-industrial-ai-robotics"


def test_a_request_with_no_useful_words_matches_nothing():
    challenge = factories.ChallengeRequestFactory(title="??", problem_statement="...", desired_outcome="!!")
    assert all(found == [] for found in suggest_matches(challenge).values())


# --- the admin ---------------------------------------------------------------------------------------------------


def test_staff_move_a_request_with_a_note_and_see_the_history(
    admin_client, superuser, django_capture_on_commit_callbacks
):
    lab = factories.JointLabFactory()
    challenge = factories.ChallengeRequestFactory(status="under_review")
    url = reverse("admin:challenges_challengerequest_change", args=[challenge.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            url, triage_data(lab=lab.pk, move_to="matched", move_note="Good fit for vision lab")
        )
    assert response.status_code == 302
    challenge.refresh_from_db()
    assert challenge.status == "matched" and challenge.lab == lab
    change = history(challenge).get(to_status="matched")
    assert (change.changed_by, change.note) == (superuser, "Good fit for vision lab")
    page = admin_client.get(url).content.decode()
    assert "Good fit for vision lab" in page and "Suggested matches" in page
    assert len(mail.outbox) == 1


def test_a_disallowed_move_is_refused_with_a_message(admin_client):
    challenge = factories.ChallengeRequestFactory(status="submitted")
    url = reverse("admin:challenges_challengerequest_change", args=[challenge.pk])
    response = admin_client.post(url, triage_data(move_to="converted"))
    assert response.status_code == 200
    assert "That move is not allowed from the current status" in response.content.decode()
    challenge.refresh_from_db()
    assert challenge.status == "submitted"


def test_staff_convert_a_request_from_the_admin(admin_client):
    lab = factories.JointLabFactory()
    challenge = factories.ChallengeRequestFactory(status="in_discussion", lab=lab)
    url = reverse("admin:challenges_challengerequest_change", args=[challenge.pk])
    response = admin_client.post(url, triage_data(lab=lab.pk, move_to="converted"), follow=True)
    challenge.refresh_from_db()
    assert challenge.status == "converted" and challenge.project is not None
    assert "Converted into project" in response.content.decode()


def test_staff_download_attachments_through_a_checked_view(admin_client):
    challenge = factories.ChallengeRequestFactory(attachments=[(pdf(), "pdf")])
    attachment = challenge.attachments.get()
    url = reverse("admin:challenges_challengerequest_attachment", args=[challenge.pk, attachment.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{challenge.reference}-attachment-1.pdf"'
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    other = factories.ChallengeRequestFactory()
    mismatched = reverse("admin:challenges_challengerequest_attachment", args=[other.pk, attachment.pk])
    assert admin_client.get(mismatched).status_code == 404
    admin_client.logout()
    assert admin_client.get(url).status_code == 302  # to the staff sign-in
    assert not url.startswith("/media/") and "brief.pdf" not in attachment.file.name


def test_csv_export_follows_the_filters_and_neutralises_formulas(admin_client):
    factories.ChallengeRequestFactory(
        title='=HYPERLINK("http://evil.example")', organisation_name="@SUM(A1)", sector="food"
    )
    factories.ChallengeRequestFactory(title="+cmd|' /C calc'!A0", organisation_name="-2+3", sector="food")
    factories.ChallengeRequestFactory(title="Other sector", sector="energy")
    response = admin_client.get(reverse("admin:challenges_challengerequest_export"), {"sector__exact": "food"})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 2
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@")), value
    assert {row["title"] for row in rows} == {'\'=HYPERLINK("http://evil.example")', "'+cmd|' /C calc'!A0"}


def test_the_changelist_links_to_the_filtered_export(admin_client):
    factories.ChallengeRequestFactory()
    html = admin_client.get(
        reverse("admin:challenges_challengerequest_changelist"), {"status__exact": "submitted"}
    ).content.decode()
    assert "/admin/challenges/challengerequest/export/?status__exact=submitted" in html


def test_an_export_with_a_bad_filter_goes_back_to_the_list(admin_client):
    response = admin_client.get(reverse("admin:challenges_challengerequest_export"), {"submitted_at__year": "notayear"})
    assert response.status_code == 302 and response["Location"].endswith("?e=1")


# --- a lab manager -----------------------------------------------------------------------------------------------


def test_suggested_matches_never_offer_another_labs_private_projects_or_hidden_people(two_labs):
    own, other = two_labs
    factories.ProjectFactory(lab=other, title="Hush turbine coating", is_public=False)
    own_project = factories.ProjectFactory(lab=own, title="Own turbine coating", is_public=False)
    factories.ProjectFactory(lab=other, title="Public turbine coating")
    factories.LabRoleFactory(
        lab=other, person__name="Hidden Turbine", person__position="turbine coating", person__is_public=False
    )
    factories.LabRoleFactory(
        lab=own, person__name="Own Hidden Turbine", person__position="turbine coating", person__is_public=False
    )
    factories.ProjectMemberFactory(
        project=own_project, person__name="Own Member", person__position="turbine coating", person__is_public=False
    )
    challenge = factories.ChallengeRequestFactory(
        lab=own, title="Turbine coating wear", problem_statement="turbine coating"
    )
    matches = suggest_matches(challenge)
    titles = {match.obj.title for match in matches["projects"]}
    assert titles == {"Own turbine coating", "Public turbine coating"}
    people = {match.obj.name for match in matches["people"]}
    # The lab's own hidden people (by role or by project) may be suggested to its staff; another lab's never.
    assert {"Own Hidden Turbine", "Own Member"} <= people and "Hidden Turbine" not in people


def test_only_own_lab_projects_can_be_linked_when_converting(client, manager, two_labs):
    own, other = two_labs
    mine = factories.ProjectFactory(lab=own, title="Own project")
    theirs = factories.ProjectFactory(lab=other, title="Secret other project", is_public=False)
    challenge = factories.ChallengeRequestFactory(lab=own, status="in_discussion")
    url = reverse("admin:challenges_challengerequest_change", args=[challenge.pk])
    form = client.get(url).context["adminform"].form
    assert list(form.fields["link_project"].queryset) == [mine]
    assert "Secret other project" not in client.get(url).content.decode()
    client.post(url, triage_data(lab=own.pk, move_to="converted", link_project=theirs.pk))
    challenge.refresh_from_db()
    assert (challenge.status, challenge.project) == ("in_discussion", None)  # a posted id of theirs is refused too


def test_a_lab_manager_saving_a_request_keeps_links_they_cannot_see(client, manager, two_labs):
    own, other = two_labs
    own_area, other_area = factories.FocusAreaFactory(lab=own), factories.FocusAreaFactory(lab=other)
    challenge = factories.ChallengeRequestFactory(lab=own)
    challenge.focus_areas.add(own_area, other_area)
    url = reverse("admin:challenges_challengerequest_change", args=[challenge.pk])
    data = triage_data(lab=own.pk, focus_areas=[own_area.pk], internal_notes="triaged")
    assert client.post(url, data).status_code == 302
    assert set(challenge.focus_areas.all()) == {own_area, other_area}


# Converting in the same save that changes the triage fields uses the new values (the move runs after the
# many-to-many fields are saved).
def test_the_new_project_gets_the_focus_areas_chosen_in_the_same_save(admin_client):
    lab = factories.JointLabFactory()
    old_area = factories.FocusAreaFactory(lab=lab, name="Old area")
    new_area = factories.FocusAreaFactory(lab=lab, name="New area")
    challenge = factories.ChallengeRequestFactory(status="in_discussion", lab=lab)
    challenge.focus_areas.set([old_area])

    response = admin_client.post(
        reverse("admin:challenges_challengerequest_change", args=[challenge.pk]),
        triage_data(lab=lab.pk, focus_areas=[new_area.pk], move_to="converted"),
    )

    assert response.status_code == 302
    challenge.refresh_from_db()
    assert challenge.status == "converted"
    assert list(challenge.project.focus_areas.all()) == [new_area]


def test_the_new_project_belongs_to_the_lab_assigned_in_the_same_save(admin_client):
    chosen, assigned = factories.JointLabFactory(), factories.JointLabFactory()
    challenge = factories.ChallengeRequestFactory(status="in_discussion", preferred_lab=chosen)

    admin_client.post(
        reverse("admin:challenges_challengerequest_change", args=[challenge.pk]),
        triage_data(lab=assigned.pk, move_to="converted"),
    )

    challenge.refresh_from_db()
    assert challenge.project.lab == assigned
    assert not challenge.project.is_public

"""Converting a request into a project in the same admin save that changes its triage fields uses the new values."""

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


def admin_post(**fields):
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
    data.update(fields)
    return data


def test_the_new_project_gets_the_focus_areas_chosen_in_the_same_save(admin_client):
    lab = factories.JointLabFactory()
    old_area = factories.FocusAreaFactory(lab=lab, name="Old area")
    new_area = factories.FocusAreaFactory(lab=lab, name="New area")
    challenge = factories.ChallengeRequestFactory(status="in_discussion", lab=lab)
    challenge.focus_areas.set([old_area])

    response = admin_client.post(
        reverse("admin:challenges_challengerequest_change", args=[challenge.pk]),
        admin_post(lab=lab.pk, focus_areas=[new_area.pk], move_to="converted"),
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
        admin_post(lab=assigned.pk, move_to="converted"),
    )

    challenge.refresh_from_db()
    assert challenge.project.lab == assigned
    assert not challenge.project.is_public

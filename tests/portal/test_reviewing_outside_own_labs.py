"""Issue 15, finding 7: outside their own labs a lab manager is only a reviewer of the applications assigned to
them, seeing them blind; their list, exports and dashboard figures stay those of their own labs."""

import pytest
from django.urls import reverse

from people.roles import LAB_MANAGER
from people.staff import staff_add
from recruitment.models import Application
from tests import factories
from tests.portal.test_admin_access import changelist, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def labs():
    return factories.JointLabFactory(slug="own"), factories.JointLabFactory(slug="other")


@pytest.fixture
def manager(labs):
    return staff_add(email="manager@example.org", role=LAB_MANAGER, lab_slugs=["own"])[0]


@pytest.fixture
def foreign_assignment(labs, manager):
    application = factories.ApplicationFactory(
        call__programme__lab=labs[1], call__blind_review=True, name="Secret Applicant", internal_notes="staff only"
    )
    application.reviewers.add(manager)
    return application


def test_a_lab_manager_reviewing_another_labs_application_sees_it_blind(manager, foreign_assignment):
    from recruitment.selectors import hides_identity, triages

    assert not triages(manager, foreign_assignment)
    assert hides_identity(manager, foreign_assignment)
    client = signed_in(manager)
    page = client.get(reverse("admin:recruitment_application_change", args=[foreign_assignment.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Secret Applicant" not in html
    assert foreign_assignment.email not in html
    assert "staff only" not in html
    assert 'name="move_to"' not in html
    history = reverse("admin:recruitment_application_history", args=[foreign_assignment.pk])
    assert client.get(history).status_code == 403


def test_another_labs_application_is_not_in_the_lab_managers_list_export_or_figures(labs, manager, foreign_assignment):
    own = factories.ApplicationFactory(call__programme__lab=labs[0])
    client = signed_in(manager)
    listing = client.get(changelist(Application)).content.decode()
    assert own.reference in listing
    assert foreign_assignment.reference not in listing
    export = client.get(reverse("admin:recruitment_application_export")).content.decode()
    assert foreign_assignment.reference not in export
    dashboard = client.get(reverse("admin_dashboard")).content.decode()
    assert "Assigned to you for review in other labs" in dashboard
    assert foreign_assignment.reference in dashboard
    assert "Secret Applicant" not in dashboard


def test_the_lab_manager_still_triages_their_own_labs_applications(labs, manager):
    from recruitment.selectors import triages

    own = factories.ApplicationFactory(call__programme__lab=labs[0], call__blind_review=True, name="Own Applicant")
    assert triages(manager, own)
    page = signed_in(manager).get(reverse("admin:recruitment_application_change", args=[own.pk])).content.decode()
    assert "Own Applicant" in page
    assert 'name="move_to"' in page

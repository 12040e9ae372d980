"""Every endpoint runs as many database queries with many rows as with few: lists with more records (each with more
related rows), records with more related rows, filters included."""

import pytest

from labs.models import Partnership
from people.models import LabRole
from tests import factories

pytestmark = pytest.mark.django_db


def grow(lab, organisation, person, programme, project, times):
    """`times` more of everything around these records, and more records of each kind."""
    for _ in range(times):
        other_lab = factories.JointLabFactory()
        area = factories.FocusAreaFactory(lab=lab)
        factories.FocusAreaFactory(lab=other_lab)
        partner = factories.OrganisationFactory()
        factories.PartnershipFactory(lab=lab, organisation=partner, role=Partnership.Role.COLLABORATOR)
        factories.PartnershipFactory(lab=other_lab, organisation=organisation)
        leader = factories.PersonFactory(organisation=partner)
        factories.LabRoleFactory(person=leader, lab=lab, role=LabRole.Role.STRATEGIC_COMMITTEE)
        factories.LabRoleFactory(person=person, lab=other_lab)
        factories.ProgrammeFactory(lab=lab)
        factories.CallFactory(programme=programme)
        other = factories.ProjectFactory(lab=lab)
        other.focus_areas.add(area)
        other.partners.add(organisation)
        factories.ProjectMemberFactory(project=other, person=person)
        project.focus_areas.add(area)
        project.partners.add(partner)
        factories.ProjectMemberFactory(project=project, person=leader)


@pytest.fixture
def records(db):
    lab = factories.JointLabFactory(slug="busy-lab")
    organisation = factories.OrganisationFactory(slug="busy-partner")
    person = factories.PersonFactory(slug="busy-person", organisation=organisation)
    programme = factories.ProgrammeFactory(lab=lab, slug="busy-programme")
    project = factories.ProjectFactory(lab=lab, slug="busy-project")
    area = factories.FocusAreaFactory(lab=lab, slug="busy-area")
    project.focus_areas.add(area)
    factories.CallFactory(programme=programme, slug="busy-call")
    return lab, organisation, person, programme, project


PATHS = [
    "/api/v1/",
    "/api/v1/labs/",
    "/api/v1/labs/?status=active&q=lab",
    "/api/v1/labs/busy-lab/",
    "/api/v1/focus-areas/",
    "/api/v1/focus-areas/?lab=busy-lab",
    "/api/v1/focus-areas/busy-lab/busy-area/",
    "/api/v1/projects/",
    "/api/v1/projects/?lab=busy-lab&focus_area=busy-lab/busy-area&partner=busy-partner&status=active&sort=-start",
    "/api/v1/projects/busy-lab/busy-project/",
    "/api/v1/people/",
    "/api/v1/people/?lab=busy-lab&role=strategic_committee&q=test",
    "/api/v1/people/busy-person/",
    "/api/v1/organisations/",
    "/api/v1/organisations/?lab=busy-lab&kind=company",
    "/api/v1/organisations/busy-partner/",
    "/api/v1/programmes/",
    "/api/v1/programmes/?lab=busy-lab&kind=internship",
    "/api/v1/programmes/busy-lab/busy-programme/",
    "/api/v1/calls/",
    "/api/v1/calls/?state=open&lab=busy-lab&kind=internship",
    "/api/v1/calls/busy-call/",
]


@pytest.mark.parametrize("path", PATHS)
def test_queries_do_not_grow_with_rows(anonymous, records, count_queries, path):
    grow(*records, times=2)
    few = count_queries(anonymous, path)
    grow(*records, times=12)
    assert count_queries(anonymous, path) == few

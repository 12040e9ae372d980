"""A small portal with something of everything the API must and must not show: public records of two labs, and next
to them a hidden profile, a private project, an unpublished call, an application with a referee, a challenge
request, staff-only notes and inboxes. SECRETS are the strings that must never appear in any answer."""

import datetime
import json

import pytest
from django.test import Client
from django.utils import timezone

from labs.models import Partnership
from people.models import LabRole
from projects.models import ProjectMember
from tests import factories

LIST_PATHS = [
    "/api/v1/labs/",
    "/api/v1/focus-areas/",
    "/api/v1/projects/",
    "/api/v1/people/",
    "/api/v1/organisations/",
    "/api/v1/programmes/",
    "/api/v1/calls/",
]

SECRETS = {
    "hidden person's name": "Harriet Hidden",
    "hidden person's slug": "harriet-hidden",
    "hidden person's e-mail": "harriet@hidden.example",
    "private project's title": "Secret defect work",
    "private project's slug": "secret-defect-work",
    "unpublished call's title": "Draft call never announced",
    "unpublished call's slug": "draft-call",
    "applicant's name": "Alice Applicant",
    "applicant's e-mail": "alice@student.example",
    "applicant's phone": "+852 5555 0101",
    "application's internal note": "Staff-only note about Alice",
    "referee's name": "Rob Referee",
    "referee's e-mail": "rob@referee.example",
    "enterprise's name": "Confidential Plating Works",
    "enterprise contact's name": "Erin Enterprise",
    "enterprise contact's e-mail": "erin@enterprise.example",
    "challenge's title": "Scratches nobody may know about",
    "challenge's internal note": "Staff-only note about the plating works",
    "lab's staff inbox": "inbox@vision-lab.example",
    "staff account's e-mail": "manager@example.org",
}


def open_data():
    """Create the portal described above; returns the records tests refer to."""
    now = timezone.now()
    vision = factories.JointLabFactory(
        slug="vision-lab", name="Vision Lab", short_name="VL", inbox_email="inbox@vision-lab.example"
    )
    robots = factories.JointLabFactory(slug="robot-lab", name="Robot Lab", short_name="RL")
    inspection = factories.FocusAreaFactory(lab=vision, slug="inspection", name="Inspection")
    factories.FocusAreaFactory(lab=robots, slug="grasping", name="Grasping")
    acme = factories.OrganisationFactory(slug="acme", name="Acme Optics")
    factories.PartnershipFactory(lab=vision, organisation=acme, role=Partnership.Role.FOUNDING_PARTNER, note="Sponsor")
    shadow = factories.OrganisationFactory(slug="shadow-consulting", name="Shadow Consulting")
    stealth = factories.OrganisationFactory(slug="stealth-partner", name="Stealth Partner Ltd")

    ada = factories.PersonFactory(
        slug="ada-public", name="Ada Public", public_email="ada@public.example", organisation=acme
    )
    harriet = factories.PersonFactory(
        slug="harriet-hidden",
        name="Harriet Hidden",
        public_email="harriet@hidden.example",
        organisation=shadow,
        is_public=False,
    )
    factories.LabRoleFactory(person=ada, lab=vision, role=LabRole.Role.DIRECTOR)
    factories.LabRoleFactory(person=harriet, lab=vision, role=LabRole.Role.CO_DIRECTOR)
    factories.LabRoleFactory(person=harriet, lab=robots, role=LabRole.Role.RESEARCHER)

    glass = factories.ProjectFactory(lab=vision, slug="glass-defects", title="Glass defect finder", status="active")
    glass.focus_areas.add(inspection)
    glass.partners.add(acme)
    factories.ProjectMemberFactory(project=glass, person=ada, role=ProjectMember.Role.LEAD)
    factories.ProjectMemberFactory(project=glass, person=harriet)
    factories.ProjectFactory(lab=robots, slug="dumpling-gripper", title="Gripper for dumplings", status="planned")
    secret = factories.ProjectFactory(
        lab=vision, slug="secret-defect-work", title="Secret defect work", status="active", is_public=False
    )
    secret.focus_areas.add(inspection)
    secret.partners.add(stealth)
    factories.ProjectMemberFactory(project=secret, person=ada)

    internships = factories.ProgrammeFactory(lab=vision, slug="internships", name="Vision internships")
    open_call = factories.CallFactory(programme=internships, slug="open-call", title="Summer internships")
    factories.CallFactory(
        programme=internships,
        slug="upcoming-call",
        title="Winter internships",
        opens_at=now + datetime.timedelta(days=30),
        closes_at=now + datetime.timedelta(days=60),
    )
    factories.CallFactory(
        programme=internships,
        slug="closed-call",
        title="Spring internships",
        opens_at=now - datetime.timedelta(days=60),
        closes_at=now - datetime.timedelta(days=30),
    )
    factories.CallFactory(
        programme=internships, slug="draft-call", title="Draft call never announced", is_published=False
    )

    application = factories.ApplicationFactory(
        call=open_call,
        name="Alice Applicant",
        email="alice@student.example",
        phone="+852 5555 0101",
        internal_notes="Staff-only note about Alice",
        referees=[{"order": 1, "name": "Rob Referee", "email": "rob@referee.example", "institution": "Uni"}],
    )
    challenge = factories.ChallengeRequestFactory(
        organisation_name="Confidential Plating Works",
        contact_name="Erin Enterprise",
        email="erin@enterprise.example",
        title="Scratches nobody may know about",
        internal_notes="Staff-only note about the plating works",
        lab=vision,
    )
    challenge.focus_areas.add(inspection)
    factories.StaffLabAccessFactory(
        user=factories.StaffUserFactory(username="manager", email="manager@example.org"), lab=vision
    )
    return {
        "vision": vision,
        "robots": robots,
        "inspection": inspection,
        "ada": ada,
        "harriet": harriet,
        "glass": glass,
        "secret": secret,
        "open_call": open_call,
        "application": application,
        "challenge": challenge,
    }


@pytest.fixture
def portal(db):
    return open_data()


@pytest.fixture
def anonymous():
    """A visitor of its own (the suite's `client` may be signed in as staff)."""
    return Client()


def get_json(client, path, status=200, **headers):
    response = client.get(path, headers=headers)
    assert response.status_code == status, (path, response.status_code, response.content[:500])
    return json.loads(response.content)


def slugs(body):
    return [record["slug"] for record in body["results"]]

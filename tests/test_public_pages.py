"""The public site shows every public record and nothing else, with a query count that does not grow with rows."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("load_demo", verbosity=0)


def html(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, path
    return response.content.decode()


def test_every_demo_page_loads(client, demo):
    from labs.models import FocusArea, JointLab, Organisation, Programme
    from people.models import Person
    from projects.models import Project
    from recruitment.models import Call

    paths = ["/", "/labs/", "/focus-areas/", "/projects/", "/people/", "/partners/", "/programmes/"]
    for model in [JointLab, FocusArea, Organisation, Programme, Person, Call, Project]:
        paths += [obj.get_absolute_url() for obj in model.objects.all()]
    for path in paths:
        page = html(client, path)
        assert 'aria-label="Breadcrumb"' in page or path == "/", path


def test_lab_page_shows_leadership_partners_areas_projects_programmes_and_open_calls(client, demo):
    page = html(client, "/labs/hkust-hkpc-industrial-ai-robotics/")
    assert "Prof. Zhou Xiaofang" in page and "Director" in page
    assert "Founding partner" in page and "Hong Kong Productivity Council" in page
    assert "Industrial AI" in page
    assert "Small defect inspection" in page
    assert "PhD Fellowship Programme" in page
    assert "HKUST–HKPC Joint Lab internships" in page
    assert "HKPC Building, Hong Kong" in page


def test_call_deadline_is_shown_in_hong_kong_time(client):
    closes = datetime.datetime(2030, 3, 31, 15, 59, tzinfo=datetime.UTC)
    call = factories.CallFactory(closes_at=closes, title="Deadline call")
    assert "31 March 2030, 23:59</time> (Hong Kong time)" in html(client, call.get_absolute_url())


def test_calls_are_grouped_open_upcoming_closed(client):
    now = timezone.now()
    day = datetime.timedelta(days=1)
    factories.CallFactory(title="Open now")
    factories.CallFactory(title="Opens later", opens_at=now + day, closes_at=now + 10 * day)
    factories.CallFactory(title="Already closed", opens_at=now - 10 * day, closes_at=now - day)
    page = html(client, "/programmes/")
    open_section, rest = page.split('id="upcoming-heading"')
    upcoming_section, closed_section = rest.split('id="closed-heading"')
    assert "Open now" in open_section and "Opens later" not in open_section
    assert "Opens later" in upcoming_section and "Already closed" not in upcoming_section
    assert "Already closed" in closed_section


def test_hidden_people_are_never_shown(client):
    hidden = factories.LabRoleFactory(person__name="Hidden Person", person__is_public=False, role="director")
    html(client, hidden.person.get_absolute_url(), status=404)
    assert "Hidden Person" not in html(client, "/people/")
    assert "Hidden Person" not in html(client, hidden.lab.get_absolute_url())


def test_private_projects_are_never_shown(client):
    project = factories.ProjectFactory(title="Confidential project", is_public=False)
    html(client, project.get_absolute_url(), status=404)
    assert "Confidential project" not in html(client, "/projects/")
    assert "Confidential project" not in html(client, project.lab.get_absolute_url())


def test_unpublished_calls_are_never_shown(client):
    call = factories.CallFactory(title="Draft call", is_published=False)
    html(client, call.get_absolute_url(), status=404)
    assert "Draft call" not in html(client, "/programmes/")
    assert "Draft call" not in html(client, "/")


def count_queries(client, path):
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    ("path", "make_row"),
    [
        ("/", lambda lab: factories.FocusAreaFactory(lab=factories.JointLabFactory())),
        ("/labs/", lambda lab: factories.FocusAreaFactory(lab=factories.JointLabFactory())),
        ("/focus-areas/", lambda lab: factories.FocusAreaFactory()),
        ("/projects/", lambda lab: factories.ProjectFactory(lab=lab)),
        ("/people/", lambda lab: factories.LabRoleFactory(lab=lab)),
        ("/partners/", lambda lab: factories.PartnershipFactory(lab=lab)),
        ("/programmes/", lambda lab: factories.CallFactory(programme__lab=lab)),
    ],
)
def test_list_query_count_does_not_grow_with_rows(client, path, make_row):
    lab = factories.JointLabFactory()
    for _ in range(5):
        make_row(lab)
    five = count_queries(client, path)
    for _ in range(15):
        make_row(lab)
    assert count_queries(client, path) == five


def test_lab_page_query_count_does_not_grow_with_its_content(client):
    lab = factories.JointLabFactory()

    def add_content():
        factories.PartnershipFactory(lab=lab)
        factories.LabRoleFactory(lab=lab, role="strategic_committee")
        factories.ProjectFactory(lab=lab)
        factories.CallFactory(programme__lab=lab)

    for _ in range(5):
        add_content()
    five = count_queries(client, lab.get_absolute_url())
    for _ in range(15):
        add_content()
    assert count_queries(client, lab.get_absolute_url()) == five

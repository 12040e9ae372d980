"""The knowledge-transfer report: hand-checked figures on a fixed data set, each equal to the admin list it links to,
scoped to the user's labs, downloadable without formulas, in a bounded number of queries."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from openpyxl import load_workbook

from challenges.models import ChallengeRequest
from challenges.services import challenge_move
from labs.models import Partnership
from people.roles import EDITOR, REVIEWER
from people.staff import staff_add
from portal.models import StatusChange
from tests import factories

pytestmark = pytest.mark.django_db
HK = datetime.timezone(datetime.timedelta(hours=8))
REPORT = "/admin/reports/"
ACADEMIC_2025 = "?kind=academic&year=2025"  # 1 September 2025 to 31 August 2026, Hong Kong time


def at(*date_and_time):
    return datetime.datetime(*date_and_time, tzinfo=HK)


def sections(client, query=ACADEMIC_2025):
    response = client.get(REPORT + query)
    assert response.status_code == 200
    return {section.key: section for section in response.context["sections"]}


def figures(section, column=0):
    return {row.label: row.cells[column].value for row in section.rows}


def report_challenges(own, other):
    """In the academic year 2025/26 of `own`: 5 requests (one only preferred, not yet assigned); around it, one a
    second too early, one at the first second of the next year, one of `other`, one preferring `own` but assigned
    to `other`."""
    for status, submitted in (
        ("submitted", at(2025, 9, 1, 0, 0)),
        ("matched", at(2025, 12, 24, 9)),
        ("converted", at(2026, 3, 2, 10)),
        ("declined", at(2026, 8, 31, 23, 59)),
    ):
        factories.ChallengeRequestFactory(lab=own, status=status, submitted_at=submitted)
    factories.ChallengeRequestFactory(lab=None, preferred_lab=own, status="withdrawn", submitted_at=at(2026, 1, 5))
    factories.ChallengeRequestFactory(lab=own, submitted_at=at(2025, 8, 31, 23, 59, 59))
    factories.ChallengeRequestFactory(lab=own, submitted_at=at(2026, 9, 1, 0, 0))
    factories.ChallengeRequestFactory(lab=other, submitted_at=at(2026, 1, 5))
    factories.ChallengeRequestFactory(lab=other, preferred_lab=own, submitted_at=at(2026, 1, 5))


def report_projects(own, other):
    area, unused_area = factories.FocusAreaFactory(lab=own, name="Robotics"), factories.FocusAreaFactory(lab=own)
    partner = factories.OrganisationFactory(name="Example Motors")
    started = [
        factories.ProjectFactory(
            lab=own,
            start_date=datetime.date(2025, 10, 1),
            collaboration_type="contract",
            funding_scheme="itf",
            partner_contribution_hkd=Decimal("250000.00"),
        ),
        factories.ProjectFactory(
            lab=own,
            start_date=datetime.date(2026, 2, 1),
            collaboration_type="contract",
            funding_scheme="tvp",
            partner_contribution_hkd=Decimal("100000.50"),
        ),
        factories.ProjectFactory(lab=own, start_date=datetime.date(2026, 6, 1), collaboration_type="consultancy"),
    ]
    done = factories.ProjectFactory(
        lab=own, status="completed", start_date=datetime.date(2023, 1, 1), end_date=datetime.date(2026, 7, 31)
    )
    factories.ProjectFactory(lab=own, start_date=datetime.date(2025, 8, 31))  # the day before the period
    factories.ProjectFactory(lab=own, status="active", end_date=datetime.date(2026, 1, 1))  # ended, not completed
    factories.ProjectFactory(lab=other, start_date=datetime.date(2025, 10, 1), collaboration_type="contract")
    for project in (started[0], started[1], done):
        project.focus_areas.add(area)
    for project in (started[0], done):
        project.partners.add(partner)
    return area, unused_area, partner


def report_recruitment(own, other):
    call = factories.CallFactory(
        programme__lab=own, title="PhD fellowships 2026", opens_at=at(2026, 1, 1), closes_at=at(2026, 3, 1)
    )
    for status in ("submitted", "rejected", "offered", "accepted", "accepted", "declined"):
        factories.ApplicationFactory(call=call, status=status)
    factories.ApplicationFactory(
        call__programme__lab=own, call__opens_at=at(2026, 8, 1), call__closes_at=at(2026, 9, 1, 0, 0)
    )  # closes in the next period
    factories.ApplicationFactory(
        call__programme__lab=other, call__opens_at=at(2026, 1, 1), call__closes_at=at(2026, 3, 1)
    )
    return call


def report_events(own, other):
    event = factories.EventFactory(
        lab=own, title="Open lab day", starts_at=at(2026, 4, 18, 7), ends_at=at(2026, 4, 18, 12), capacity=10
    )  # 7 a.m. in Hong Kong is still the 17th in UTC
    for status in ("attended", "attended", "attended", "absent", "cancelled"):
        factories.RegistrationFactory(event=event, status=status)
    factories.EventFactory(lab=own, starts_at=at(2025, 8, 1, 10), ends_at=at(2025, 8, 1, 12))  # before the period
    factories.EventFactory(lab=other, starts_at=at(2026, 4, 18, 10), ends_at=at(2026, 4, 18, 12))
    return event


def test_challenge_requests_received_in_the_period_by_status_today(client, manager, two_labs):
    report_challenges(*two_labs)
    received = figures(sections(client)["challenges"])
    assert received["Received"] == 5
    assert (received["Submitted"], received["Matched"], received["Converted to project"]) == (1, 1, 1)
    assert (received["Declined"], received["Withdrawn"], received["In discussion"]) == (1, 1, 0)


def test_a_calendar_year_counts_from_january(client, manager, two_labs):
    report_challenges(*two_labs)
    assert figures(sections(client, "?kind=calendar&year=2026")["challenges"])["Received"] == 4
    assert figures(sections(client, "?kind=calendar&year=2025")["challenges"])["Received"] == 3


def moved(challenge, to, when, by):
    challenge_move(challenge=challenge, to=to, by=by)
    StatusChange.objects.filter(
        content_type=ContentType.objects.get_for_model(ChallengeRequest), object_id=challenge.pk, to_status=to
    ).update(changed_at=when)


def test_median_days_to_the_first_response_and_to_the_decision(client, manager, two_labs):
    own, _other = two_labs
    submitted = at(2025, 10, 1, 9)
    fast, slow, slower = (
        factories.ChallengeRequestFactory(lab=own, submitted_at=submitted) for _n in range(3)
    )  # answered after 1, 3 and 10 days
    factories.ChallengeRequestFactory(lab=own, submitted_at=submitted)  # not answered yet: not in the medians
    gone = factories.ChallengeRequestFactory(lab=own, submitted_at=submitted)  # withdrawn before any answer
    moved(gone, "withdrawn", submitted + datetime.timedelta(hours=12), manager)
    moved(fast, "under_review", submitted + datetime.timedelta(days=1), manager)
    moved(slow, "under_review", submitted + datetime.timedelta(days=3), manager)
    moved(slower, "under_review", submitted + datetime.timedelta(days=10), manager)
    moved(fast, "declined", submitted + datetime.timedelta(days=20), manager)
    moved(slow, "closed", submitted + datetime.timedelta(days=31), manager)
    moved(slower, "withdrawn", submitted + datetime.timedelta(days=11), manager)  # the enterprise's, not a decision
    first_response, decision = figures(sections(client)["response-times"]).values()
    assert (first_response, decision) == (3.0, 25.5)


def test_projects_started_and_completed_by_focus_area_and_partner(client, manager, two_labs):
    area, unused_area, partner = report_projects(*two_labs)
    report = sections(client)
    by_area = {row.label: [cell.value for cell in row.cells] for row in report["projects-by-area"].rows}
    assert by_area == {"All projects": [3, 1], "Robotics": [2, 1], unused_area.name: [0, 0]}
    by_partner = {row.label: [cell.value for cell in row.cells] for row in report["projects-by-partner"].rows}
    assert by_partner == {"All projects": [3, 1], "Example Motors": [1, 1]}


def test_funder_figures_of_the_projects_started(client, manager, two_labs):
    report_projects(*two_labs)
    rows = {row.label: [cell.value for cell in row.cells] for row in sections(client)["funders"].rows}
    assert rows["Contract research"] == [2, Decimal("350000.50")]
    assert rows["Consultancy"] == [1, Decimal(0)] and rows["Licence"] == [0, Decimal(0)]
    assert rows["Innovation and Technology Fund (ITF)"] == [1, Decimal("250000.00")]
    assert rows["Technology Voucher Programme (TVP)"] == [1, Decimal("100000.50")]


def test_applications_offers_and_acceptance_rate_per_call_closing_in_the_period(client, manager, two_labs):
    call = report_recruitment(*two_labs)
    [row] = sections(client)["recruitment"].rows
    assert row.label == call.title
    # applications, offers, awaiting reply, accepted, declined, acceptance rate (2 of 4 offers)
    assert [cell.value for cell in row.cells] == [6, 4, 1, 2, 1, 0.5]


def test_events_held_in_the_period_and_their_attendance(client, manager, two_labs):
    report_events(*two_labs)
    [row] = sections(client)["events"].rows
    assert row.label == "Open lab day (18 Apr 2026)"
    assert [cell.value for cell in row.cells] == [5, 3, 0.75]  # 3 of the 4 who held a place came


def test_alliance_members_of_the_lab(client, manager, two_labs):
    own, other = two_labs
    factories.PartnershipFactory.create_batch(2, lab=own, role=Partnership.Role.ALLIANCE_MEMBER)
    factories.PartnershipFactory(lab=own, role=Partnership.Role.COLLABORATOR)
    factories.PartnershipFactory(lab=other, role=Partnership.Role.ALLIANCE_MEMBER)
    assert figures(sections(client)["alliance"]) == {"Alliance members": 2}


def seed(own, other):
    report_challenges(own, other)
    report_projects(own, other)
    report_recruitment(own, other)
    report_events(own, other)
    factories.PartnershipFactory(lab=own, role=Partnership.Role.ALLIANCE_MEMBER)


@pytest.mark.parametrize("role", ["lab manager", "administrator"])
def test_every_figure_equals_the_admin_list_it_links_to(client, two_labs, role):
    own, other = two_labs
    seed(own, other)
    if role == "lab manager":
        user = staff_add(email="manager@example.org", role="lab_manager", lab_slugs=["own"])[0]
    else:
        user = factories.SuperuserFactory()
    client.force_login(user)
    checked = 0
    for section in sections(client, f"{ACADEMIC_2025}&lab={own.pk}").values():
        for row in section.rows:
            for cell in row.cells:
                if cell.url:
                    listed = client.get(cell.url).context["cl"].result_count
                    assert listed == cell.value, (section.key, row.label, cell.url)
                    checked += 1
    assert checked > 30


def test_a_lab_manager_reports_on_their_labs_only(client, manager, two_labs):
    own, other = two_labs
    response = client.get(REPORT)
    assert list(response.context["form"].fields["lab"].queryset) == [own]
    refused = client.get(f"{REPORT}{ACADEMIC_2025}&lab={other.pk}")
    assert refused.status_code == 400 and "sections" not in refused.context
    assert refused.context["form"].errors["lab"]


def test_an_administrator_chooses_any_lab(admin_client, two_labs):
    own, other = two_labs
    report_challenges(own, other)
    assert figures(sections(admin_client, f"{ACADEMIC_2025}&lab={other.pk}")["challenges"])["Received"] == 2


def test_the_responsible_lab_filter_lists_nothing_of_another_lab(client, manager, two_labs):
    own, other = two_labs
    report_challenges(own, other)
    response = client.get(f"/admin/challenges/challengerequest/?responsible_lab={other.pk}")
    assert response.context["cl"].result_count == 0


@pytest.mark.parametrize("role", [REVIEWER, EDITOR])
def test_reviewers_and_content_editors_get_no_report(client, two_labs, role):
    client.force_login(staff_add(email="someone@example.org", role=role, lab_slugs=["own"])[0])
    assert client.get(REPORT).status_code == 403


def test_the_report_is_for_staff_only(client):
    response = client.get(REPORT)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_charts_are_drawn_on_the_server_with_their_tables(client, manager, two_labs):
    seed(*two_labs)
    html = client.get(REPORT + ACADEMIC_2025).content.decode()
    assert html.count('role="img"') == 4 and html.count('class="report-table"') == 8
    assert "<script" not in html.split('id="content-main"')[1]


def test_the_print_ready_page_has_the_figures_without_the_admin_around_them(client, manager, two_labs):
    seed(*two_labs)
    html = client.get(REPORT + ACADEMIC_2025 + "&format=print").content.decode()
    assert "Open lab day (18 Apr 2026)" in html and "75%" in html and 'role="img"' in html
    assert '<header id="header">' not in html and 'class="report-figure"><a' not in html


def test_the_csv_download_is_formula_safe(client, manager, two_labs):
    own, other = two_labs
    seed(own, other)
    project = factories.ProjectFactory(lab=own, start_date=datetime.date(2025, 11, 1))
    project.partners.add(factories.OrganisationFactory(name='=HYPERLINK("http://evil.example")'))
    response = client.get(REPORT + ACADEMIC_2025 + "&format=csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Lab", "Period", "Section", "Row", "Column", "Value"]
    assert [own.display_name, "2025/26", "Industry challenges received in the period, by status today", "Received",
            "Requests", "5"] in rows  # fmt: skip
    assert any(row[3] == '\'=HYPERLINK("http://evil.example")' for row in rows)
    assert not any(value.startswith("=") for row in rows for value in row)


def test_the_xlsx_download_has_the_figures_and_no_formula(client, manager, two_labs):
    own, other = two_labs
    seed(own, other)
    factories.ProjectFactory(lab=own, start_date=datetime.date(2025, 11, 1)).partners.add(
        factories.OrganisationFactory(name="=1+1")
    )
    response = client.get(REPORT + ACADEMIC_2025 + "&format=xlsx")
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook["Report"]["B2"].value == own.name
    funnel = workbook["challenges"]
    assert [cell.value for cell in funnel[3]] == ["Received", 5]
    cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]
    assert any(cell.value == "=1+1" for cell in cells)  # kept as the text it is
    assert not any(cell.data_type == "f" for cell in cells)


def test_the_query_count_does_not_grow_with_the_data(client, manager, two_labs, count_queries):
    own, other = two_labs
    seed(own, other)
    small = count_queries(client, REPORT + ACADEMIC_2025)
    for _n in range(3):
        seed(own, other)
    assert count_queries(client, REPORT + ACADEMIC_2025) == small
    assert small <= 35


def test_funder_fields_are_edited_in_the_project_admin(admin_client, two_labs):
    project = factories.ProjectFactory(lab=two_labs[0])
    page = admin_client.get(f"/admin/projects/project/{project.pk}/change/").content.decode()
    assert 'name="collaboration_type"' in page and 'name="partner_contribution_hkd"' in page
    assert 'name="funding_scheme"' in page and "Research Talent Hub (RTH)" in page


def test_a_negative_partner_contribution_is_refused():
    project = factories.ProjectFactory(partner_contribution_hkd=Decimal("-1"))
    with pytest.raises(Exception, match="greater than or equal to 0"):
        project.full_clean()


@pytest.mark.parametrize(
    "query",
    ["?kind=fiscal&year=2025", "?kind=academic&year=1999", "?kind=academic&year=next", "?year=2025&format=pdf"],
)
def test_a_period_or_format_that_does_not_exist_is_refused(client, manager, two_labs, query):
    response = client.get(REPORT + query)
    assert response.status_code == 400 and "sections" not in response.context


def test_hong_kong_midnight_bounds_the_period_in_every_link(client, manager, two_labs):
    report_challenges(*two_labs)
    [received] = [row for row in sections(client)["challenges"].rows if row.label == "Received"]
    assert "submitted_at__gte=2025-09-01T00%3A00%3A00%2B08%3A00" in received.cells[0].url
    assert "submitted_at__lt=2026-09-01T00%3A00%3A00%2B08%3A00" in received.cells[0].url


def test_the_dashboard_of_a_lab_manager_links_to_the_reports(client, manager):
    assert f'href="{REPORT}"' in client.get("/admin/dashboard/").content.decode()

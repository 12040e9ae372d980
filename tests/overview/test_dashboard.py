"""The staff dashboard: scoped figures that match the lists they link to, in a bounded number of queries."""

import datetime

import pytest
from django.utils import timezone

from people.roles import REVIEWER
from people.staff import staff_add
from recruitment.services import review_save
from tests import factories

pytestmark = pytest.mark.django_db
CHARTS = [
    "challenge_status",
    "application_status",
    "challenges_per_month",
    "applications_per_month",
    "by_sector",
    "by_area",
]


def seed(own, other, n):
    area = factories.FocusAreaFactory(lab=own)
    for i in range(n):
        for lab, status in ((own, "submitted"), (own, "under_review"), (other, "submitted")):
            challenge = factories.ChallengeRequestFactory(
                lab=lab, status=status, sector=["food", "energy"][i % 2],
                submitted_at=timezone.now() - datetime.timedelta(days=10 + 40 * (i % 3)),
            )  # fmt: skip
            if lab == own:
                challenge.focus_areas.add(area)
        factories.ApplicationFactory(call__programme__lab=own, status=["submitted", "shortlisted"][i % 2])
        factories.ApplicationFactory(call__programme__lab=other)
    factories.ChallengeRequestFactory(lab=None, preferred_lab=None)  # for administrators only


def test_every_figure_equals_the_admin_list_it_links_to(client, manager, two_labs):
    seed(*two_labs, n=4)
    context = client.get("/admin/dashboard/").context
    checked = 0
    for chart in CHARTS:
        for bar in context[chart]["bars"]:
            listed = client.get(bar.url).context["cl"].result_count
            assert listed == bar.value, (chart, bar.label, bar.url)
            checked += 1
    assert checked > 20
    statuses = {bar.label: bar.value for bar in context["challenge_status"]["bars"]}
    assert (
        statuses["Submitted"] == 4 and statuses["Under review"] == 4
    )  # the other lab's and the unrouted ones are not counted


def test_requests_waiting_for_triage_oldest_first(client, manager, two_labs, settings):
    settings.TRIAGE_WAIT_DAYS = 7
    own, other = two_labs
    old = factories.ChallengeRequestFactory(lab=own, submitted_at=timezone.now() - datetime.timedelta(days=30))
    older = factories.ChallengeRequestFactory(lab=own, submitted_at=timezone.now() - datetime.timedelta(days=60))
    factories.ChallengeRequestFactory(lab=own, submitted_at=timezone.now() - datetime.timedelta(days=2))
    factories.ChallengeRequestFactory(lab=other, submitted_at=timezone.now() - datetime.timedelta(days=90))
    context = client.get("/admin/dashboard/").context
    assert list(context["waiting"]) == [older, old] and context["waiting_total"] == 2


def test_calls_closing_soon_with_their_application_counts(client, manager, two_labs):
    own, other = two_labs
    soon = factories.CallFactory(programme__lab=own, closes_at=timezone.now() + datetime.timedelta(days=10))
    factories.ApplicationFactory.create_batch(3, call=soon)
    factories.CallFactory(programme__lab=own, closes_at=timezone.now() + datetime.timedelta(days=45))
    factories.CallFactory(programme__lab=other, closes_at=timezone.now() + datetime.timedelta(days=5))
    calls = list(client.get("/admin/dashboard/").context["closing_calls"])
    assert [(call, call.application_total) for call in calls] == [(soon, 3)]


def test_reviews_outstanding_per_reviewer(client, manager, two_labs):
    own, _other = two_labs
    reviewer = staff_add(email="rev@example.org", role=REVIEWER)[0]
    applications = factories.ApplicationFactory.create_batch(3, call__programme__lab=own)
    for application in applications:
        application.reviewers.add(reviewer)
    review_save(
        review=factories.ReviewFactory.build(application=applications[0], reviewer=reviewer),
        by=reviewer,
        scores=factories.rubric_scores(applications[0].call),
    )
    [row] = client.get("/admin/dashboard/").context["reviews"]
    assert (row["reviewer"], row["assigned"], row["done"], row["left"]) == ("rev@example.org", 3, 1, 2)
    assert client.get(row["url"]).context["cl"].result_count == 3


def test_the_page_renders_with_no_data_at_all(admin_client):
    response = admin_client.get("/admin/dashboard/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nothing is waiting" in html and "No call closes in the next 30 days" in html
    assert 'role="img"' in html and "Show as a table" in html


def test_the_query_count_does_not_grow_with_the_data(client, manager, two_labs, count_queries):
    seed(*two_labs, n=2)
    small = count_queries(client, "/admin/dashboard/")
    seed(*two_labs, n=12)
    assert count_queries(client, "/admin/dashboard/") == small
    assert small <= 27  # 25 before the conversation counts (one query per kind of submission)


def test_a_reviewer_sees_just_their_assignments_and_what_is_left(client):
    reviewer = staff_add(email="rev@example.org", role=REVIEWER)[0]
    mine = factories.ApplicationFactory.create_batch(2)
    for application in mine:
        application.reviewers.add(reviewer)
    factories.ApplicationFactory(reference="AP-2026-99999")
    review_save(
        review=factories.ReviewFactory.build(application=mine[0], reviewer=reviewer),
        by=reviewer,
        scores=factories.rubric_scores(mine[0].call),
    )
    client.force_login(reviewer)
    response = client.get("/admin/dashboard/")
    html = response.content.decode()
    assert "1 application left to review." in html
    assert mine[1].reference in html and "AP-2026-99999" not in html


def test_the_admin_home_links_to_the_dashboard(admin_client):
    assert 'href="/admin/dashboard/"' in admin_client.get("/admin/").content.decode()


def test_the_dashboard_is_for_staff_only(client):
    response = client.get("/admin/dashboard/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    client.force_login(factories.UserFactory())  # signed in, but not staff
    response = client.get("/admin/dashboard/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")

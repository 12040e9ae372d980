"""The shortlist of a call: ranked by weighted score, spread flagged, recommendations counted, bulk moves."""

from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse

from people.roles import REVIEWER
from people.staff import staff_add
from recruitment.models import Application
from recruitment.services import rubric_add_default
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(two_labs):
    call = factories.CallFactory(programme__lab=two_labs[0], title="Robotics interns")
    rubric_add_default(call=call)  # 1–5: a spread above 1.2 is flagged
    return call


def url(call):
    return reverse("admin:recruitment_call_shortlist", args=[call.pk])


def scored(call, *scores, recommendation="advance", **kwargs):
    application = factories.ApplicationFactory(call=call, **kwargs)
    for score in scores:
        factories.ReviewFactory(application=application, score=score, recommendation=recommendation)
    return application


def test_applications_are_ranked_by_weighted_score_with_spread_and_recommendations(client, manager, call):
    middle = scored(call, 3, 3.5)
    top = scored(call, 4.5, 5)
    split = scored(call, 1, 4, recommendation="decline")  # average 2.5, 3 points apart
    unscored = scored(call)
    withdrawn = scored(call, 5, 5, status="withdrawn")
    response = client.get(url(call))
    rows = response.context["rows"]
    assert [row["application"] for row in rows] == [top, middle, split, unscored]
    assert withdrawn.reference not in response.content.decode()
    by_application = {row["application"]: row for row in rows}
    assert (by_application[top]["application"].average_score, by_application[top]["application"].review_count) == (
        Decimal("4.75"), 2,
    )  # fmt: skip
    assert (by_application[split]["spread"], by_application[split]["flagged"]) == (Decimal("3.00"), True)
    assert (by_application[middle]["spread"], by_application[middle]["flagged"]) == (Decimal("0.50"), False)
    assert by_application[unscored]["spread"] is None and not by_application[unscored]["flagged"]
    assert dict(by_application[split]["recommendations"]) == {"Advance": 0, "Hold": 0, "Decline": 2}
    assert dict(by_application[top]["recommendations"]) == {"Advance": 2, "Hold": 0, "Decline": 0}
    assert "Reviewers disagree" in response.content.decode()


def test_a_conflicted_review_counts_neither_in_spread_nor_recommendations(client, manager, call):
    application = scored(call, 4)
    factories.ReviewFactory(application=application, score=None, conflict_of_interest=True, recommendation="")
    [row] = client.get(url(call)).context["rows"]
    assert row["spread"] == Decimal("0.00") and dict(row["recommendations"])["Advance"] == 1


def test_bulk_moves_go_through_the_workflow_and_email_the_applicants(
    client, manager, call, django_capture_on_commit_callbacks
):
    ready = scored(call, 4, status="under_review")
    too_early = scored(call, 5, status="submitted")
    elsewhere = factories.ApplicationFactory(status="under_review")  # another call: its id is ignored
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url(call), {"to": "shortlisted", "application": [ready.pk, too_early.pk, elsewhere.pk]}, follow=True
        )
    html = response.content.decode()
    assert "1 application(s) moved." in html
    assert f"Not moved, the workflow does not allow it from their status: {too_early.reference}" in html
    statuses = dict(Application.objects.values_list("pk", "status"))
    assert (statuses[ready.pk], statuses[too_early.pk], statuses[elsewhere.pk]) == (
        "shortlisted", "submitted", "under_review",
    )  # fmt: skip
    assert [message.to for message in mail.outbox] == [[ready.email]]


@pytest.mark.parametrize(("data", "message"), [
    ({"to": "", "application": ["1"]}, "Choose where to move the selected applications."),
    ({"to": "offered", "application": ["1"]}, "Choose where to move the selected applications."),
    ({"to": "shortlisted"}, "Select at least one application to move."),
])  # fmt: skip
def test_a_bulk_move_without_a_target_or_a_selection_changes_nothing(client, manager, call, data, message):
    application = scored(call, 4, status="under_review")
    data = {**data, "application": [str(application.pk)] if "application" in data else []}
    response = client.post(url(call), data, follow=True)
    assert message in response.content.decode()
    application.refresh_from_db()
    assert application.status == "under_review"


def test_the_shortlist_is_for_staff_who_triage_the_calls_lab(client, manager, two_labs, call):
    other_call = factories.CallFactory(programme__lab=two_labs[1])
    assert client.get(url(call)).status_code == 200
    assert client.get(url(other_call)).status_code == 404
    assert client.post(url(other_call), {"to": "rejected", "application": ["1"]}).status_code == 404
    reviewer = staff_add(email="rev@example.org", role=REVIEWER, lab_slugs=["own"])[0]
    application = scored(call, 4, status="under_review")
    application.reviewers.add(reviewer)
    client.force_login(reviewer)
    assert client.get(url(call)).status_code in (403, 404)
    client.post(url(call), {"to": "rejected", "application": [application.pk]})
    application.refresh_from_db()
    assert application.status == "under_review"


def test_the_shortlist_is_linked_from_the_call_and_the_applications_list(client, manager, call):
    change = client.get(reverse("admin:recruitment_call_change", args=[call.pk])).content.decode()
    assert f'href="{url(call)}"' in change
    calls = client.get(reverse("admin:recruitment_call_changelist")).content.decode()
    assert f'href="{url(call)}"' in calls
    listing = client.get(reverse("admin:recruitment_application_changelist"), {"call__id__exact": call.pk})
    assert f'href="{url(call)}"' in listing.content.decode()


def test_the_shortlist_costs_the_same_at_two_sizes(client, manager, call, count_queries):
    for n in range(2):
        scored(call, 3 + n, 4)
    small = count_queries(client, url(call))
    for n in range(8):
        scored(call, 2 + n % 3, 5, recommendation="hold")
    assert count_queries(client, url(call)) == small

"""The staff side of applications: workflow, bulk actions, reviewers, blind review, export."""

import csv
import io
import itertools

import pikepdf
import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.urls import reverse

from portal.workflow import TransitionNotAllowed, history
from recruitment.models import Application, Review
from recruitment.services import application_transition, referee_upload_letter
from tests import factories
from tests.files import document_pdf, pdf

pytestmark = pytest.mark.django_db

STATUSES = Application.Status.values
NON_FINAL = ["submitted", "under_review", "waiting", "shortlisted", "interview", "waitlisted", "offered"]
ALLOWED = {
    ("submitted", "under_review"),
    ("under_review", "shortlisted"),
    ("shortlisted", "interview"),
    ("interview", "offered"),
    ("offered", "accepted"),
    ("offered", "declined"),
    # The waiting list, and an offer unanswered by its reply-by date (lapse_offers).
    ("shortlisted", "waitlisted"),
    ("interview", "waitlisted"),
    ("waitlisted", "offered"),
    ("offered", "lapsed"),
    # Staff ask formally for information; the answer or staff move the application on again.
    *((status, "waiting") for status in ("submitted", "under_review", "shortlisted", "interview")),
    ("waiting", "under_review"),
    ("waiting", "shortlisted"),
    ("waiting", "interview"),
    *((status, "rejected") for status in NON_FINAL),
    *((status, "withdrawn") for status in NON_FINAL),
}


@pytest.mark.parametrize(("current", "target"), list(itertools.product(STATUSES, STATUSES)))
def test_the_transition_table(current, target, superuser):
    application = factories.ApplicationFactory(status=current)
    if (current, target) in ALLOWED:
        application_transition(application=application, to=target, by=superuser, note="n")
        application.refresh_from_db()
        assert application.status == target
        assert history(application).get(to_status=target).changed_by == superuser
    else:
        with pytest.raises(TransitionNotAllowed):
            application_transition(application=application, to=target, by=superuser)
        application.refresh_from_db()
        assert application.status == current


@pytest.mark.parametrize(
    ("current", "target", "emailed"),
    [
        ("under_review", "shortlisted", True),
        ("shortlisted", "interview", True),
        ("interview", "offered", True),
        ("submitted", "rejected", True),
        ("submitted", "under_review", False),
        ("offered", "accepted", True),  # every decision is e-mailed, with what happens next
        ("interview", "waitlisted", True),
        ("offered", "lapsed", True),
    ],
)
def test_moves_the_applicant_cares_about_are_emailed(
    current, target, emailed, superuser, django_capture_on_commit_callbacks
):
    application = factories.ApplicationFactory(status=current, email="me@student.example")
    with django_capture_on_commit_callbacks(execute=True):
        application_transition(application=application, to=target, by=superuser)
    assert [message.to for message in mail.outbox] == ([["me@student.example"]] if emailed else [])


def test_bulk_shortlist_goes_through_the_workflow_and_sends_the_same_emails(
    admin_client, django_capture_on_commit_callbacks
):
    ready = factories.ApplicationFactory.create_batch(2, status="under_review")
    too_early = factories.ApplicationFactory(status="submitted")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:recruitment_application_changelist"),
            {"action": "move_to_shortlisted", "_selected_action": [a.pk for a in [*ready, too_early]]},
            follow=True,
        )
    html = response.content.decode()
    assert "2 application(s) moved." in html
    assert f"Not moved, the workflow does not allow it from their status: {too_early.reference}" in html
    assert sorted(Application.objects.values_list("status", flat=True)) == ["shortlisted", "shortlisted", "submitted"]
    assert len(mail.outbox) == 2


def test_staff_move_an_application_from_its_page(admin_client, superuser):
    application = factories.ApplicationFactory(status="submitted")
    url = reverse("admin:recruitment_application_change", args=[application.pk])
    data = {
        "move_to": "under_review",
        "move_note": "Complete file",
        "internal_notes": "",
        "referees-TOTAL_FORMS": "0",
        "referees-INITIAL_FORMS": "0",
        "reviews-TOTAL_FORMS": "0",
        "reviews-INITIAL_FORMS": "0",
        "portal-statuschange-content_type-object_id-TOTAL_FORMS": "0",
        "portal-statuschange-content_type-object_id-INITIAL_FORMS": "0",
    }
    assert admin_client.post(url, data).status_code == 302
    application.refresh_from_db()
    assert application.status == "under_review"
    data["move_to"] = "offered"
    response = admin_client.post(url, data)
    assert "That move is not allowed from the current status" in response.content.decode()


# --- reviewers ---------------------------------------------------------------------------------------------------


@pytest.fixture
def reviewer(client):
    user = factories.StaffUserFactory(username="reviewer")
    codenames = ["view_application", "review_application", "add_review", "change_review", "view_review"]
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    client.force_login(user)
    return user


def test_a_reviewer_sees_only_the_applications_assigned_to_them(client, reviewer):
    mine = factories.ApplicationFactory(name="Assigned Applicant")
    mine.reviewers.add(reviewer)
    other = factories.ApplicationFactory(name="Unassigned Applicant")
    html = client.get(reverse("admin:recruitment_application_changelist")).content.decode()
    assert mine.reference in html and other.reference not in html
    response = client.get(reverse("admin:recruitment_application_change", args=[other.pk]))
    assert response.status_code == 302  # the admin's "does not exist" redirect, with nothing of the record
    cv = reverse("admin:recruitment_application_document", args=[other.pk, "cv"])
    assert client.get(cv).status_code == 404
    assert client.get(reverse("admin:recruitment_application_document", args=[mine.pk, "cv"])).status_code == 200
    export = client.get(reverse("admin:recruitment_application_export")).content.decode("utf-8-sig")
    assert mine.reference in export and other.reference not in export


def test_a_reviewer_cannot_move_or_bulk_move_applications(client, reviewer):
    mine = factories.ApplicationFactory(status="under_review")
    mine.reviewers.add(reviewer)
    changelist = client.get(reverse("admin:recruitment_application_changelist"))
    assert "move_to_shortlisted" not in changelist.content.decode()
    client.post(
        reverse("admin:recruitment_application_changelist"),
        {"action": "move_to_shortlisted", "_selected_action": [mine.pk]},
    )
    mine.refresh_from_db()
    assert mine.status == "under_review"


def test_blind_review_hides_who_applied(client, reviewer, superuser):
    application = factories.ApplicationFactory(
        name="Wong Siu Ming", email="siuming@student.example", phone="+852 9999 1234", call__blind_review=True
    )
    application.reviewers.add(reviewer)
    for url in [
        reverse("admin:recruitment_application_changelist"),
        reverse("admin:recruitment_application_change", args=[application.pk]),
        reverse("admin:recruitment_application_export"),
    ]:
        html = client.get(url).content.decode("utf-8-sig")
        assert "Wong Siu Ming" not in html and "siuming@student.example" not in html and "9999 1234" not in html, url
    searched = client.get(reverse("admin:recruitment_application_changelist"), {"q": "Wong"})
    assert searched.context["cl"].result_count == 0
    client.force_login(superuser)
    assert (
        "Wong Siu Ming"
        in client.get(reverse("admin:recruitment_application_change", args=[application.pk])).content.decode()
    )


def test_blind_review_cannot_be_bypassed_with_url_filters(client, reviewer):
    application = factories.ApplicationFactory(name="Alice Wong", call__blind_review=True)
    application.reviewers.add(reviewer)
    url = reverse("admin:recruitment_application_changelist")
    for lookup in ("name__istartswith", "email__icontains", "phone__contains"):
        assert client.get(url, {lookup: "a"}).status_code == 400, lookup
    assert client.get(reverse("admin:recruitment_application_export"), {"name__istartswith": "ali"}).status_code == 400


def test_reviewers_do_not_see_history_or_other_reviewers_scores(client, reviewer):
    application = factories.ApplicationFactory(internal_notes="Candidate is the dean's nephew")
    application.reviewers.add(reviewer)
    factories.ReviewFactory(application=application, score=2)  # someone else's
    assert client.get(reverse("admin:recruitment_application_history", args=[application.pk])).status_code == 403
    changelist = client.get(reverse("admin:recruitment_application_changelist"))
    assert "average score" not in changelist.content.decode().lower()
    by_score = client.get(reverse("admin:recruitment_application_changelist"), {"average": "0-3"})
    assert by_score.status_code == 400  # no such filter for reviewers: the lookup is not theirs to use
    export = client.get(reverse("admin:recruitment_application_export")).content.decode("utf-8-sig")
    assert "average_score" not in export.splitlines()[0]


CLASSIC = ("academic_record", "research_fit", "statement", "references")


def review_data(application, **overrides):
    """A post of the scoring form: the classic rubric's criteria named by their old field names in `overrides`."""
    criteria = dict(zip(CLASSIC, factories.rubric_scores(application.call), strict=True))
    scores = {"academic_record": "4", "research_fit": "5", "statement": "3", "references": "4"}
    data = {"application": application.pk, "recommendation": "advance", "comment": "Solid."}
    for name, criterion in criteria.items():
        data[f"score_{criterion.pk}"] = overrides.pop(name, scores[name])
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def score_error(response, application, name):
    criterion = application.call.criteria.get(order=CLASSIC.index(name) + 1)
    return response.context["adminform"].form.errors.get(f"score_{criterion.pk}")


def test_a_reviewer_scores_an_assigned_application_once(client, reviewer):
    application = factories.ApplicationFactory()
    application.reviewers.add(reviewer)
    page = client.get(reverse("admin:recruitment_application_change", args=[application.pk])).content.decode()
    assert "Score this application" in page
    response = client.post(reverse("admin:recruitment_review_add"), review_data(application))
    assert response.status_code == 302
    review = Review.objects.get()
    assert (review.reviewer, float(review.score)) == (reviewer, 4.0)
    again = client.post(reverse("admin:recruitment_review_add"), review_data(application))
    assert again.status_code == 200 and Review.objects.count() == 1  # not offered a second time
    unassigned = factories.ApplicationFactory()
    client.post(reverse("admin:recruitment_review_add"), review_data(unassigned))
    assert not Review.objects.filter(application=unassigned).exists()


def test_scores_must_be_between_1_and_5(client, reviewer):
    application = factories.ApplicationFactory()
    application.reviewers.add(reviewer)
    response = client.post(reverse("admin:recruitment_review_add"), review_data(application, research_fit="6"))
    assert score_error(response, application, "research_fit") == ["Score “Research fit” from 1 to 5."]
    response = client.post(reverse("admin:recruitment_review_add"), review_data(application, statement=""))
    assert score_error(response, application, "statement") == ["Score “Personal statement” from 1 to 5."]
    assert Review.objects.count() == 0


def test_a_declared_conflict_removes_the_reviewer(client, reviewer):
    application = factories.ApplicationFactory()
    application.reviewers.add(reviewer)
    data = review_data(
        application,
        conflict_of_interest="on",
        academic_record="",
        research_fit="",
        statement="",
        references="",
        recommendation="",
    )
    client.post(reverse("admin:recruitment_review_add"), data)
    assert Review.objects.get().conflict_of_interest
    assert not application.reviewers.filter(pk=reviewer.pk).exists()
    assert client.get(reverse("admin:recruitment_application_changelist")).context["cl"].result_count == 0


def test_the_changelist_shows_average_and_count_and_filters_by_score(admin_client):
    strong = factories.ApplicationFactory()
    factories.ReviewFactory(application=strong, score=5)
    factories.ReviewFactory(application=strong, score=4)
    factories.ReviewFactory(application=strong, score=1, conflict_of_interest=True)
    weak = factories.ApplicationFactory()
    factories.ReviewFactory(application=weak, score=2)
    factories.ApplicationFactory()  # unscored
    response = admin_client.get(reverse("admin:recruitment_application_changelist"), {"average": "4-5"})
    [row] = response.context["cl"].result_list
    assert (row, float(row.average_score), row.review_count) == (strong, 4.5, 2)
    assert (
        admin_client.get(reverse("admin:recruitment_application_changelist"), {"average": "none"})
        .context["cl"]
        .result_count
        == 1
    )


def test_export_carries_average_scores_and_is_formula_safe(admin_client):
    application = factories.ApplicationFactory(name="=cmd()", university="@evil")
    factories.ReviewFactory(application=application, score=3.5)
    rows = list(
        csv.DictReader(
            io.StringIO(admin_client.get(reverse("admin:recruitment_application_export")).content.decode("utf-8-sig"))
        )
    )
    assert rows[0]["average_score"] == "3.50" and rows[0]["reviews"] == "1"
    assert rows[0]["name"] == "'=cmd()" and rows[0]["university"] == "'@evil"


def test_calls_show_their_applications_by_status(admin_client):
    call = factories.CallFactory(title="Counted call")
    factories.ApplicationFactory.create_batch(2, call=call)
    factories.ApplicationFactory(call=call, status="shortlisted")
    html = admin_client.get(reverse("admin:recruitment_call_changelist")).content.decode()
    assert "2 Submitted" in html and "1 Shortlisted" in html


def test_deleting_a_review_updates_the_average(admin_client):
    application = factories.ApplicationFactory()
    keep = factories.ReviewFactory(application=application, score=4)
    drop = factories.ReviewFactory(application=application, score=2)
    application.refresh_from_db()
    assert float(application.average_score) == 3.0
    admin_client.post(reverse("admin:recruitment_review_delete", args=[drop.pk]), {"post": "yes"})
    application.refresh_from_db()
    assert (float(application.average_score), application.review_count) == (4.0, 1)
    assert list(Review.objects.filter(application=application)) == [keep]


def test_an_export_with_a_bad_filter_goes_back_to_the_list(admin_client):
    response = admin_client.get(reverse("admin:recruitment_application_export"), {"submitted_at__year": "notayear"})
    assert response.status_code == 302 and response["Location"].endswith("?e=1")


# --- documents under blind review -----------------------------------------------------------------------------------


def downloaded(client, application, document):
    response = client.get(reverse("admin:recruitment_application_document", args=[application.pk, document]))
    assert response.status_code == 200, response.status_code
    return b"".join(response.streaming_content)


def metadata_of(content):
    with pikepdf.open(io.BytesIO(content)) as document:
        return {
            "info": {key: str(value) for key, value in document.docinfo.items()},
            "xmp": "/Metadata" in document.Root or any("/Metadata" in page.obj for page in document.pages),
            "pages": len(document.pages),
        }


@pytest.fixture
def identified_cv():
    return document_pdf(author="Wong Siu Ming", title="Curriculum vitae of Wong Siu Ming")


def test_under_blind_review_a_reviewer_downloads_documents_without_their_metadata(
    client, reviewer, superuser, identified_cv
):
    application = factories.ApplicationFactory(call__blind_review=True, cv__data=identified_cv)
    application.reviewers.add(reviewer)
    referee = application.referees.create(order=1, name="Dr Example", email="dr@uni.example", institution="Uni")
    referee_upload_letter(referee=referee, letter=pdf("letter.pdf", identified_cv))

    for document in ("cv", f"letter-{referee.pk}"):
        copy = downloaded(client, application, document)
        assert metadata_of(copy) == {"info": {}, "xmp": False, "pages": 3}, document
        assert b"Wong Siu Ming" not in copy
    # Staff who see who applied get the file as it was sent.
    client.force_login(superuser)
    original = downloaded(client, application, "cv")
    assert original == identified_cv
    assert metadata_of(original)["info"]["/Author"] == "Wong Siu Ming" and metadata_of(original)["xmp"]


def test_without_blind_review_a_reviewer_gets_the_original(client, reviewer, identified_cv):
    application = factories.ApplicationFactory(call__blind_review=False, cv__data=identified_cv)
    application.reviewers.add(reviewer)
    assert downloaded(client, application, "cv") == identified_cv


def test_a_document_whose_metadata_cannot_be_removed_is_not_shown_under_blind_review(client, reviewer):
    application = factories.ApplicationFactory(
        call__blind_review=True, cv__data=b"%PDF-1.4 kept from before the checks"
    )
    application.reviewers.add(reviewer)
    url = reverse("admin:recruitment_application_document", args=[application.pk, "cv"])
    response = client.get(url, follow=True)
    assert response.redirect_chain[0][0] == reverse("admin:recruitment_application_change", args=[application.pk])
    assert "could not be prepared for blind review" in response.content.decode()
    assert b"kept from before the checks" not in response.content

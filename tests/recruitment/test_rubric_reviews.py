"""Reviewers score against the call's rubric, beside the documents and letters, under blind review."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from recruitment.models import Review, ReviewScore, RubricCriterion
from recruitment.services import referee_upload_letter, review_save
from tests import factories
from tests.files import pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewer(client):
    user = factories.StaffUserFactory(username="reviewer", email="reviewer@example.org")
    codenames = ["view_application", "review_application", "add_review", "change_review", "view_review"]
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    client.force_login(user)
    return user


def criterion(call, name, *, low=0, high=3, weight=1, labels=(), order=0):
    return RubricCriterion.objects.create(
        call=call, name=name, min_score=low, max_score=high, weight=Decimal(weight), level_labels="\n".join(labels),
        order=order,
    )  # fmt: skip


@pytest.fixture
def application(reviewer):
    application = factories.ApplicationFactory(name="Wong Siu Ming", call__blind_review=True)
    application.reviewers.add(reviewer)
    return application


@pytest.fixture
def rubric(application):
    call = application.call
    return [
        criterion(call, "Research fit", high=3, weight=2, order=1,
                  labels=["No fit at all", "Some overlap", "Good fit", "Exactly our focus"]),
        criterion(call, "Motivation", low=1, high=5, order=2),
    ]  # fmt: skip


def scoring_post(application, rubric, fit="3", motivation="2", **extra):
    fit_criterion, motivation_criterion = rubric
    data = {
        "application": application.pk,
        f"score_{fit_criterion.pk}": fit,
        f"comment_{fit_criterion.pk}": "Works on our robots",
        f"score_{motivation_criterion.pk}": motivation,
        "recommendation": "advance",
        "comment": "Invite.",
    }
    data.update(extra)
    return {key: value for key, value in data.items() if value is not None}


def add_url(application):
    return f"{reverse('admin:recruitment_review_add')}?application={application.pk}"


def test_the_scoring_page_shows_each_level_of_the_scale_with_its_sentence(client, application, rubric):
    html = client.get(add_url(application)).content.decode()
    for label in ("0 — No fit at all", "1 — Some overlap", "2 — Good fit", "3 — Exactly our focus"):
        assert label in html
    assert "Research fit (weight 2)" in html and "Motivation" in html
    assert 'type="radio"' in html and "Comment on “Research fit”" in html
    for recommendation in ("Advance", "Hold", "Decline"):
        assert recommendation in html


def test_the_scoring_page_links_the_documents_and_letters_without_naming_anyone(client, application, rubric):
    referee = application.referees.create(order=1, name="Dr Referee Chan", email="chan@uni.example", institution="U")
    referee_upload_letter(referee=referee, letter=pdf("letter.pdf"))
    application.referees.create(order=2, name="Dr Late", email="late@uni.example", institution="U")
    html = client.get(add_url(application)).content.decode()
    cv = reverse("admin:recruitment_application_document", args=[application.pk, "cv"])
    letter = reverse("admin:recruitment_application_document", args=[application.pk, f"letter-{referee.pk}"])
    assert f'href="{cv}"' in html and f'href="{letter}"' in html and "Letter from referee 1" in html
    assert "Letter from referee 2" not in html  # not received yet
    assert "Wong Siu Ming" not in html and "Referee Chan" not in html
    assert client.get(letter).status_code == 200 and client.get(cv).status_code == 200


def test_the_weighted_score_is_kept_on_the_review_and_the_application(client, reviewer, application, rubric):
    response = client.post(add_url(application), scoring_post(application, rubric, fit="3", motivation="2"))
    assert response.status_code == 302
    review = Review.objects.get()
    # (3 × 2 + 2 × 1) / (2 + 1)
    assert (review.reviewer, review.score, review.recommendation, review.comment) == (
        reviewer, Decimal("2.67"), "advance", "Invite."
    )  # fmt: skip
    assert {(s.criterion.name, s.score, s.comment) for s in review.scores.all()} == {
        ("Research fit", 3, "Works on our robots"),
        ("Motivation", 2, ""),
    }
    application.refresh_from_db()
    assert (application.average_score, application.review_count) == (Decimal("2.67"), 1)


def test_a_reviewer_changes_their_scores(client, application, rubric):
    client.post(add_url(application), scoring_post(application, rubric))
    review = Review.objects.get()
    url = reverse("admin:recruitment_review_change", args=[review.pk])
    page = client.get(url).content.decode()
    assert "Works on our robots" in page  # the form comes back with the saved comment
    assert client.post(url, scoring_post(application, rubric, fit="0", motivation="5")).status_code == 302
    review.refresh_from_db()
    assert review.score == Decimal("1.67") and ReviewScore.objects.count() == 2


@pytest.mark.parametrize(("fit", "motivation", "field", "message"), [
    ("4", "2", 0, "Score “Research fit” from 0 to 3."),
    ("", "2", 0, "Score “Research fit” from 0 to 3."),
    ("2", "0", 1, "Score “Motivation” from 1 to 5."),
    ("2", "abc", 1, "Score “Motivation” from 1 to 5."),
])  # fmt: skip
def test_a_score_outside_its_criterions_scale_is_refused(client, application, rubric, fit, motivation, field, message):
    response = client.post(add_url(application), scoring_post(application, rubric, fit=fit, motivation=motivation))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors[f"score_{rubric[field].pk}"] == [message]
    assert not Review.objects.exists()


def test_a_recommendation_is_required(client, application, rubric):
    response = client.post(add_url(application), scoring_post(application, rubric, recommendation=None))
    assert response.context["adminform"].form.errors["recommendation"] == ["Choose a recommendation."]
    assert not Review.objects.exists()


def test_the_service_refuses_a_score_outside_the_scale_with_a_clear_message(reviewer, application, rubric):
    review = Review(application=application, reviewer=reviewer, recommendation="hold")
    with pytest.raises(ValidationError) as refusal:
        review_save(review=review, by=reviewer, scores={rubric[0]: 7, rubric[1]: 3})
    assert refusal.value.message_dict == {f"score_{rubric[0].pk}": ["Score “Research fit” from 0 to 3."]}
    assert not Review.objects.exists()


def test_the_service_refuses_scores_for_another_calls_criteria(reviewer, application, rubric):
    foreign = criterion(factories.CallFactory(), "Elsewhere")
    review = Review(application=application, reviewer=reviewer, recommendation="hold")
    with pytest.raises(ValidationError):
        review_save(review=review, by=reviewer, scores={rubric[0]: 2, rubric[1]: 3, foreign: 1})
    assert not Review.objects.exists()


def test_only_an_assigned_reviewer_reviews(reviewer, rubric):
    unassigned = factories.ApplicationFactory()
    criterion(unassigned.call, "Fit")
    review = Review(application=unassigned, reviewer=reviewer, recommendation="advance")
    with pytest.raises(ValidationError):
        review_save(review=review, by=reviewer, scores={unassigned.call.criteria.get(): 2})
    assert not Review.objects.exists()


def test_a_call_without_a_rubric_says_so(client, reviewer):
    application = factories.ApplicationFactory()
    application.reviewers.add(reviewer)
    html = client.get(add_url(application)).content.decode()
    assert "This call has no rubric yet" in html


def test_a_second_submission_of_the_form_is_refused(client, application, rubric):
    data = scoring_post(application, rubric)
    client.post(add_url(application), data)
    again = client.post(add_url(application), data)
    assert again.status_code == 200 and "application" in again.context["adminform"].form.errors
    assert Review.objects.count() == 1


def test_a_declared_conflict_removes_the_reviewer_and_the_documents(client, reviewer, application, rubric):
    data = scoring_post(application, rubric, fit=None, motivation=None, recommendation=None, conflict_of_interest="on")
    assert client.post(add_url(application), data).status_code == 302
    review = Review.objects.get()
    assert review.conflict_of_interest and review.score is None and not review.scores.exists()
    assert not application.reviewers.filter(pk=reviewer.pk).exists()
    cv = reverse("admin:recruitment_application_document", args=[application.pk, "cv"])
    assert client.get(cv).status_code == 404
    change = client.get(reverse("admin:recruitment_review_change", args=[review.pk]))
    assert 'name="_save"' not in change.content.decode()


def test_staff_see_a_reviews_scores_read_only_and_cannot_change_it(client, superuser, reviewer, application, rubric):
    review = Review(application=application, reviewer=reviewer, recommendation="hold")
    review_save(review=review, by=reviewer, scores={rubric[0]: 1, rubric[1]: 4})
    client.force_login(superuser)
    admin_client = client
    url = reverse("admin:recruitment_review_change", args=[review.pk])
    response = admin_client.get(url)
    html = response.content.decode()
    assert 'name="_save"' not in html and "Research fit" in html
    admin_client.post(url, scoring_post(application, rubric, fit="3", motivation="5"))
    review.refresh_from_db()
    assert review.score == Decimal("2.00")


def call_form_data(form):
    """The call's admin form posted back as it was shown."""
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False:
            continue
        if hasattr(value, "strftime"):
            data[f"{name}_0"], data[f"{name}_1"] = value.strftime("%Y-%m-%d"), value.strftime("%H:%M:%S")
        else:
            data[name] = value
    return data


def test_a_lab_manager_edits_the_rubric_of_their_call(client, manager, two_labs):
    own, _other = two_labs
    call = factories.CallFactory(programme__lab=own)
    url = reverse("admin:recruitment_call_change", args=[call.pk])
    page = client.get(url)
    assert page.status_code == 200
    formset = next(f for f in page.context["inline_admin_formsets"] if f.formset.model is RubricCriterion)
    prefix = formset.formset.prefix
    data = call_form_data(page.context["adminform"].form)
    for inline in page.context["inline_admin_formsets"]:
        data[f"{inline.formset.prefix}-TOTAL_FORMS"] = "0"
        data[f"{inline.formset.prefix}-INITIAL_FORMS"] = "0"
    data.update({
        f"{prefix}-TOTAL_FORMS": "1",
        f"{prefix}-0-order": "1", f"{prefix}-0-name": "Fit", f"{prefix}-0-weight": "1.5",
        f"{prefix}-0-min_score": "0", f"{prefix}-0-max_score": "2", f"{prefix}-0-level_labels": "None\nSome",
    })  # fmt: skip
    refused = client.post(url, data)
    assert refused.status_code == 200
    assert "Write one line for each score from 0 to 2 (3 lines), or none." in refused.content.decode()
    assert not call.criteria.exists()
    data[f"{prefix}-0-level_labels"] = "None\nSome\nStrong"
    assert client.post(url, data).status_code == 302
    saved = call.criteria.get()
    assert (saved.name, saved.weight, saved.levels()) == (
        "Fit",
        Decimal("1.5"),
        [(0, "None"), (1, "Some"), (2, "Strong")],
    )


def test_a_scale_that_would_orphan_given_scores_is_refused(reviewer, application, rubric):
    review_save(
        review=Review(application=application, reviewer=reviewer, recommendation="hold"),
        by=reviewer,
        scores={rubric[0]: 3, rubric[1]: 4},
    )
    fit = rubric[0]
    fit.max_score, fit.level_labels = 2, ""
    with pytest.raises(ValidationError, match="Reviewers already gave scores outside 0–2"):
        fit.full_clean()


def test_the_scoring_page_costs_the_same_with_more_criteria_and_letters(client, reviewer, application, rubric):
    review_save(
        review=Review(application=application, reviewer=reviewer, recommendation="hold"),
        by=reviewer,
        scores={rubric[0]: 3, rubric[1]: 4},
    )
    url = reverse("admin:recruitment_review_change", args=[Review.objects.get().pk])

    def count():
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    small = count()
    for order in range(1, 4):
        referee = application.referees.create(
            order=order, name=f"R{order}", email=f"r{order}@x.example", institution="U"
        )
        referee_upload_letter(referee=referee, letter=pdf("letter.pdf"))
    for n in range(4):
        criterion(application.call, f"Extra {n}", order=10 + n)
    assert count() == small

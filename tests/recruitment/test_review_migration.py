"""Migration 0005 gives every call the four classic criteria and turns every review's four scores into rows,
with recommendations mapped; nothing is lost, and it can be reversed."""

from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests import factories

BEFORE = [("recruitment", "0004_interviews_offers")]
AFTER = [("recruitment", "0005_rubric_reviews")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_scores_and_recommendations_move_to_the_rubric():
    reviewed = factories.ApplicationFactory()
    conflicted = factories.ApplicationFactory(call=reviewed.call)
    empty_call = factories.CallFactory()
    reviewer, other, third = factories.StaffUserFactory.create_batch(3)
    try:
        old = migrate(BEFORE)
        Review = old.get_model("recruitment", "Review")
        scores = {"academic_record": 5, "research_fit": 4, "statement": 2, "references": 3}
        first = Review.objects.create(
            application_id=reviewed.pk, reviewer_id=reviewer.pk, recommendation="strong_yes", score=Decimal("3.50"),
            comment="Keep me", **scores,
        )  # fmt: skip
        second = Review.objects.create(
            application_id=reviewed.pk, reviewer_id=other.pk, recommendation="neutral", score=Decimal("1.00"),
            academic_record=1, research_fit=1, statement=1, references=1,
        )  # fmt: skip
        third_review = Review.objects.create(
            application_id=conflicted.pk, reviewer_id=third.pk, conflict_of_interest=True
        )
        Review.objects.create(
            application_id=conflicted.pk, reviewer_id=reviewer.pk, recommendation="no", score=Decimal("2.00"),
            academic_record=2, research_fit=2, statement=2, references=2,
        )  # fmt: skip

        new = migrate(AFTER)
        Review = new.get_model("recruitment", "Review")
        Criterion = new.get_model("recruitment", "RubricCriterion")
        Score = new.get_model("recruitment", "ReviewScore")
        for call_id in (reviewed.call_id, empty_call.pk):
            assert list(
                Criterion.objects.filter(call_id=call_id)
                .order_by("order")
                .values_list("name", "min_score", "max_score", "weight")
            ) == [
                ("Academic record", 1, 5, Decimal("1.00")),
                ("Research fit", 1, 5, Decimal("1.00")),
                ("Personal statement", 1, 5, Decimal("1.00")),
                ("References", 1, 5, Decimal("1.00")),
            ]
        assert dict(Score.objects.filter(review_id=first.pk).values_list("criterion__name", "score")) == {
            "Academic record": 5, "Research fit": 4, "Personal statement": 2, "References": 3,
        }  # fmt: skip
        assert not Score.objects.filter(review_id=third_review.pk).exists()
        assert Score.objects.count() == 12
        recommendations = dict(Review.objects.values_list("pk", "recommendation"))
        assert (recommendations[first.pk], recommendations[second.pk], recommendations[third_review.pk]) == (
            "advance", "hold", "",
        )  # fmt: skip
        assert sorted(recommendations.values()) == ["", "advance", "decline", "hold"]
        kept = Review.objects.get(pk=first.pk)
        assert (kept.score, kept.comment) == (Decimal("3.50"), "Keep me")

        back = migrate(BEFORE)  # and back again: the scores return to their columns
        Review = back.get_model("recruitment", "Review")
        restored = Review.objects.get(pk=first.pk)
        assert {name: getattr(restored, name) for name in scores} == scores
        assert restored.recommendation == "yes"
    finally:
        migrate(AFTER)
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())

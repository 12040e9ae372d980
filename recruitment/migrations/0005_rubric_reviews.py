"""Rubrics per call, scores per criterion, review deadlines.

Every existing call gets the four criteria reviewers scored before (1–5, weight 1) as its rubric; every existing
review's four scores become rows of ReviewScore; recommendations map strong_yes/yes → advance, neutral → hold,
no → decline (in the audit history too). Reversible: going back puts the scores and recommendations where they
were."""

from decimal import Decimal

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import recruitment.models.reviewer_choices

# (order, name, the Review field it replaces)
CLASSIC_CRITERIA = (
    (1, "Academic record", "academic_record"),
    (2, "Research fit", "research_fit"),
    (3, "Personal statement", "statement"),
    (4, "References", "references"),
)
RECOMMENDATIONS = {"strong_yes": "advance", "yes": "advance", "neutral": "hold", "no": "decline"}
RECOMMENDATIONS_BACK = {"advance": "yes", "hold": "neutral", "decline": "no"}


def _immediate_constraints(schema_editor):
    # The rows written here must be checked now: PostgreSQL refuses to alter tables with pending trigger events.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def forwards(apps, schema_editor):
    Call = apps.get_model("recruitment", "Call")
    Review = apps.get_model("recruitment", "Review")
    HistoricalReview = apps.get_model("recruitment", "HistoricalReview")
    RubricCriterion = apps.get_model("recruitment", "RubricCriterion")
    ReviewScore = apps.get_model("recruitment", "ReviewScore")
    criteria = {}
    for call_id in Call.objects.values_list("pk", flat=True).iterator():
        for order, name, field in CLASSIC_CRITERIA:
            criterion = RubricCriterion.objects.create(
                call_id=call_id, order=order, name=name, min_score=1, max_score=5, weight=Decimal(1)
            )
            criteria[(call_id, field)] = criterion.pk
    fields = [field for _order, _name, field in CLASSIC_CRITERIA]
    batch = []
    for review in Review.objects.values("pk", "application__call_id", *fields).iterator():
        for field in fields:
            if review[field] is not None:
                batch.append(
                    ReviewScore(
                        review_id=review["pk"],
                        criterion_id=criteria[(review["application__call_id"], field)],
                        score=review[field],
                    )
                )
        if len(batch) >= 2000:
            ReviewScore.objects.bulk_create(batch)
            batch = []
    ReviewScore.objects.bulk_create(batch)
    for model in (Review, HistoricalReview):
        for old, new in RECOMMENDATIONS.items():
            model.objects.filter(recommendation=old).update(recommendation=new)
    _immediate_constraints(schema_editor)


def backwards(apps, schema_editor):
    Review = apps.get_model("recruitment", "Review")
    HistoricalReview = apps.get_model("recruitment", "HistoricalReview")
    ReviewScore = apps.get_model("recruitment", "ReviewScore")
    field_of = {order: field for order, _name, field in CLASSIC_CRITERIA}
    scores = {}
    for row in ReviewScore.objects.values("review_id", "criterion__order", "score").iterator():
        if row["criterion__order"] in field_of:
            scores.setdefault(row["review_id"], {})[field_of[row["criterion__order"]]] = row["score"]
    for review_id, values in scores.items():
        Review.objects.filter(pk=review_id).update(**values)
    for model in (Review, HistoricalReview):
        for new, old in RECOMMENDATIONS_BACK.items():
            model.objects.filter(recommendation=new).update(recommendation=old)
    _immediate_constraints(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("recruitment", "0004_interviews_offers"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="call",
            name="review_deadline",
            field=models.DateTimeField(
                blank=True,
                help_text="Reviewers are told this date when assigned, and reminded before it; Hong Kong time.",
                null=True,
                verbose_name="reviews due",
            ),
        ),
        migrations.AddField(
            model_name="historicalcall",
            name="review_deadline",
            field=models.DateTimeField(
                blank=True,
                help_text="Reviewers are told this date when assigned, and reminded before it; Hong Kong time.",
                null=True,
                verbose_name="reviews due",
            ),
        ),
        migrations.CreateModel(
            name="RubricCriterion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                ("name", models.CharField(max_length=200, verbose_name="criterion")),
                ("description", models.TextField(blank=True, verbose_name="what it judges")),
                (
                    "min_score",
                    models.PositiveSmallIntegerField(
                        default=1,
                        validators=[django.core.validators.MaxValueValidator(9)],
                        verbose_name="lowest score",
                    ),
                ),
                (
                    "max_score",
                    models.PositiveSmallIntegerField(
                        default=5,
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(10),
                        ],
                        verbose_name="highest score",
                    ),
                ),
                (
                    "level_labels",
                    models.TextField(
                        blank=True,
                        help_text=(
                            "One sentence per line, from the lowest score to the highest: one line for every score."
                        ),
                        verbose_name="what each score means",
                    ),
                ),
                (
                    "weight",
                    models.DecimalField(
                        decimal_places=2,
                        default=Decimal("1"),
                        help_text="How much this criterion counts in the weighted score; 1 unless some matter more.",
                        max_digits=4,
                        validators=[django.core.validators.MinValueValidator(Decimal("0.01"))],
                        verbose_name="weight",
                    ),
                ),
                (
                    "call",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="criteria",
                        to="recruitment.call",
                        verbose_name="call",
                    ),
                ),
            ],
            options={
                "verbose_name": "rubric criterion",
                "verbose_name_plural": "rubric",
                "ordering": ["call", "order", "pk"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("max_score__gt", models.F("min_score")), ("max_score__lte", 10)),
                        name="rubric_scale_low_to_high",
                        violation_error_message="The highest score must be above the lowest, and at most 10.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("weight__gt", 0)),
                        name="rubric_weight_positive",
                        violation_error_message="Give a weight above 0.",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="ReviewScore",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "score",
                    models.PositiveSmallIntegerField(
                        validators=[django.core.validators.MaxValueValidator(10)], verbose_name="score"
                    ),
                ),
                ("comment", models.TextField(blank=True, verbose_name="comment")),
                (
                    "review",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="scores",
                        to="recruitment.review",
                        verbose_name="review",
                    ),
                ),
                (
                    "criterion",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="scores",
                        to="recruitment.rubriccriterion",
                        verbose_name="criterion",
                    ),
                ),
            ],
            options={
                "verbose_name": "score",
                "verbose_name_plural": "scores",
                "ordering": ["review", "criterion__order", "criterion"],
                "constraints": [
                    models.UniqueConstraint(fields=("review", "criterion"), name="review_score_once_per_criterion"),
                    models.CheckConstraint(condition=models.Q(("score__lte", 10)), name="review_score_at_most_10"),
                ],
            },
        ),
        migrations.CreateModel(
            name="ReviewReminder",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("sent_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "application",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="review_reminders",
                        to="recruitment.application",
                    ),
                ),
                (
                    "reviewer",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to=settings.AUTH_USER_MODEL
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(fields=("application", "reviewer"), name="review_reminder_once"),
                ],
            },
        ),
        migrations.RemoveConstraint(
            model_name="review",
            name="review_scores_1_to_5_unless_conflicted",
        ),
        migrations.AlterField(
            model_name="historicalreview",
            name="recommendation",
            field=models.CharField(
                blank=True,
                choices=[("advance", "Advance"), ("hold", "Hold"), ("decline", "Decline")],
                max_length=20,
                verbose_name="recommendation",
            ),
        ),
        migrations.AlterField(
            model_name="review",
            name="recommendation",
            field=models.CharField(
                blank=True,
                choices=[("advance", "Advance"), ("hold", "Hold"), ("decline", "Decline")],
                max_length=20,
                verbose_name="recommendation",
            ),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(model_name="historicalreview", name="academic_record"),
        migrations.RemoveField(model_name="historicalreview", name="references"),
        migrations.RemoveField(model_name="historicalreview", name="research_fit"),
        migrations.RemoveField(model_name="historicalreview", name="statement"),
        migrations.RemoveField(model_name="review", name="academic_record"),
        migrations.RemoveField(model_name="review", name="references"),
        migrations.RemoveField(model_name="review", name="research_fit"),
        migrations.RemoveField(model_name="review", name="statement"),
        migrations.AlterField(
            model_name="application",
            name="average_score",
            field=models.DecimalField(
                blank=True,
                db_index=True,
                decimal_places=2,
                editable=False,
                max_digits=4,
                null=True,
                verbose_name="average score",
            ),
        ),
        migrations.AlterField(
            model_name="historicalapplication",
            name="average_score",
            field=models.DecimalField(
                blank=True,
                db_index=True,
                decimal_places=2,
                editable=False,
                max_digits=4,
                null=True,
                verbose_name="average score",
            ),
        ),
        migrations.AlterField(
            model_name="application",
            name="reviewers",
            field=models.ManyToManyField(
                blank=True,
                limit_choices_to=recruitment.models.reviewer_choices.may_review,
                related_name="assigned_applications",
                to=settings.AUTH_USER_MODEL,
                verbose_name="reviewers",
            ),
        ),
        migrations.AlterField(
            model_name="historicalreview",
            name="comment",
            field=models.TextField(blank=True, verbose_name="overall comment"),
        ),
        migrations.AlterField(
            model_name="historicalreview",
            name="score",
            field=models.DecimalField(
                blank=True, decimal_places=2, editable=False, max_digits=4, null=True, verbose_name="score"
            ),
        ),
        migrations.AlterField(
            model_name="review",
            name="comment",
            field=models.TextField(blank=True, verbose_name="overall comment"),
        ),
        migrations.AlterField(
            model_name="review",
            name="score",
            field=models.DecimalField(
                blank=True, decimal_places=2, editable=False, max_digits=4, null=True, verbose_name="score"
            ),
        ),
    ]

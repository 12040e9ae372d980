"""Interview slots, offers with conditions, the waiting list."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import portal.uploads


class Migration(migrations.Migration):
    dependencies = [
        ("recruitment", "0003_drafts_referees"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="application",
            name="status",
            field=models.CharField(
                choices=[
                    ("submitted", "Submitted"),
                    ("under_review", "Under review"),
                    ("waiting", "Waiting for information"),
                    ("shortlisted", "Shortlisted"),
                    ("interview", "Interview"),
                    ("waitlisted", "Waiting list"),
                    ("offered", "Offered"),
                    ("accepted", "Accepted"),
                    ("declined", "Declined by applicant"),
                    ("lapsed", "Offer lapsed"),
                    ("rejected", "Rejected"),
                    ("withdrawn", "Withdrawn"),
                ],
                db_index=True,
                default="submitted",
                editable=False,
                max_length=20,
                verbose_name="status",
            ),
        ),
        migrations.AlterField(
            model_name="historicalapplication",
            name="status",
            field=models.CharField(
                choices=[
                    ("submitted", "Submitted"),
                    ("under_review", "Under review"),
                    ("waiting", "Waiting for information"),
                    ("shortlisted", "Shortlisted"),
                    ("interview", "Interview"),
                    ("waitlisted", "Waiting list"),
                    ("offered", "Offered"),
                    ("accepted", "Accepted"),
                    ("declined", "Declined by applicant"),
                    ("lapsed", "Offer lapsed"),
                    ("rejected", "Rejected"),
                    ("withdrawn", "Withdrawn"),
                ],
                db_index=True,
                default="submitted",
                editable=False,
                max_length=20,
                verbose_name="status",
            ),
        ),
        migrations.CreateModel(
            name="Offer",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                (
                    "reply_by",
                    models.DateTimeField(
                        help_text="Hong Kong time. Unanswered, the offer lapses then.", verbose_name="reply by"
                    ),
                ),
                ("letter_text", models.TextField(verbose_name="offer letter")),
                (
                    "letter",
                    models.FileField(
                        blank=True,
                        storage=portal.uploads.private_storage,
                        upload_to=portal.uploads.RandomUploadName("offers"),
                        verbose_name="offer letter (PDF)",
                    ),
                ),
                (
                    "made_at",
                    models.DateTimeField(default=django.utils.timezone.now, editable=False, verbose_name="made"),
                ),
                ("answered_at", models.DateTimeField(blank=True, editable=False, null=True, verbose_name="answered")),
                (
                    "application",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="offer",
                        to="recruitment.application",
                        verbose_name="application",
                    ),
                ),
                (
                    "made_by",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="made by",
                    ),
                ),
            ],
            options={
                "verbose_name": "offer",
                "verbose_name_plural": "offers",
                "ordering": ["-made_at"],
            },
        ),
        migrations.CreateModel(
            name="OfferCondition",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                ("text", models.CharField(max_length=500, verbose_name="condition")),
                ("met_at", models.DateTimeField(blank=True, editable=False, null=True, verbose_name="met")),
                (
                    "met_by",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="marked met by",
                    ),
                ),
                (
                    "offer",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="conditions",
                        to="recruitment.offer",
                        verbose_name="offer",
                    ),
                ),
            ],
            options={
                "verbose_name": "offer condition",
                "verbose_name_plural": "offer conditions",
                "ordering": ["order", "pk"],
            },
        ),
        migrations.CreateModel(
            name="InterviewSlot",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                ("starts_at", models.DateTimeField(db_index=True, verbose_name="starts")),
                ("ends_at", models.DateTimeField(verbose_name="ends")),
                (
                    "mode",
                    models.CharField(
                        choices=[("in_person", "In person"), ("online", "Online")],
                        default="in_person",
                        max_length=20,
                        verbose_name="how",
                    ),
                ),
                (
                    "place",
                    models.CharField(
                        blank=True, help_text="Room and building, in person.", max_length=300, verbose_name="place"
                    ),
                ),
                (
                    "link",
                    models.URLField(
                        blank=True, help_text="The video call's address, online.", verbose_name="online meeting link"
                    ),
                ),
                ("booked_at", models.DateTimeField(blank=True, editable=False, null=True, verbose_name="booked")),
                ("rescheduled", models.BooleanField(default=False, editable=False, verbose_name="rescheduled")),
                (
                    "booked_by",
                    models.OneToOneField(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="interview_slot",
                        to="recruitment.application",
                        verbose_name="booked by",
                    ),
                ),
                (
                    "call",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="interview_slots",
                        to="recruitment.call",
                        verbose_name="call",
                    ),
                ),
            ],
            options={
                "verbose_name": "interview slot",
                "verbose_name_plural": "interview slots",
                "ordering": ["starts_at", "pk"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("ends_at__gt", models.F("starts_at"))),
                        name="interview_slot_ends_after_start",
                    )
                ],
            },
        ),
    ]

"""Drafts of applications and referee changes and reminders (students)."""

import django.db.models.deletion
from django.db import migrations, models

import portal.uploads
import recruitment.models.applications


class Migration(migrations.Migration):
    dependencies = [
        ("recruitment", "0002_waiting_for_information"),
    ]

    operations = [
        migrations.AddField(
            model_name="applicationreferee",
            name="reminded_at",
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name="reminder sent"),
        ),
        migrations.AddField(
            model_name="applicationreferee",
            name="resent_at",
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name="request sent again"),
        ),
        migrations.CreateModel(
            name="ApplicationDraft",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                ("email", models.EmailField(max_length=254, verbose_name="e-mail")),
                ("language", models.CharField(default="en", max_length=10, verbose_name="language")),
                (
                    "token",
                    models.CharField(
                        default=recruitment.models.applications.new_token, editable=False, max_length=64, unique=True
                    ),
                ),
                ("data", models.JSONField(blank=True, default=dict, verbose_name="what was typed")),
                (
                    "cv",
                    models.FileField(
                        blank=True,
                        storage=portal.uploads.private_storage,
                        upload_to=portal.uploads.RandomUploadName("drafts"),
                        verbose_name="CV",
                    ),
                ),
                ("cv_name", models.CharField(blank=True, max_length=255)),
                (
                    "transcript",
                    models.FileField(
                        blank=True,
                        storage=portal.uploads.private_storage,
                        upload_to=portal.uploads.RandomUploadName("drafts"),
                        verbose_name="transcript",
                    ),
                ),
                ("transcript_name", models.CharField(blank=True, max_length=255)),
                ("reminded_at", models.DateTimeField(blank=True, null=True, verbose_name="reminder sent")),
                (
                    "application",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="drafts",
                        to="recruitment.application",
                        verbose_name="sent as",
                    ),
                ),
                (
                    "call",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="drafts",
                        to="recruitment.call",
                        verbose_name="call",
                    ),
                ),
            ],
            options={
                "verbose_name": "application draft",
                "verbose_name_plural": "application drafts",
                "ordering": ["-updated_at"],
            },
        ),
        migrations.AddField(
            model_name="applicationreferee",
            name="corrections",
            field=models.TextField(blank=True, editable=False, verbose_name="corrections by the applicant"),
        ),
    ]

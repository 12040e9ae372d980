"""A student's unsent application: "save and continue later" on the apply form."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.models import TimestampedModel
from portal.uploads import RandomUploadName, private_storage

from .applications import Application, new_token
from .calls import Call


class ApplicationDraft(TimestampedModel):
    """What a student typed into the apply form and chose to finish later, kept until they send it or the call
    closes.

    DESIGN.md's application workflow starts with "draft →": that first step is this separate model rather than a
    "draft" status of Application. A draft has no reference, no consent yet, may lack every field but the e-mail
    address, and belongs to the student alone (staff neither see nor move it), so it never enters the workflow,
    the admin, the staff's lists, counts and exports, or the one-application-per-address rule. Sending it runs the
    ordinary submission (recruitment.services.draft_submit): the application is born "submitted", and the draft
    keeps only a pointer to it, so that a second send answers with the application already made."""

    FILE_FIELDS = ("cv", "transcript")

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="drafts", verbose_name=_("call"))
    email = models.EmailField(_("e-mail"))
    language = models.CharField(_("language"), max_length=10, default="en")
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    # The form's fields but the files, as the form cleaned them (focus areas and projects as lists of ids).
    data = models.JSONField(_("what was typed"), default=dict, blank=True)
    cv = models.FileField(_("CV"), storage=private_storage, upload_to=RandomUploadName("drafts"), blank=True)
    cv_name = models.CharField(max_length=255, blank=True)
    transcript = models.FileField(
        _("transcript"), storage=private_storage, upload_to=RandomUploadName("drafts"), blank=True
    )
    transcript_name = models.CharField(max_length=255, blank=True)
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    application = models.ForeignKey(
        Application,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="drafts",
        verbose_name=_("sent as"),
    )

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("application draft")
        verbose_name_plural = _("application drafts")

    def __str__(self):
        return f"{self.call} — draft {self.pk}"

    def get_absolute_url(self):
        return reverse("recruitment:application_draft", kwargs={"token": self.token})

    @property
    def is_sent(self):
        return self.application_id is not None

    def stored_files(self):
        """{field: (stored file, original name)} of the files kept in this draft."""
        return {
            name: (getattr(self, name), getattr(self, f"{name}_name"))
            for name in self.FILE_FIELDS
            if getattr(self, name)
        }

"""Referees named on an application and the letters they upload."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.uploads import RandomUploadName, private_storage

from .applications import Application, new_token


class ApplicationReferee(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="referees", verbose_name=_("application")
    )
    order = models.PositiveSmallIntegerField(_("order"))
    name = models.CharField(_("full name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    institution = models.CharField(_("institution"), max_length=200)
    upload_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    letter = models.FileField(
        _("letter"), storage=private_storage, upload_to=RandomUploadName("letters"), blank=True, editable=False
    )
    letter_uploaded_at = models.DateTimeField(_("letter received"), null=True, blank=True, editable=False)
    # When the student last had the request sent again (a resend or a new address): spaced by REFEREE_RESEND_MINUTES.
    resent_at = models.DateTimeField(_("request sent again"), null=True, blank=True, editable=False)
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True, editable=False)
    # The student's corrections from the status page, one line each with what the referee was before: staff see
    # them on the application's page and are not e-mailed for each.
    corrections = models.TextField(_("corrections by the applicant"), blank=True, editable=False)

    class Meta:
        ordering = ["application", "order"]
        verbose_name = _("referee")
        verbose_name_plural = _("referees")
        constraints = [
            models.UniqueConstraint(fields=["application", "order"], name="referee_unique_order_per_application"),
        ]

    def __str__(self):
        return f"{self.name} ({self.institution})"

    def get_upload_url(self):
        return reverse("recruitment:referee_upload", kwargs={"token": self.upload_token})

    @property
    def letter_received(self):
        return bool(self.letter)

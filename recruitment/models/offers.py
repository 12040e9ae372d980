"""An offer of a place to an applicant: reply-by date, letter, and the conditions staff mark as met."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.models import TimestampedModel
from portal.uploads import RandomUploadName, private_storage

from .applications import Application


class Offer(TimestampedModel):
    """The one offer an application can receive (from interview, or when promoted from the waiting list)."""

    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="offer", verbose_name=_("application")
    )
    reply_by = models.DateTimeField(_("reply by"), help_text=_("Hong Kong time. Unanswered, the offer lapses then."))
    letter_text = models.TextField(_("offer letter"))
    letter = models.FileField(
        _("offer letter (PDF)"), storage=private_storage, upload_to=RandomUploadName("offers"), blank=True
    )
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("made by"),
        editable=False,
    )
    made_at = models.DateTimeField(_("made"), default=timezone.now, editable=False)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-made_at"]
        verbose_name = _("offer")
        verbose_name_plural = _("offers")

    def __str__(self):
        return str(self.application)


class OfferCondition(models.Model):
    """A condition of an offer (e.g. "degree awarded"); staff record who found it met, and when."""

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="conditions", verbose_name=_("offer"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.CharField(_("condition"), max_length=500)
    met_at = models.DateTimeField(_("met"), null=True, blank=True, editable=False)
    met_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("marked met by"),
        editable=False,
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("offer condition")
        verbose_name_plural = _("offer conditions")

    def __str__(self):
        return self.text

"""Interview time slots that staff offer for a call, and the one a student books."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from portal.models import TimestampedModel

from .applications import Application
from .calls import Call


class InterviewSlot(TimestampedModel):
    """One interview time (stored in UTC, entered and shown in Hong Kong time); an application books at most one."""

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="interview_slots", verbose_name=_("call"))
    starts_at = models.DateTimeField(_("starts"), db_index=True)
    ends_at = models.DateTimeField(_("ends"))
    mode = models.CharField(_("how"), max_length=20, choices=Mode.choices, default=Mode.IN_PERSON)
    place = models.CharField(_("place"), max_length=300, blank=True, help_text=_("Room and building, in person."))
    link = models.URLField(_("online meeting link"), blank=True, help_text=_("The video call's address, online."))
    booked_by = models.OneToOneField(
        Application,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="interview_slot",
        verbose_name=_("booked by"),
        editable=False,
    )
    booked_at = models.DateTimeField(_("booked"), null=True, blank=True, editable=False)
    # Booked by moving from another slot: the student's one change is used up.
    rescheduled = models.BooleanField(_("rescheduled"), default=False, editable=False)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("interview slot")
        verbose_name_plural = _("interview slots")
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="interview_slot_ends_after_start"),
        ]

    def __str__(self):
        return f"{self.call} {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def where(self):
        return self.place if self.mode == self.Mode.IN_PERSON else self.link

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The interview must end after it starts.")
        if self.mode == self.Mode.IN_PERSON and not self.place.strip():
            errors["place"] = _("Say where an in-person interview takes place.")
        if self.mode == self.Mode.ONLINE and not self.link:
            errors["link"] = _("Give the link of an online interview.")
        if errors:
            raise ValidationError(errors)

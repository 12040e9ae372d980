from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TimestampedModel(models.Model):
    """Audit fields every record carries; shown read-only to staff."""

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


def split_lines(text):
    """The non-empty, stripped lines of a text field kept one item per line."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def split_commas(text):
    return [part.strip() for part in text.split(",") if part.strip()]


class OutboxEmail(models.Model):
    """An e-mail saved with the change that caused it, delivered after commit and retried until sent."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed (gave up)")

    to = models.TextField(_("to"), help_text=_("One address per line."))
    subject = models.CharField(_("subject"), max_length=255)
    body_text = models.TextField(_("text body"))
    body_html = models.TextField(_("HTML body"), blank=True)
    reply_to = models.EmailField(_("reply to"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        indexes = [models.Index(fields=["status", "created_at"], name="outbox_status_created_idx")]

    def __str__(self):
        return f"{self.subject} → {self.recipients[0] if self.recipients else '?'}"

    @property
    def recipients(self):
        return split_lines(self.to)


class StatusChange(models.Model):
    """One move of a submission along its workflow: who, when, from, to and why. Staff see these as history."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    from_status = models.CharField(_("from"), max_length=30, blank=True)
    to_status = models.CharField(_("to"), max_length=30)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("changed by")
    )
    actor_label = models.CharField(
        _("actor"), max_length=100, blank=True, help_text=_("Who acted when it was not a staff account.")
    )
    note = models.TextField(_("note"), blank=True)
    changed_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["changed_at", "pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        indexes = [models.Index(fields=["content_type", "object_id", "changed_at"], name="statuschange_subject_idx")]

    def __str__(self):
        return f"{self.from_status or '—'} → {self.to_status}"


class ReferenceCounter(models.Model):
    """The last number handed out per prefix and year, for references like CH-2026-00042."""

    prefix = models.CharField(max_length=5)
    year = models.PositiveSmallIntegerField()
    last_value = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["prefix", "year"], name="referencecounter_unique_prefix_year")]

    def __str__(self):
        return f"{self.prefix}-{self.year}: {self.last_value}"

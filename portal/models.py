from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .uploads import RandomUploadName, private_storage


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


class Message(models.Model):
    """One message between staff and the submitter of a challenge request or an application, in time order on the
    private status page and on the record's admin page. Staff-only notes never live here (internal notes do)."""

    class Author(models.TextChoices):
        STAFF = "staff", _("Staff")
        SUBMITTER = "submitter", _("Submitter")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    author_kind = models.CharField(_("from"), max_length=10, choices=Author.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("staff member")
    )
    # Kept as written, so the thread still reads right after an account or a lab is renamed or removed.
    author_name = models.CharField(_("name"), max_length=200)
    author_lab = models.CharField(_("lab"), max_length=200, blank=True)
    body = models.TextField(_("message"))
    asks_for_information = models.BooleanField(_("asks for information"), default=False)
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        ordering = ["sent_at", "pk"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        indexes = [models.Index(fields=["content_type", "object_id", "sent_at"], name="message_subject_idx")]

    def __str__(self):
        return f"{self.author_name}, {self.sent_at:%Y-%m-%d %H:%M}"

    @property
    def from_staff(self):
        return self.author_kind == self.Author.STAFF


class MessageAttachment(models.Model):
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), storage=private_storage, upload_to=RandomUploadName("messages"))
    original_name = models.CharField(_("original name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=10)
    size = models.PositiveIntegerField(_("size (bytes)"))

    class Meta:
        ordering = ["pk"]
        verbose_name = _("message attachment")
        verbose_name_plural = _("message attachments")

    def __str__(self):
        return self.original_name


class HeldUpload(models.Model):
    """A file that passed its checks on a form that then failed on another field: held privately for a short while
    so the next attempt need not choose it again. Only the form that holds its random key can use it."""

    key = models.CharField(max_length=64, unique=True)
    form_name = models.CharField(max_length=40)
    field_name = models.CharField(max_length=40)
    file = models.FileField(storage=private_storage, upload_to=RandomUploadName("held"))
    original_name = models.CharField(max_length=255)
    kind = models.CharField(max_length=10)
    size = models.PositiveIntegerField()
    held_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self):
        return self.original_name


class RankingEntry(models.Model):
    """What ranking keeps of one record it may suggest or find (portal.ranking): its profile text as search terms
    and as a multilingual embedding, with a digest of the text both were computed from, so that an unchanged
    record is never embedded twice."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    digest = models.CharField(max_length=64)
    terms = models.TextField(blank=True)  # folded, segmented words separated by spaces
    vector = models.BinaryField(null=True)  # float32; empty while the embedding model is not installed
    model_name = models.CharField(max_length=60, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("ranking entry")
        verbose_name_plural = _("ranking entries")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="rankingentry_unique_object"),
        ]
        indexes = [models.Index(fields=["content_type", "updated_at"], name="rankingentry_type_updated_idx")]

    def __str__(self):
        return f"{self.content_type.model} {self.object_id}"

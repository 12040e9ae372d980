from django.db import models
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

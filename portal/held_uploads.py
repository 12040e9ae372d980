"""Files kept between two attempts at a form.

A form that fails on one field (a mistyped e-mail) used to drop the files already chosen; browsers never fill a
file input again, so the visitor had to find them once more, or did not notice and sent the form without them.
Files that passed their checks are now held in private storage under random keys; the form carries the keys,
signed, in a hidden field, and the next attempt uses them unless new files are chosen. Held files are removed
when the submission is saved and by `purge_expired` after HELD_UPLOAD_HOURS.
"""

import datetime
import secrets

from django.conf import settings
from django.core import signing
from django.core.files import File
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from .models import HeldUpload
from .uploads import private_storage

_SALT = "portal.held-uploads"


def hold(uploads, *, form_name, field_name):
    """Keep checked (file, kind) pairs for the next attempt at `form_name`; returns the held records."""
    held = []
    for uploaded, kind in uploads:
        record = HeldUpload(
            key=secrets.token_urlsafe(32),
            form_name=form_name,
            field_name=field_name,
            original_name=uploaded.name[:255],
            kind=kind,
            size=uploaded.size,
        )
        uploaded.seek(0)
        record.file.save(uploaded.name, uploaded, save=False)
        record.save()
        held.append(record)
    return held


def has_room_for(uploads):
    """Whether holding these files keeps the holding area under HELD_UPLOAD_MAX_MB: failed posts cost nothing to
    send, so what they may leave behind is capped for everyone together."""
    held = HeldUpload.objects.aggregate(total=Sum("size"))["total"] or 0
    return held + sum(uploaded.size for uploaded, _kind in uploads) <= settings.HELD_UPLOAD_MAX_MB * 1024 * 1024


def sign(held, *, form_name):
    """The hidden field's value: which held files belong to this form, readable only as this form's."""
    return signing.dumps([record.key for record in held], salt=f"{_SALT}:{form_name}")


def find(value, *, form_name):
    """{field name: [HeldUpload]} for a signed value from this form; nothing for a forged, foreign or old one."""
    try:
        keys = signing.loads(value, salt=f"{_SALT}:{form_name}", max_age=settings.HELD_UPLOAD_HOURS * 3600)
    except (signing.BadSignature, TypeError, ValueError):
        return {}
    if not isinstance(keys, list) or not all(isinstance(key, str) for key in keys):
        return {}
    by_field = {}
    for record in HeldUpload.objects.filter(key__in=keys[:20], form_name=form_name).order_by("pk"):
        by_field.setdefault(record.field_name, []).append(record)
    return by_field


def as_upload(record):
    """A held file as the services take uploads: a file with the visitor's name and its size."""
    opened = File(record.file.open("rb"), name=record.original_name)
    opened.size = record.size
    opened.checked_kind = record.kind
    opened.is_held_upload = True  # checked when first sent: not checked, nor held, again
    return opened


def release(held):
    """The submission that used these files is saved: forget them (the files go after the commit)."""
    names = [record.file.name for record in held]
    HeldUpload.objects.filter(pk__in=[record.pk for record in held]).delete()
    transaction.on_commit(lambda: [private_storage().delete(name) for name in names])


def held_uploads_purge_expired(*, now=None):
    """Remove files held longer than HELD_UPLOAD_HOURS; returns (records, files) removed."""
    cutoff = (now or timezone.now()) - datetime.timedelta(hours=settings.HELD_UPLOAD_HOURS)
    expired = list(HeldUpload.objects.filter(held_at__lt=cutoff))
    for record in expired:
        private_storage().delete(record.file.name)
    HeldUpload.objects.filter(pk__in=[record.pk for record in expired]).delete()
    return len(expired), len(expired)

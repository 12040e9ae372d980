"""Switching a boolean flag (public, featured, published) on many records at once, for the apps' services."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import models, transaction
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from .page_cache import bump_content_version


@transaction.atomic
def records_set_flag(
    *, queryset: models.QuerySet, field: str, value: bool, by: AbstractBaseUser | None, reason: str
) -> int:
    """Set `field` to `value` on every record of `queryset` that differs, with an audit history row each. Bulk
    updates send no save signals, so the page cache is told here: a person just hidden must leave the public
    pages at once. Returns how many records changed."""
    changed = list(queryset.exclude(**{field: value}))
    now = timezone.now()
    for obj in changed:
        setattr(obj, field, value)
        obj.updated_at = now
    bulk_update_with_history(
        changed, queryset.model, [field, "updated_at"], default_user=by, default_change_reason=reason
    )
    if changed:
        transaction.on_commit(lambda: bump_content_version(queryset.model))
    return len(changed)

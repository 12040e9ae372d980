"""State changes of news articles, shared by the admin and commands."""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet

from portal.flags import records_set_flag


def articles_set_published(*, queryset: QuerySet, value: bool, by: AbstractBaseUser | None, reason: str = "") -> int:
    """Publish articles or take them off the site; the cached public pages and feeds change at once."""
    return records_set_flag(queryset=queryset, field="is_published", value=value, by=by, reason=reason)

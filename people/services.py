"""State changes of the people directory, shared by the admin and commands."""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet

from portal.flags import records_set_flag


def people_set_public(*, queryset: QuerySet, value: bool, by: AbstractBaseUser | None, reason: str = "") -> int:
    """Show or hide people on the public site; the cached public pages change at once. Returns how many changed."""
    return records_set_flag(queryset=queryset, field="is_public", value=value, by=by, reason=reason)

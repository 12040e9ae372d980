"""Filter values in an admin address that the database cannot run are answered 400, never 500.

Two wrappers for every ModelAdmin (portal/admin_access.py applies them in install()):

- refusing_regex_lookups(lookup_allowed): no list filter, search or date hierarchy produces a `__regex` or
  `__iregex` lookup, and a malformed pattern (`?title__regex=(`) is a database error; refused (Django answers
  400) even where a changelist would otherwise allow the field.
- answering_database_refusals(changelist_view): renders the list inside the view, so that any filter value the
  database still refuses (DataError: a NUL byte or an invalid pattern on PostgreSQL) is answered with a 400 page
  that says so, instead of failing while the response renders.
"""

import functools
import logging

from django.db import DataError
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

REGEX_LOOKUPS = frozenset({"regex", "iregex"})


def is_regex_lookup(lookup):
    return lookup.rsplit("__", 1)[-1] in REGEX_LOOKUPS


def refusing_regex_lookups(lookup_allowed):
    @functools.wraps(lookup_allowed)
    def guarded(model_admin, lookup, value, request=None):
        return not is_regex_lookup(lookup) and lookup_allowed(model_admin, lookup, value, request)

    return guarded


def answering_database_refusals(changelist_view):
    @functools.wraps(changelist_view)
    def guarded(model_admin, request, extra_context=None):
        try:
            response = changelist_view(model_admin, request, extra_context)
            if callable(getattr(response, "render", None)) and not getattr(response, "is_rendered", True):
                response.render()
        except DataError as error:
            logger.warning("Refused admin list filters the database cannot run on %s: %s", request.path, error)
            opts = model_admin.model._meta
            response = TemplateResponse(
                request,
                "admin/invalid_filter.html",
                {
                    **model_admin.admin_site.each_context(request),
                    "title": _("These filters cannot be applied"),
                    "opts": opts,
                    "unfiltered_url": request.path,
                },
                status=400,
            )
        return response

    return guarded

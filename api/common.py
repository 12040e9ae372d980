"""What every endpoint shares: the language and paging parameters, error bodies, the page envelope, filtering with
the public FilterSets, and absolute links to the public pages."""

import datetime
from typing import Literal

from django.http import Http404
from django.utils.http import urlencode
from ninja import Field, Path, Schema
from pydantic import BaseModel, ConfigDict

from portal.search import MAX_QUERY_LENGTH

LanguageCode = Literal["en", "zh-hant", "zh-hans"]  # settings.LANGUAGES (a test keeps the two equal)
SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
NO_NUL_PATTERN = r"^[^\x00]*$"  # the portal refuses a NUL character anywhere in a request (portal/middleware.py)
MAX_LIMIT = 100
DEFAULT_LIMIT = 20
MAX_OFFSET = 1_000_000


def choice_values(choices):
    """A Literal of a TextChoices' values, for the schema's enum."""
    return Literal[tuple(choices.values)]


def slug_field(description):
    return Field(None, pattern=SLUG_PATTERN, max_length=100, description=description)


def slug_path(description="The record's slug."):
    return Path(..., pattern=SLUG_PATTERN, max_length=100, description=description)


class LanguageParams(Schema):
    lang: LanguageCode | None = Field(
        None,
        description="Language of names, descriptions and labels. Without it, the best match for the "
        "Accept-Language header; English if none matches. Empty translations fall back to English.",
    )


class ListParams(LanguageParams):
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Records per page.")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Records to skip, for the following pages.")


class KeywordParams(ListParams):
    q: str | None = Field(
        None,
        max_length=MAX_QUERY_LENGTH,
        pattern=NO_NUL_PATTERN,
        description="Keywords: every word must appear (in the language asked, or in English).",
    )


class Out(BaseModel):
    """What the API answers with: plain pydantic models of exactly these fields (extra="forbid": nothing else can
    slip into an answer). The endpoints build them from the records as dicts, which pydantic checks quickly."""

    model_config = ConfigDict(extra="forbid")


class Page(Out):
    count: int = Field(description="Records matching the filters, on every page together.")
    next: str | None = Field(description="The following page, or null on the last one.")
    previous: str | None = Field(description="The page before, or null on the first one.")


class ErrorOut(Out):
    detail: str


class ParameterError(Out):
    parameter: str
    message: str


class InvalidParametersOut(Out):
    detail: str
    errors: list[ParameterError]


class RateLimitedOut(Out):
    detail: str
    retry_after: int = Field(description="Seconds to wait; also in the Retry-After header.")
    retry_at: datetime.datetime = Field(description="When requests are answered again (UTC).")


VALIDATOR_HEADERS = {
    "ETag": {
        "description": "Send it back in If-None-Match to get 304 while nothing changed.",
        "schema": {"type": "string"},
    },
    "Last-Modified": {"description": "Send it back in If-Modified-Since.", "schema": {"type": "string"}},
}
RETRY_AFTER_HEADER = {"Retry-After": {"description": "Seconds to wait.", "schema": {"type": "integer"}}}
RESPONSE_HEADERS = {"responses": {200: {"headers": VALIDATOR_HEADERS}, 429: {"headers": RETRY_AFTER_HEADER}}}


def list_responses(page_schema):
    return {200: page_schema, 304: None, 400: InvalidParametersOut, 429: RateLimitedOut}


def detail_responses(schema):
    return {200: schema, 304: None, 400: InvalidParametersOut, 404: ErrorOut, 429: RateLimitedOut}


class Links:
    """Absolute addresses for one answer. A page of results names a hundred records or more, and resolving each
    page's URL is most of the work of an answer: the scheme and host are worked out once, and the public pages of
    one kind of record once (they differ only in the slugs they end with)."""

    def __init__(self, request):
        self.origin = request.build_absolute_uri("/").rstrip("/")
        self.pages = {}
        self.prefixes = {}  # model -> the path before the slugs, or None where get_absolute_url is shaped otherwise

    def absolute(self, path):
        return self.origin + path

    def page(self, obj):
        """The record's public page (its get_absolute_url()), in the language of the answer."""
        key = (type(obj), obj.pk)
        if key not in self.pages:
            self.pages[key] = self.absolute(self._page_path(obj))
        return self.pages[key]

    def _page_path(self, obj):
        model = type(obj)
        tail = f"{obj.lab.slug}/{obj.slug}/" if _named_within_a_lab(model) else f"{obj.slug}/"
        if model not in self.prefixes:
            path = obj.get_absolute_url()
            self.prefixes[model] = path[: -len(tail)] if path.endswith(f"/{tail}") else None
            return path
        prefix = self.prefixes[model]
        return prefix + tail if prefix is not None else obj.get_absolute_url()


def _named_within_a_lab(model):
    """Focus areas, programmes and projects: their slugs are unique within their lab, whose slug their URLs carry."""
    return any(field.name == "lab" and field.many_to_one for field in model._meta.fields)


def filtered(filterset_class, params, queryset, **extra):
    """`queryset` narrowed by the public FilterSet, with the parameters given. As on the public lists, a filter
    naming no record (an unknown slug, or a hidden record) matches nothing rather than being ignored."""
    data = {name: value for name, value in params.model_dump().items() if name in filterset_class.base_filters}
    data.update(extra)
    data = {name: value for name, value in data.items() if value not in (None, "")}
    filterset = filterset_class(data=data, queryset=queryset)
    if not filterset.is_valid():
        return queryset.none()
    return filterset.qs


def stably_ordered(queryset, *ordering):
    """Pages never repeat or skip a record: the order ends with the primary key."""
    ordering = list(ordering or queryset.query.order_by or queryset.model._meta.ordering)
    return queryset.order_by(*ordering, "pk")


def page(request, queryset, params, record):
    """One page of `queryset` (ordered), each item as `record(item, links)` gives it, with the total and links to
    the pages before and after."""
    links = Links(request)
    count = queryset.count()
    items = list(queryset[params.offset : params.offset + params.limit]) if count else []
    following = params.offset + params.limit
    return {
        "count": count,
        "next": _page_link(request, links, following, params.limit) if following < count else None,
        "previous": (
            _page_link(request, links, max(0, params.offset - params.limit), params.limit) if params.offset else None
        ),
        "results": [record(item, links) for item in items],
    }


def _page_link(request, links, offset, limit):
    query = request.GET.copy()
    query["limit"] = str(limit)
    if offset:
        query["offset"] = str(offset)
    else:
        query.pop("offset", None)
    return links.absolute(f"{request.path}?{urlencode(sorted(query.lists()), doseq=True)}")


def get_or_404(queryset, message, **lookup):
    """The one record of `queryset` matching `lookup`; a hidden or unknown one is a 404 with `message`."""
    obj = queryset.filter(**lookup).first()
    if obj is None:
        raise Http404(message)
    return obj

"""Version 1 of the open-data API: what the public pages show, as JSON, read-only.

One router per kind of record (api/routers/); a new kind (news, events, …) is a router module added below. Every
endpoint answers in the language asked (api/language.py); the middleware (api/middleware.py) adds the rate
limit, ETag/Last-Modified and JSON errors for anything Django answers itself.
"""

from functools import wraps

from django.http import Http404
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Query
from ninja.errors import ValidationError

from .common import RESPONSE_HEADERS, InvalidParametersOut, LanguageParams, Links, Out, RateLimitedOut
from .language import requested_language
from .routers import calls, labs, organisations, people, projects

DESCRIPTION = """
What the Joint Lab Portal shows publicly — labs, focus areas, projects, people, partner organisations,
programmes and calls for applications — as JSON, for partners' sites and tools. Read-only, no key needed.

* **Language**: `lang=en|zh-hant|zh-hans`, or the `Accept-Language` header; names, descriptions and labels come
  in that language, falling back to English where a translation is missing.
* **Pages**: lists take `limit` (at most 100) and `offset`, and give `count`, `next` and `previous`. Records are
  named by slugs (a focus area, programme or project by its lab's slug and its own).
* **Caching**: every answer has an `ETag` and a `Last-Modified`; send them back in `If-None-Match` or
  `If-Modified-Since` and get `304 Not Modified` while nothing changed.
* **Limits**: requests are counted per client address; past the limit the answer is `429` with `Retry-After`.
* **Errors** are JSON with a `detail` message. CORS allows any site to read the API from a browser.
"""

api = NinjaAPI(
    title="Joint Lab Portal open data",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api-v1",
    docs_url=None,  # the documentation page is the portal's own (api/views.py), under the strict CSP
    openapi_url="/openapi.json",
)


def in_requested_language(view):
    """Around the whole operation (parameters, query, serialisation, errors): the language asked."""

    @wraps(view)
    def answer(request, *args, **kwargs):
        language = requested_language(request)
        with translation.override(language):
            response = view(request, *args, **kwargs)
        response["Content-Language"] = language
        return response

    return answer


api.add_decorator(in_requested_language, mode="view")


@api.exception_handler(ValidationError)
def invalid_parameters(request, error):
    problems = [
        {"parameter": str(problem.get("loc", ["?"])[-1]), "message": problem.get("msg", "")} for problem in error.errors
    ]
    body = {"detail": _("Some parameters are not valid; see errors."), "errors": problems}
    return api.create_response(request, body, status=400)


@api.exception_handler(Http404)
def not_found(request, error):
    detail = str(error) or _("There is nothing at this address.")
    return api.create_response(request, {"detail": detail}, status=404)


class Endpoints(Out):
    documentation: str
    schema_url: str
    labs: str
    focus_areas: str
    projects: str
    people: str
    organisations: str
    programmes: str
    calls: str
    open_calls_embed: str


@api.get(
    "/",
    response={200: Endpoints, 400: InvalidParametersOut, 429: RateLimitedOut},
    summary="Where everything is",
    tags=["About"],
    url_name="index",
    openapi_extra=RESPONSE_HEADERS,
)
def index(request, params: Query[LanguageParams]):
    links = Links(request)

    def link(name):
        return links.absolute(reverse(f"api-v1:{name}"))

    return {
        "documentation": links.absolute(reverse("open_data:docs")),
        "schema_url": link("openapi-json"),
        "labs": link("lab_list"),
        "focus_areas": link("focus_area_list"),
        "projects": link("project_list"),
        "people": link("person_list"),
        "organisations": link("organisation_list"),
        "programmes": link("programme_list"),
        "calls": link("call_list"),
        "open_calls_embed": links.absolute(reverse("open_data:embed_calls")),
    }


api.add_router("/", labs.router)
api.add_router("/", organisations.router)
api.add_router("/", people.router)
api.add_router("/", projects.router)
api.add_router("/", calls.router)

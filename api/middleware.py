"""What every answer under /api/ gets, whether the view or the page cache produced it.

This middleware stands in front of the page cache (see MIDDLEWARE): a client's requests are counted against the
rate limit even when a cached copy answers them, and a cached copy is revalidated (ETag, Last-Modified, 304) like a
fresh one. It also answers HEAD like GET without a body, and turns Django's HTML error pages (unknown address,
method not allowed) into the API's JSON errors.
"""

import datetime
import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import JsonResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe, quote_etag
from django.utils.translation import gettext as _

from portal.ratelimit import allow, parse_rate, retry_after_seconds

from .language import requested_language

API_PREFIX = "/api/"
ALLOWED_METHODS = ("GET", "HEAD")
# Clients and shared caches may reuse an answer this long without asking again; after that, a conditional
# request costs a 304 from the page cache.
CLIENT_MAX_AGE = 60
LAST_MODIFIED_MEMORY = 86_400


class OpenDataMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        language = requested_language(request)
        if not allow("open-data-api", request, settings.API_RATE_LIMIT):
            with translation.override(language):
                response = too_many_requests()
            response["Content-Language"] = language
            return response
        head = request.method == "HEAD"
        if head:
            request.method = "GET"  # the page cache and the view answer HEAD with the GET answer
        # The page cache keys its entries by the request's language, not by Accept-Language itself (Django takes
        # that header as settled by the language): give it the API's language when it reads and when it stores.
        translation.activate(language)
        response = self.get_response(request)
        request.LANGUAGE_CODE = language
        if head:
            request.method = "HEAD"
        with translation.override(language):
            response = json_error_instead_of_page(response)
        if response.status_code == 200 and not response.streaming:
            add_validators(request, response, language)
            response = get_conditional_response(
                request,
                etag=response["ETag"],
                last_modified=parse_http_date_safe(response["Last-Modified"]),
                response=response,
            )
        patch_vary_headers(response, ["Accept-Language"])
        return response


def too_many_requests():
    limit, period = parse_rate(settings.API_RATE_LIMIT)
    wait = retry_after_seconds(settings.API_RATE_LIMIT)
    retry_at = datetime.datetime.fromtimestamp(time.time() + wait, tz=datetime.UTC).replace(microsecond=0)
    response = JsonResponse(
        {
            "detail": _(
                "Too many requests from your address: at most %(limit)d every %(period)d seconds. "
                "Try again in %(wait)d seconds."
            )
            % {"limit": limit, "period": period, "wait": wait},
            "retry_after": wait,
            "retry_at": retry_at.isoformat().replace("+00:00", "Z"),
        },
        status=429,
    )
    response["Retry-After"] = str(wait)
    response["Cache-Control"] = "no-store"
    return response


def json_error_instead_of_page(response):
    """Django and the portal's own guards answer an unknown address or method, or a request they refuse to read
    (a NUL character, for one), with an HTML page; API clients get JSON like every other error of the API."""
    if response.status_code == 405:
        error = JsonResponse(
            {"detail": _("This API is read-only: only GET (and HEAD) requests are answered.")}, status=405
        )
        error["Allow"] = ", ".join(ALLOWED_METHODS)
        return error
    if response.status_code < 400 or response.get("Content-Type", "").startswith("application/json"):
        return response
    if response.status_code == 404:
        body = {"detail": _("There is nothing at this address. The documentation lists every endpoint.")}
    elif response.status_code == 400:
        body = {"detail": _("This request cannot be read: it contains characters no parameter may hold."), "errors": []}
    else:
        body = {"detail": response.reason_phrase}
    return JsonResponse(body, status=response.status_code)


def add_validators(request, response, language):
    """ETag from the answer itself (it changes with content, language and the clock: a call that closes changes
    its list), and Last-Modified as the first time this address answered with this ETag."""
    if response.has_header("ETag"):  # a copy from the page cache already carries them
        return
    etag = quote_etag(hashlib.md5(response.content, usedforsecurity=False).hexdigest())
    key = (
        "api-last-modified:"
        + hashlib.md5(f"{language} {request.get_full_path()}".encode(), usedforsecurity=False).hexdigest()
    )
    remembered = cache.get(key)
    if remembered and remembered[0] == etag:
        since = remembered[1]
    else:
        # HTTP dates count whole seconds: a change within the second of the last one still moves the date on.
        since = max(int(time.time()), remembered[1] + 1 if remembered else 0)
        cache.set(key, (etag, since), LAST_MODIFIED_MEMORY)
    response["ETag"] = etag
    response["Last-Modified"] = http_date(since)
    response.setdefault("Cache-Control", f"public, max-age={CLIENT_MAX_AGE}")

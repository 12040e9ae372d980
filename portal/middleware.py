"""The portal's own middleware: security headers Django does not set, and requests refused before any view runs."""

import codecs
import logging
from importlib import import_module

from django.conf import settings
from django.core.exceptions import BadRequest, DisallowedHost, SuspiciousOperation
from django.http import HttpResponseBadRequest
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _

logger = logging.getLogger("portal.requests")

FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
COOKIE_PROBLEM = "a NUL character in a cookie"


class SecurityHeadersMiddleware:
    """Headers Django and django-csp do not set themselves."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class RefuseUnknownHostMiddleware:
    """The outermost middleware: a request for a host name not in ALLOWED_HOSTS gets a short plain 400.

    Left to Django, the first get_host() (the page cache, CommonMiddleware, the SSL redirect) raises DisallowedHost,
    and the 400 page itself then fails on the same call (its canonical link names the host): a 500 and a traceback
    for every scanner that tries a foreign Host header."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            request.get_host()
        except DisallowedHost:
            logger.warning("Refused a request for an unknown host: %r", request.META.get("HTTP_HOST", "")[:100])
            response = HttpResponseBadRequest(
                _("Bad request: this server does not answer for that host name."),
                content_type="text/plain; charset=utf-8",
            )
            response["X-Content-Type-Options"] = "nosniff"
            return response
        return self.get_response(request)


def malformed_input(request):
    """Why this request cannot be served, or "" when it can. PostgreSQL refuses a NUL character in any text it is
    given, so a NUL anywhere the views may pass on to a query (a token in the path, a filter in the query string, a
    form field, a cookie, a header) would be a 500; a form in another charset than UTF-8 is one too."""
    if "\x00" in request.path:
        return "a NUL character in the path"
    if _any_nul(text for name, values in request.GET.lists() for text in (name, *values)):
        return "a NUL character in the query string"
    if _any_nul(text for name, value in request.COOKIES.items() for text in (name, value)):
        return COOKIE_PROBLEM
    if _any_nul(value for name, value in request.META.items() if name.startswith("HTTP_") and isinstance(value, str)):
        return "a NUL character in a header"
    if request.method == "POST" and request.content_type in FORM_CONTENT_TYPES:
        if not _is_utf8(request.encoding):
            return f"a form sent in the charset {request.encoding!r} instead of UTF-8"
        if request.encoding is not None:
            request.encoding = "utf-8"  # "utf8", "UTF-8": Django itself accepts only the exact spelling "utf-8"
        try:
            fields, files = request.POST, request.FILES
        except (BadRequest, SuspiciousOperation, MultiPartParserError) as error:
            return f"a form that cannot be read ({type(error).__name__})"
        # Django's parser already drops unprintable characters from file names.
        if _any_nul(text for name, values in fields.lists() for text in (name, *values)) or _any_nul(files.keys()):
            return "a NUL character in a form field"
    return ""


def _any_nul(texts):
    return any("\x00" in text for text in texts)


def _is_utf8(encoding):
    if encoding is None:
        return True
    try:
        return codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False


class RefuseMalformedInputMiddleware:
    """Answers 400 with the site's own error page, before any view or query runs, to a request that carries input no
    view can store or look up (see malformed_input). It stands inside the header middleware, so the page carries the
    same security headers as every other."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.session_store = import_module(settings.SESSION_ENGINE).SessionStore

    def __call__(self, request):
        reason = malformed_input(request)
        if not reason:
            return self.get_response(request)
        logger.warning("Refused a malformed request to %s: %s", request.path.replace("\x00", "\\x00"), reason)
        # Nothing of the request is read again: not its form (Django would parse it a second time and fail the same
        # way), nor a session named by a malformed cookie (an empty session in its place also drops the cookie).
        request._mark_post_parse_error()
        if reason == COOKIE_PROBLEM:
            request.session = self.session_store()
        return render(request, "400.html", status=400)


STAFF_PATH_PREFIX = "/admin/"


class StaffLanguageMiddleware:
    """Staff pages (everything under /admin/, signing in and the password pages included) in the staff member's
    language. Their addresses carry no language prefix, where LocaleMiddleware always picks the default language;
    here the language the staff member chose (the language cookie set by the switcher in the admin's header) or,
    failing that, their browser's (Accept-Language) is used."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(STAFF_PATH_PREFIX):
            translation.activate(translation.get_language_from_request(request, check_path=False))
            request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)

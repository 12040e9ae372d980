"""Whole-page cache for anonymous visitors of the public site, invalidated whenever content changes.

Every save or delete of public content (the models apps register with portal.registry.register_public_models)
bumps a version number kept in the (shared) cache; cache keys carry the version, so a change makes every cached
page stale at once, on every app server. A submission (a challenge request, an application) never does: the public
pages do not show it. Pages that set cookies,
vary on them, or are marked private/no-cache (forms, status pages, the admin) are never stored.
"""

import secrets

from asgiref.local import Local
from django.conf import settings
from django.core.cache import cache, caches
from django.utils.cache import get_cache_key, learn_cache_key

from .registry import registry

VERSION_KEY = "public-content-version"


# The version as this request first read it: a list page asks for it a dozen times (options, count, fragments),
# each a round trip to the shared cache. Set only while FetchPublicPageMiddleware handles a request.
_this_request = Local()


def content_version():
    known = getattr(_this_request, "version", None)
    if known is not None:
        return known
    version = cache.get(VERSION_KEY)
    if version is None:
        fresh = _new_version()
        cache.add(VERSION_KEY, fresh, timeout=None)
        version = cache.get(VERSION_KEY) or fresh
    if getattr(_this_request, "active", False):
        _this_request.version = version
    return version


def bump_content_version(sender=None, **kwargs):
    """Signal receiver (post_save, post_delete, m2m_changed) and direct call: bulk updates send no signals."""
    if sender is not None and sender not in registry.public_models:
        return
    _this_request.version = None  # this request's own change is visible to the rest of it
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.add(VERSION_KEY, _new_version(), timeout=None)


def _new_version():
    """A version never used before, for when the shared cache has none (first start, or Redis restarted empty):
    starting again from 1 would meet the values processes still keep under the old version-1 keys."""
    return secrets.randbits(40) + 2**40


# Values derived from public content (filter options, list counts, the footer's partners) are kept this long at
# most; a content change makes them stale at once anyway (their keys carry the content version).
CONTENT_DERIVED_SECONDS = 24 * 60 * 60
# What is kept per address a visitor chooses (a filter combination, a search): anyone can make up new addresses, so
# these expire as soon as cached pages do and cannot pile up in the shared cache for a day.
VISITOR_KEYED_SECONDS = 300


def remember_for_content(key, compute, timeout=CONTENT_DERIVED_SECONDS):
    """`compute()`, kept in the shared cache until public content changes: the one way the portal caches
    something that depends only on public content (not on the visitor, the clock or a submission)."""
    versioned_key = f"content.v{content_version()}.{key}"
    kept = caches["content"]
    value = kept.get(versioned_key)
    if value is None:
        value = compute()
        kept.set(versioned_key, value, timeout)
    return value


def _cacheable_request(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not request.path.startswith("/admin/")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES  # staff and anyone with a session bypass it
    )


def _key_prefix():
    return f"page.v{content_version()}"


class FetchPublicPageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        _this_request.active, _this_request.version = True, None
        try:
            if _cacheable_request(request):
                key = get_cache_key(request, _key_prefix(), "GET", cache=cache)
                cached = cache.get(key) if key else None
                if cached is not None:
                    return cached
            return self.get_response(request)
        finally:
            _this_request.active, _this_request.version = False, None


class UpdatePublicPageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            _cacheable_request(request)
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "Cookie" not in response.get("Vary", "")
            and not any(word in response.get("Cache-Control", "") for word in ("private", "no-cache", "no-store"))
        ):
            key = learn_cache_key(request, response, settings.PAGE_CACHE_SECONDS, _key_prefix(), cache=cache)
            if hasattr(response, "render") and callable(response.render):
                response.add_post_render_callback(
                    lambda rendered: cache.set(key, rendered, settings.PAGE_CACHE_SECONDS)
                )
            else:
                cache.set(key, response, settings.PAGE_CACHE_SECONDS)
        return response

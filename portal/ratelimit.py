"""A fixed-window rate limit in the shared cache (Redis in production), so every app server counts together.

Hand-written because django-ratelimit (last release 2023) refuses Django's own RedisCache and LocMemCache
in its system checks; this needs only the cache's atomic add/incr.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.shortcuts import render
from django.utils.translation import ngettext

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate):
    """'5/h' -> (5, 3600)."""
    try:
        count, unit = rate.split("/")
        return int(count), PERIODS[unit.strip().lower()[0]]
    except (ValueError, KeyError, IndexError) as error:
        raise ImproperlyConfigured(f"Rate {rate!r} should look like 5/h (per s, m, h or d).") from error


def client_ip(request):
    if settings.TRUST_X_FORWARDED_FOR:
        # The rightmost address is the one our own proxy added; anything left of it the client could forge.
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if forwarded:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR", "unknown")


def allow(scope, request, rate):
    """Count this request; False once the client has used up `rate` in the current window."""
    return allow_key(f"{scope}:{client_ip(request)}", rate)


def allow_key(name, rate):
    """Count one use of `name` (a scope and a client, an e-mail recipient…); False once `rate` is used up in the
    current window."""
    limit, period = parse_rate(rate)
    key = _window_key(name, period)
    if cache.add(key, 1, timeout=period + 1):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=period + 1)
        count = 1
    return count <= limit


def used_up(scope, request, rate):
    """Whether the client has used up `rate` in this window, without counting: for limits on what is accepted
    (count_use once it is), so that a form sent back with an error costs nothing."""
    limit, period = parse_rate(rate)
    return (cache.get(_window_key(f"{scope}:{client_ip(request)}", period)) or 0) >= limit


def count_use(scope, request, rate):
    allow(scope, request, rate)


def _window_key(name, period):
    return f"ratelimit:{name}:{int(time.time() // period)}"


def retry_after_seconds(rate):
    _limit, period = parse_rate(rate)
    return period - int(time.time()) % period


def too_many_requests(request, rate):
    """The 429 page for a client over `rate`, telling it when to come back; nothing of the request was used."""
    response = render(request, "429.html", status=429)
    response["Retry-After"] = str(retry_after_seconds(rate))
    return response


def rate_limit_message(rate):
    """What a form says when the client has sent as many submissions as `rate` allows: the form comes back with
    what was typed, and says when to send it."""
    minutes = max(1, round(retry_after_seconds(rate) / 60))
    return ngettext(
        "You have sent several submissions in a short time. Nothing you typed is lost: please send this form again "
        "in %(minutes)d minute.",
        "You have sent several submissions in a short time. Nothing you typed is lost: please send this form again "
        "in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}

import datetime

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .registry import registry


@never_cache
@require_safe
def healthz(request):
    """The process is up. Touches no database, so it stays cheap for load balancers."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_safe
def readyz(request):
    """The process can serve requests: its database answers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        *(
            f"Disallow: {prefix}{private}"
            for prefix in ["/", *(f"/{code}/" for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE)]
            for private in ("search/", *registry.private_paths)
        ),
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def privacy_notice(request):
    return render(
        request,
        "portal/privacy.html",
        {
            "contact_email": settings.PRIVACY_CONTACT_EMAIL,
            "challenge_retention_days": settings.CHALLENGE_RETENTION_DAYS,
            "application_retention_days": settings.APPLICATION_RETENTION_DAYS,
            "alliance_retention_days": settings.ALLIANCE_RETENTION_DAYS,
            "outbox_retention_days": settings.OUTBOX_RETENTION_DAYS,
            "event_registration_retention_days": settings.EVENT_REGISTRATION_RETENTION_DAYS,
        },
    )


# When the accessibility statement was last checked against the site (update it with the statement).
ACCESSIBILITY_REVIEWED_ON = datetime.date(2026, 11, 28)


def accessibility_statement(request):
    return render(
        request,
        "portal/accessibility.html",
        {"contact_email": settings.PORTAL_INBOX_EMAIL, "reviewed_on": ACCESSIBILITY_REVIEWED_ON},
    )


def contact(request):
    """How to reach the labs: through the forms and private status pages, or the portal's general address. The
    labs' own inboxes are never shown (they only receive notices of new submissions)."""
    return render(
        request,
        "portal/contact.html",
        {"contact_email": settings.PORTAL_INBOX_EMAIL, "privacy_email": settings.PRIVACY_CONTACT_EMAIL},
    )

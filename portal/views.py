from django.apps import apps
from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .forms import SearchForm
from .search import site_search


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


def home(request):
    # portal sits below the apps in the dependency order: it looks their models up by name.
    lab_model = apps.get_model("labs", "JointLab")
    call_model = apps.get_model("people", "Call")
    project_model = apps.get_model("projects", "Project")
    context = {
        "labs": lab_model.objects.prefetch_related("focus_areas"),
        "open_calls": call_model.objects.published().open().select_related("programme__lab").order_by("closes_at"),
        "featured_projects": project_model.objects.public().filter(is_featured=True).select_related("lab")[:6],
    }
    return render(request, "portal/home.html", context)


def site_search_view(request):
    form = SearchForm(request.GET or None)
    results = site_search(form.cleaned_data["q"]) if form.is_valid() else []
    return render(
        request,
        "portal/search.html",
        {"form": form, "results": results, "total": sum(len(items) for _type, items in results)},
    )


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        *(
            f"Disallow: {prefix}{private}"
            for prefix in ["/", *(f"/{code}/" for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE)]
            for private in ("search/", "challenges/status/", "applications/status/", "referees/")
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
            "outbox_retention_days": settings.OUTBOX_RETENTION_DAYS,
        },
    )

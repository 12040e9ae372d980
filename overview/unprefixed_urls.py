"""Addresses outside the language prefix: the staff dashboard and reports, the sitemap, and the redirects from the
admin addresses of records that moved to apps of their own (staff bookmarked them; e-mails already sent link to
them)."""

from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpResponsePermanentRedirect
from django.urls import path, re_path

from portal.sitemaps import registered_sitemaps

from .dashboard import dashboard_view
from .reports.views import report_view

# (old app label, model names, new app label): challenge requests left projects, recruitment left people.
MOVED_ADMIN_PAGES = [
    ("projects", ("challengerequest", "challengeattachment"), "challenges"),
    ("people", ("call", "application", "applicationreferee", "review"), "recruitment"),
]


def moved_admin_page(request, old_app, model, rest, new_app):
    target = f"/admin/{new_app}/{model}/{rest}"
    if request.META.get("QUERY_STRING"):
        target += f"?{request.META['QUERY_STRING']}"
    return HttpResponsePermanentRedirect(target)


urlpatterns = [
    path("admin/dashboard/", admin.site.admin_view(dashboard_view), name="admin_dashboard"),
    path("admin/reports/", admin.site.admin_view(report_view), name="admin_reports"),
    path(
        "sitemap.xml",
        sitemap_views.sitemap,
        {"sitemaps": registered_sitemaps(extra_sections=["overview:home", "contact", "accessibility", "privacy"])},
        name="sitemap",
    ),  # fmt: skip
    *(
        re_path(
            rf"^admin/(?P<old_app>{old_app})/(?P<model>{'|'.join(models)})/(?P<rest>.*)$",
            moved_admin_page,
            {"new_app": new_app},
        )
        for old_app, models, new_app in MOVED_ADMIN_PAGES
    ),
]

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from . import views
from .sitemaps import portal_sitemaps


def dashboard_view(request):
    # The dashboard reads every app; import it when first used so portal imports no app at load time.
    from projects.dashboard import dashboard_view as view

    return view(request)


# Probes and the admin keep one address whatever the language.
urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    # Staff set their first password (add_staff prints the link) with Django's own views and templates.
    path(
        "admin/password/set/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(success_url="/admin/password/set/done/"),
        name="password_reset_confirm",
    ),
    path("admin/password/set/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("admin/dashboard/", admin.site.admin_view(dashboard_view), name="admin_dashboard"),
    path("admin/", admin.site.urls),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap_views.sitemap, {"sitemaps": portal_sitemaps()}, name="sitemap"),
]

# Public pages carry their language in the URL: /labs/ (English), /zh-hant/labs/, /zh-hans/labs/.
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("search/", views.site_search_view, name="search"),
    path("privacy/", views.privacy_notice, name="privacy"),
    path("", include("labs.urls")),
    path("", include("people.urls")),
    path("", include("projects.urls")),
    prefix_default_language=False,
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

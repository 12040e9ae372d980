"""The root URLconf: the probes, the admin, and each app's URLs (included by name, so the kernel imports none)."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import views

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
    # Pages without a language prefix that combine several apps (the staff dashboard, the sitemap), and the
    # redirects that keep the admin addresses staff bookmarked before records moved to apps of their own.
    path("", include("overview.unprefixed_urls")),
    path("admin/", admin.site.urls),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]

# Public pages carry their language in the URL: /labs/ (English), /zh-hant/labs/, /zh-hans/labs/.
urlpatterns += i18n_patterns(
    path("privacy/", views.privacy_notice, name="privacy"),
    path("", include("overview.urls")),
    path("", include("labs.urls")),
    path("", include("people.urls")),
    path("", include("projects.urls")),
    path("", include("recruitment.urls")),
    path("", include("challenges.urls")),
    prefix_default_language=False,
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

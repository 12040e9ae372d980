"""The root URLconf: the probes, the admin, and each app's URLs (included by name, so the kernel imports none)."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import set_language

from . import admin_access, views

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
    # The language switcher of the staff pages (it sets the language cookie StaffLanguageMiddleware reads).
    path("admin/language/", set_language, name="staff_set_language"),
    # Pages without a language prefix that combine several apps (the staff dashboard, the sitemap), and the
    # redirects that keep the admin addresses staff bookmarked before records moved to apps of their own.
    path("", include("overview.unprefixed_urls")),
    # Two admin views replaced by ones that follow the portal's scoping rules (portal/admin_access.py).
    path("admin/autocomplete/", admin.site.admin_view(admin_access.autocomplete_view)),
    path("admin/r/<int:content_type_id>/<path:object_id>/", admin.site.admin_view(admin_access.view_on_site)),
    path("admin/", admin.site.urls),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    # Picture renditions, the labs' brand colours and share cards: the same for every language.
    path("", include("portal.image_urls")),
    # The open-data API keeps one address too; the language is a parameter (lang, Accept-Language).
    path("api/", include("api.urls")),
]

# Public pages carry their language in the URL: /labs/ (English), /zh-hant/labs/, /zh-hans/labs/.
urlpatterns += i18n_patterns(
    path("privacy/", views.privacy_notice, name="privacy"),
    path("accessibility/", views.accessibility_statement, name="accessibility"),
    path("contact/", views.contact, name="contact"),
    path("", include("overview.urls")),
    path("", include("labs.urls")),
    path("", include("people.urls")),
    path("", include("projects.urls")),
    path("", include("news.urls")),
    path("", include("events.urls")),
    path("", include("recruitment.urls")),
    path("", include("challenges.urls")),
    path("", include("alliances.urls")),
    path("", include("api.page_urls")),
    prefix_default_language=False,
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OverviewConfig(AppConfig):
    """The combining layer: public and staff pages that draw on several apps (home, site search, sitemaps, the
    lab, focus-area, partner, programme and person pages, the staff dashboard). It may import every app; no app
    imports it."""

    name = "overview"
    verbose_name = _("Overview")

    def ready(self):
        from portal.registry import register_admin_home

        from .workspace import admin_home_context

        register_admin_home(admin_home_context)

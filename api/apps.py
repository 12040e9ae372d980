from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The open-data API (/api/v1/), its documentation page and the embeddable list of open calls: a combining
    layer beside overview, reading what the public pages show through each app's own public querysets and
    filters. It may import every content app; no app imports it."""

    name = "api"
    verbose_name = _("Open data")

    def ready(self):
        from . import registrations  # noqa: F401  (the documentation page in the sitemap)

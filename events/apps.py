from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Seminars, workshops, open days and launches; registrations with a waiting list; calendar files."""

    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from . import registrations  # noqa: F401  (sitemap, page cache, scoping, private links, retention, e-mail)

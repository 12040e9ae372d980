from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    """The labs' newsroom: articles, their lists and Atom feeds."""

    name = "news"
    verbose_name = _("News")

    def ready(self):
        from . import registrations  # noqa: F401  (search, sitemap, page cache, scoping, page sections)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlliancesConfig(AppConfig):
    """Alliance membership: the alliances' public membership pages, organisations' applications to join, and
    staff review that turns an approved applicant into a partner of the lab."""

    name = "alliances"
    verbose_name = _("Alliance membership")

    def ready(self):
        from . import registrations  # noqa: F401  (public pages, private links and retention)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChallengesConfig(AppConfig):
    """Industry challenges: the enterprise's request, its files, triage, suggested matches and conversion into a
    project."""

    name = "challenges"
    verbose_name = _("Industry challenges")

    def ready(self):
        from . import registrations  # noqa: F401  (private links and retention)

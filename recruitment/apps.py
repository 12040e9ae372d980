from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecruitmentConfig(AppConfig):
    """Internship and PhD fellowship calls, students' applications, referees' letters and reviewers' scores."""

    name = "recruitment"
    verbose_name = _("Calls and applications")

    def ready(self):
        from . import registrations  # noqa: F401  (sitemap, page cache, scoping, private links, retention)

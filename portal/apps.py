from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save

        from . import admin_access
        from .page_cache import bump_content_version
        from .ranking.tasks import connect as connect_ranking

        admin_access.install()
        connect_ranking()

        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(bump_content_version, dispatch_uid=f"page-cache-{signal}")
        # Every release runs migrate: cached pages and fragments drawn by the previous release's templates go stale.
        post_migrate.connect(new_release, sender=self, dispatch_uid="page-cache-release")


def new_release(**kwargs):
    from .page_cache import bump_content_version

    bump_content_version()

"""What recruitment contributes to the portal kernel (see portal/registry.py): published calls are public
content; applications, referee letters and reviews are private."""

from portal.registry import (
    SitemapEntry,
    register_lab_owned,
    register_private_path,
    register_public_models,
    register_retention_purge,
    register_sitemap,
)

from .models import Call
from .personal_data import applications_purge_expired

register_sitemap(sections=["recruitment:call_list"], entries=[SitemapEntry("calls", Call, {"is_published": True})])
register_public_models(Call)
register_lab_owned(Call, "programme__lab")
register_private_path("applications/status/")
register_private_path("referees/")
register_retention_purge("application(s)", applications_purge_expired)

"""What alliances contributes to the portal kernel (see portal/registry.py). Alliance pages are public content
(shown on the programme pages); membership applications are private submissions: not searchable, not in the
sitemap, and saving one leaves the public page cache alone."""

from portal.registry import (
    register_lab_owned,
    register_private_path,
    register_public_models,
    register_retention_purge,
)

from .models import AlliancePage
from .personal_data import memberships_purge_expired

register_public_models(AlliancePage)
register_lab_owned(AlliancePage, "programme__lab")
register_private_path("alliances/status/")
register_retention_purge("membership application(s)", memberships_purge_expired)

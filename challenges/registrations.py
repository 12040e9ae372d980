"""What challenges contributes to the portal kernel (see portal/registry.py). Challenge requests are private
submissions: not searchable, not in the sitemap, and saving one leaves the public page cache alone."""

from portal.registry import register_private_path, register_retention_purge

from .personal_data import challenges_purge_expired

register_private_path("challenges/status/")
register_retention_purge("challenge request(s)", challenges_purge_expired)

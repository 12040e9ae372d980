"""What recruitment contributes to the portal kernel (see portal/registry.py): published calls are public
content; applications, referee letters and reviews are private."""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.ranking.index import translated_text
from portal.registry import (
    Matchable,
    SearchType,
    SitemapEntry,
    register_correspondence,
    register_lab_owned,
    register_matchable,
    register_private_path,
    register_public_models,
    register_retention_purge,
    register_search_type,
    register_sitemap,
)

from .models import Call
from .personal_data import applications_purge_expired
from .services import CORRESPONDENCE, drafts_purge_closed

register_search_type(
    SearchType(
        "calls",
        _("Calls for applications"),
        Call,
        (("title", "A"), ("description", "B"), ("eligibility", "C")),
        {"is_published": True},
        ("programme__lab",),
        position=5,
        first=lambda: Q(opens_at__lte=timezone.now(), closes_at__gt=timezone.now()),
    )
)
register_matchable(
    Matchable("calls", Call, lambda call: translated_text(call, ("title", "description", "eligibility")))
)
register_sitemap(sections=["recruitment:call_list"], entries=[SitemapEntry("calls", Call, {"is_published": True})])
register_public_models(Call)
register_lab_owned(Call, "programme__lab")
register_private_path("applications/status/")
register_private_path("referees/")
register_private_path("applications/drafts/")
register_retention_purge("application(s)", applications_purge_expired)
register_retention_purge("application draft(s)", drafts_purge_closed)  # of closed calls
register_correspondence(CORRESPONDENCE)

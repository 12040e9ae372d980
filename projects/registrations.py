"""What projects contributes to the portal kernel (see portal/registry.py)."""

from django.utils.translation import gettext_lazy as _

from portal.ranking.index import translated_text
from portal.registry import (
    Matchable,
    SearchType,
    SitemapEntry,
    register_lab_owned,
    register_matchable,
    register_public_models,
    register_search_type,
    register_sitemap,
)

from .models import Project, ProjectMember

register_search_type(
    SearchType(
        "projects",
        _("Projects"),
        Project,
        (("title", "A"), ("keywords", "A"), ("summary", "B"), ("description", "C")),
        {"is_public": True},
        ("lab",),
        position=30,
    )
)
register_matchable(
    Matchable(
        "projects", Project, lambda project: translated_text(project, ("title", "keywords", "summary", "description"))
    )
)
register_sitemap(
    sections=["projects:project_list"],
    entries=[SitemapEntry("projects", Project, {"is_public": True}, ("lab",))],
)
register_public_models(Project, ProjectMember)
register_lab_owned(Project, "lab")

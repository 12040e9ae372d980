"""What projects contributes to the portal kernel (see portal/registry.py)."""

from django.utils.translation import gettext_lazy as _

from people.models import Person
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

PROFILE_PROJECTS = 12  # enough to say what someone works on; a long list would drown their own words

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


def person_profile(person):
    """What a person's public page says they do: position, short bio and the public projects they work on. Never
    contact details; not the name either (a name alone fits every short query a little, and says nothing). Kept
    here rather than in people because people cannot see projects."""
    projects = Project.objects.public().filter(memberships__person=person).distinct().order_by("-start_date", "pk")
    titles = [translated_text(project, ("title",)) for project in projects[:PROFILE_PROJECTS]]
    return "\n".join(part for part in [translated_text(person, ("position", "short_bio")), *titles] if part)


register_matchable(
    Matchable(
        "projects",
        Project,
        lambda project: translated_text(project, ("title", "keywords", "summary", "description")),
        # A project's title is part of its people's profiles.
        part_of=lambda project: Person.objects.filter(project_memberships__project=project).distinct(),
    )
)
register_matchable(Matchable("people", Person, person_profile))
register_sitemap(
    sections=["projects:project_list"],
    entries=[SitemapEntry("projects", Project, {"is_public": True}, ("lab",))],
)
register_public_models(Project, ProjectMember)
register_lab_owned(Project, "lab")

"""How the public pages read projects."""

from django.db.models import Count, Prefetch, QuerySet

from labs.models import FocusArea

from .models import Project

RELATED_PROJECTS = 4


def projects_for_list() -> QuerySet:
    """Public projects with only what a row of the list shows (title, status, lab, years, summary, focus-area
    names): whole lab and focus-area rows, in three languages each, were a third of the page's time."""
    return (
        Project.objects.public()
        .select_related("lab")
        .only(
            "slug", "title", "summary", "status", "start_date", "end_date", "lab__slug", "lab__name", "lab__short_name"
        )
        .prefetch_related(Prefetch("focus_areas", queryset=FocusArea.objects.select_related(None).only("name")))
        .order_by("title")
    )


def related_projects(project: Project, *, focus_area_ids: list[int], limit: int = RELATED_PROJECTS) -> list[Project]:
    """Other public projects a reader of `project` may want next: those sharing most of its focus areas first, then
    the rest of its lab's, featured ones before others. Never the project itself, never a hidden one.

    Two bounded queries (the projects of its focus areas, then its lab's first ones through an index) instead of
    scoring every public project: that grew to 700 ms at 50,000 projects."""
    others = Project.objects.public().exclude(pk=project.pk).select_related("lab")
    sharing = list(
        others.filter(focus_areas__in=focus_area_ids)
        .annotate(shared_areas=Count("focus_areas"))
        .order_by("-shared_areas", "-is_featured", "title")[:limit]
    )
    # Always asked (a page's queries must not depend on its data); enough to fill up past those already chosen.
    lab_projects = others.filter(lab_id=project.lab_id).order_by("-is_featured", "title")[: limit * 2]
    chosen = {related.pk for related in sharing}
    return (sharing + [related for related in lab_projects if related.pk not in chosen])[:limit]


def public_project_counts(lab) -> dict:
    """{"total": public projects of `lab`, "areas": {focus area pk: its public projects}}, in two queries."""
    links = Project.focus_areas.through.objects.filter(focusarea__lab=lab, project__is_public=True)
    areas = dict(links.values_list("focusarea").annotate(n=Count("project")).values_list("focusarea", "n"))
    return {"total": Project.objects.public().filter(lab=lab).count(), "areas": areas}

"""How the public pages read projects."""

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from .models import Project

RELATED_PROJECTS = 4


def related_projects(project: Project, *, focus_area_ids: list[int], limit: int = RELATED_PROJECTS) -> QuerySet:
    """Other public projects a reader of `project` may want next: those sharing most of its focus areas first, then
    the rest of its lab's, featured ones before others. Never the project itself, never a hidden one."""
    shared_areas = (
        Project.focus_areas.through.objects.filter(project=OuterRef("pk"), focusarea__in=focus_area_ids)
        .values("project")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        Project.objects.public()
        .exclude(pk=project.pk)
        .annotate(shared_areas=Coalesce(Subquery(shared_areas, output_field=IntegerField()), 0))
        .filter(Q(shared_areas__gt=0) | Q(lab_id=project.lab_id))
        .select_related("lab")
        .order_by("-shared_areas", "-is_featured", "title")[:limit]
    )

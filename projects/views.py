from django.shortcuts import get_object_or_404
from django.views.generic import DetailView
from django_filters.views import FilterView

from labs.models import JointLab
from portal.filters import ContentCountPaginator
from portal.redirects import FollowRenamedSlugMixin, renamed
from portal.structured_data import project_data

from .filters import ProjectFilter
from .models import Project, ProjectMember
from .selectors import projects_for_list, related_projects


class ProjectListView(FilterView):
    filterset_class = ProjectFilter
    template_name = "projects/project_list.html"
    context_object_name = "projects"
    paginate_by = 20
    paginator_class = ContentCountPaginator

    def get_queryset(self):
        return projects_for_list()


class ProjectDetailView(FollowRenamedSlugMixin, DetailView):
    template_name = "projects/project_detail.html"
    context_object_name = "project"

    def get_object(self, queryset=None):
        return get_object_or_404(
            Project.objects.public().select_related("lab"), lab__slug=self.kwargs["lab_slug"], slug=self.kwargs["slug"]
        )

    def find_renamed(self):
        labs = JointLab.objects.all()
        lab = labs.filter(slug=self.kwargs["lab_slug"]).first() or renamed(labs, slug=self.kwargs["lab_slug"])
        if lab is None:
            return None
        projects = Project.objects.public().filter(lab=lab)
        return projects.filter(slug=self.kwargs["slug"]).first() or renamed(
            projects, slug=self.kwargs["slug"], lab_id=lab.pk
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        project = self.object
        members = list(
            ProjectMember.objects.filter(project=project, person__is_public=True)
            .select_related("person")
            .order_by("role", "order", "person__name")
        )
        focus_areas = list(project.focus_areas.select_related("lab"))
        context.update(
            focus_areas=focus_areas,
            members=members,
            partners=project.partners.all(),
            related_projects=related_projects(project, focus_area_ids=[area.pk for area in focus_areas]),
            structured_data=project_data(self.request, project, members=members),
        )
        return context

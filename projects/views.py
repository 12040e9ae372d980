from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from .models import Project, ProjectMember


class ProjectListView(ListView):
    template_name = "projects/project_list.html"
    context_object_name = "projects"
    paginate_by = 20

    def get_queryset(self):
        return Project.objects.public().select_related("lab").prefetch_related("focus_areas")


class ProjectDetailView(DetailView):
    template_name = "projects/project_detail.html"
    context_object_name = "project"

    def get_object(self, queryset=None):
        return get_object_or_404(
            Project.objects.public().select_related("lab"), lab__slug=self.kwargs["lab_slug"], slug=self.kwargs["slug"]
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        project = self.object
        context.update(
            focus_areas=project.focus_areas.select_related("lab"),
            members=ProjectMember.objects.filter(project=project, person__is_public=True).select_related("person"),
            partners=project.partners.all(),
        )
        return context

from django.urls import path

from . import views

app_name = "projects"

urlpatterns = [
    path("projects/", views.ProjectListView.as_view(), name="project_list"),
    path("projects/<slug:lab_slug>/<slug:slug>/", views.ProjectDetailView.as_view(), name="project_detail"),
]

from django.urls import path

from . import challenge_views, views

app_name = "projects"

urlpatterns = [
    path("projects/", views.ProjectListView.as_view(), name="project_list"),
    path("projects/<slug:lab_slug>/<slug:slug>/", views.ProjectDetailView.as_view(), name="project_detail"),
    path("challenges/submit/", challenge_views.challenge_submit_view, name="challenge_submit"),
    path("challenges/status/<str:token>/", challenge_views.challenge_status_view, name="challenge_status"),
    path("challenges/status/<str:token>/withdraw/", challenge_views.challenge_withdraw_view, name="challenge_withdraw"),
    path("challenges/status/<str:token>/data.json", challenge_views.challenge_data_view, name="challenge_data"),
]

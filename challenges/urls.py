from django.urls import path

from . import views

app_name = "challenges"

urlpatterns = [
    path("challenges/submit/", views.challenge_submit_view, name="challenge_submit"),
    path("challenges/status/<str:token>/", views.challenge_status_view, name="challenge_status"),
    path("challenges/status/<str:token>/withdraw/", views.challenge_withdraw_view, name="challenge_withdraw"),
    path("challenges/status/<str:token>/data.json", views.challenge_data_view, name="challenge_data"),
    path("challenges/status/<str:token>/files/<int:attachment_id>/", views.challenge_file_view, name="challenge_file"),
    path(
        "challenges/status/<str:token>/messages/files/<int:attachment_id>/",
        views.challenge_message_file_view,
        name="challenge_message_file",
    ),
]

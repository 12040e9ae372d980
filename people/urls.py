from django.urls import path

from . import application_views, views

app_name = "people"

urlpatterns = [
    path("people/", views.PersonListView.as_view(), name="person_list"),
    path("people/<slug:slug>/", views.PersonDetailView.as_view(), name="person_detail"),
    path("programmes/", views.CallListView.as_view(), name="call_list"),
    path("calls/<slug:slug>/", views.CallDetailView.as_view(), name="call_detail"),
    path("calls/<slug:slug>/apply/", application_views.application_apply_view, name="application_apply"),
    path("applications/status/<str:token>/", application_views.application_status_view, name="application_status"),
    path(
        "applications/status/<str:token>/withdraw/",
        application_views.application_withdraw_view,
        name="application_withdraw",
    ),
    path(
        "applications/status/<str:token>/data.json",
        application_views.application_data_view,
        name="application_data",
    ),
    path("referees/<str:token>/", application_views.referee_upload_view, name="referee_upload"),
]

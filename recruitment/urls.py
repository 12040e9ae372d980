from django.urls import path

from . import draft_views, referee_views, views
from .selection_views import urlpatterns as selection_urlpatterns

app_name = "recruitment"

urlpatterns = [
    path("programmes/", views.CallListView.as_view(), name="call_list"),
    path("calls/deadlines.ics", views.call_deadlines_calendar_view, name="call_deadlines_calendar"),
    path("calls/<slug:slug>/", views.CallDetailView.as_view(), name="call_detail"),
    path("calls/<slug:slug>/apply/", views.application_apply_view, name="application_apply"),
    path("applications/status/<str:token>/", views.application_status_view, name="application_status"),
    path("applications/status/<str:token>/withdraw/", views.application_withdraw_view, name="application_withdraw"),
    path("applications/status/<str:token>/data.json", views.application_data_view, name="application_data"),
    path(
        "applications/status/<str:token>/files/<str:document>/",
        views.application_file_view,
        name="application_file",
    ),
    path(
        "applications/status/<str:token>/messages/files/<int:attachment_id>/",
        views.application_message_file_view,
        name="application_message_file",
    ),
    path("referees/<str:token>/", views.referee_upload_view, name="referee_upload"),
    path("applications/drafts/<str:token>/", draft_views.application_draft_view, name="application_draft"),
    path(
        "applications/status/<str:token>/referees/<int:referee_id>/",
        referee_views.application_referee_change_view,
        name="application_referee_change",
    ),
    *selection_urlpatterns,
]

from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("events/", views.event_list_view, name="event_list"),
    path("events/calendar.ics", views.calendar_feed_view, name="calendar"),
    path("events/registrations/<str:token>/", views.registration_status_view, name="registration_status"),
    path("events/registrations/<str:token>/cancel/", views.registration_cancel_view, name="registration_cancel"),
    path("events/registrations/<str:token>/data.json", views.registration_data_view, name="registration_data"),
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="event_detail"),
    path("events/<slug:slug>/register/", views.registration_view, name="registration"),
    path("events/<slug:slug>/event.ics", views.event_calendar_view, name="event_calendar"),
]

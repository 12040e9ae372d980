from django.urls import path

from . import views

app_name = "people"

urlpatterns = [
    path("people/", views.PersonListView.as_view(), name="person_list"),
    path("people/<slug:slug>/", views.PersonDetailView.as_view(), name="person_detail"),
    path("programmes/", views.CallListView.as_view(), name="call_list"),
    path("calls/<slug:slug>/", views.CallDetailView.as_view(), name="call_detail"),
]

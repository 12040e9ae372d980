"""The open-data pages, under the language prefix like every public page."""

from django.urls import path

from . import views

app_name = "open_data"

urlpatterns = [
    path("open-data/", views.docs, name="docs"),
    path("embed/calls/", views.embed_calls, name="embed_calls"),
]

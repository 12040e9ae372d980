from django.urls import path

from . import finder, views

app_name = "overview"

# The same addresses as before these pages moved here; the list pages stay with their apps.
urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.site_search_view, name="search"),
    path("find-a-lab/", finder.lab_finder_view, name="lab_finder"),
    path("labs/<slug:slug>/", views.LabDetailView.as_view(), name="lab_detail"),
    path("focus-areas/<slug:lab_slug>/<slug:slug>/", views.FocusAreaDetailView.as_view(), name="focus_area_detail"),
    path("partners/<slug:slug>/", views.OrganisationDetailView.as_view(), name="organisation_detail"),
    path("programmes/<slug:lab_slug>/<slug:slug>/", views.ProgrammeDetailView.as_view(), name="programme_detail"),
    path("people/<slug:slug>/", views.PersonDetailView.as_view(), name="person_detail"),
]

from django.urls import path

from . import views

app_name = "labs"

urlpatterns = [
    path("labs/", views.LabListView.as_view(), name="lab_list"),
    path("labs/<slug:slug>/", views.LabDetailView.as_view(), name="lab_detail"),
    path("focus-areas/", views.FocusAreaListView.as_view(), name="focus_area_list"),
    path("focus-areas/<slug:lab_slug>/<slug:slug>/", views.FocusAreaDetailView.as_view(), name="focus_area_detail"),
    path("partners/", views.OrganisationListView.as_view(), name="organisation_list"),
    path("partners/<slug:slug>/", views.OrganisationDetailView.as_view(), name="organisation_detail"),
    path("programmes/<slug:lab_slug>/<slug:slug>/", views.ProgrammeDetailView.as_view(), name="programme_detail"),
]

from django.urls import path

from . import views

app_name = "labs"

urlpatterns = [
    path("labs/", views.LabListView.as_view(), name="lab_list"),
    path("focus-areas/", views.FocusAreaListView.as_view(), name="focus_area_list"),
    path("partners/", views.OrganisationListView.as_view(), name="organisation_list"),
]

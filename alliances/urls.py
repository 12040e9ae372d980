from django.urls import path

from . import views

app_name = "alliances"

# The alliance's public page is its programme page (overview), which shows what members do and get.
urlpatterns = [
    path("alliances/<slug:lab_slug>/<slug:slug>/apply/", views.membership_apply_view, name="membership_apply"),
    path("alliances/status/<str:token>/", views.membership_status_view, name="membership_status"),
    path("alliances/status/<str:token>/withdraw/", views.membership_withdraw_view, name="membership_withdraw"),
    path("alliances/status/<str:token>/data.json", views.membership_data_view, name="membership_data"),
]

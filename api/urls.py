"""/api/: the versioned open-data API, outside the language prefix (the language is a parameter)."""

from django.urls import path
from django.views.generic import RedirectView

from .v1 import api

urlpatterns = [
    # The documentation is a portal page (in the visitor's language); the usual address leads there.
    path("v1/docs/", RedirectView.as_view(pattern_name="open_data:docs"), name="api_docs"),
    path("v1/", api.urls),
]

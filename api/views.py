"""The human side of the open data: the documentation page (Swagger UI on the API's own schema, under the strict
CSP) and the list of open calls that partner sites embed in an iframe."""

from csp.decorators import csp_replace
from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt

from labs.models import JointLab
from portal.ratelimit import parse_rate
from recruitment.selectors import calls_open_to_the_public

from .common import Links

EMBED_HEIGHT = 480  # pixels suggested for the iframe; the list scrolls inside it when longer


def docs(request):
    links = Links(request)
    schema_path = reverse("api-v1:openapi-json")
    swagger_settings = {
        "url": schema_path,
        "layout": "BaseLayout",
        "deepLinking": False,  # its links inside each operation's button would nest interactive controls (WCAG)
        "validatorUrl": None,  # Swagger UI would fetch a badge from an outside validator: the CSP refuses it
        "defaultModelsExpandDepth": 0,
    }
    embed_url = links.absolute(reverse("open_data:embed_calls"))
    rate_count, rate_seconds = parse_rate(settings.API_RATE_LIMIT)
    embed_urls = []
    for code, name in settings.LANGUAGES:
        with translation.override(code):
            embed_urls.append({"code": code, "name": name, "url": links.absolute(reverse("open_data:embed_calls"))})
    return render(
        request,
        "api/docs.html",
        {
            "api_root": links.absolute(reverse("api-v1:index")),
            "schema_url": links.absolute(schema_path),
            "embed_url": embed_url,
            "embed_snippet": (
                f'<iframe src="{embed_url}" title="{escape(_("Open calls of the joint labs"))}" '
                f'width="100%" height="{EMBED_HEIGHT}" loading="lazy"></iframe>'
            ),
            "rate_count": rate_count,
            "rate_seconds": rate_seconds,
            "embed_urls": embed_urls,
            "embed_height": EMBED_HEIGHT,
            "example_lab": JointLab.objects.order_by("name", "pk").values_list("slug", flat=True).first() or "lab-slug",
            "swagger_settings": swagger_settings,
        },
    )


@xframe_options_exempt
@csp_replace({"frame-ancestors": ["*"]})
def embed_calls(request):
    """Open calls for a partner's page, in the language of the address, optionally of one lab (?lab=<slug>).
    Plain HTML and one small stylesheet: no script, nothing that needs the embedding site's cooperation."""
    calls = calls_open_to_the_public().order_by("closes_at", "title", "pk")
    lab = None
    lab_slug = request.GET.get("lab", "")
    if lab_slug:
        lab = JointLab.objects.filter(slug=lab_slug).first()
        calls = calls.filter(programme__lab=lab) if lab else calls.none()
    return render(
        request,
        "api/embed_calls.html",
        {"calls": calls, "lab": lab, "unknown_lab": bool(lab_slug) and lab is None},
    )

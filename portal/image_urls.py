"""Addresses of the picture pipeline: the labs' brand stylesheet and the share cards (portal/share_cards.py). The same
for every language.

The Content-Security-Policy forbids inline styles, so a lab's colour reaches its pages as a class: brand.css defines
`.brand-<slug>` and `.brand-lab-<id>` for every lab with --brand (its colour), --brand-text (white or black, whichever
reads at 4.5:1 or more on it) and --brand-ink (the colour darkened to read as text on white), and paints the
generated monograms. Only #rrggbb values and slug characters are ever written, whatever is in the database.
"""

import re

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.http import require_GET

from . import images
from .page_cache import content_version, remember_for_content
from .registry import registry
from .share_cards import share_card

SLUG = re.compile(r"\A[-a-zA-Z0-9_]+\Z")
YEAR = 60 * 60 * 24 * 365


def _lab_model():
    """The lab model, as the labs app registered it (scoped by "pk": a lab is its own lab); the kernel imports no app."""
    return next((model for model, lab_path in registry.lab_owned.items() if lab_path == "pk"), None)


def brand_stylesheet_text():
    model = _lab_model()
    labs = model._default_manager.order_by("pk").values_list("pk", "slug", "brand_colour") if model else []
    lines = ["/* Brand colours of the joint labs (generated; see portal/image_urls.py). */"]
    monogram_backgrounds, monogram_texts = [], []
    for pk, slug, colour in labs:
        colour = images.safe_colour(colour, slug)
        selectors = [f".brand-lab-{int(pk)}"]
        if SLUG.match(slug or ""):
            selectors.insert(0, f".brand-{slug}")
        lines.append(
            f"{','.join(selectors)}{{--brand:{colour};--brand-text:{images.text_colour_on(colour)};"
            f"--brand-ink:{images.ink_colour(colour)}}}"
        )
        monogram_backgrounds.append(f".monogram.brand-lab-{int(pk)}>.monogram-bg")
        monogram_texts.append(f".monogram.brand-lab-{int(pk)}>.monogram-text")
    if monogram_backgrounds:
        lines.append(f"{','.join(monogram_backgrounds)}{{fill:var(--brand)}}")
        lines.append(f"{','.join(monogram_texts)}{{fill:var(--brand-text)}}")
    return "\n".join(lines) + "\n"


@require_GET
def brand_stylesheet(request):
    version = content_version()
    text = remember_for_content("brand-css", brand_stylesheet_text, YEAR)
    response = HttpResponse(text, content_type="text/css; charset=utf-8")
    # The address carries the content version: the current one never changes, so it may be kept for a year.
    current = request.GET.get("v") == str(version)
    response["Cache-Control"] = f"public, max-age={YEAR}, immutable" if current else "public, max-age=300"
    return response


urlpatterns = [
    path("brand.css", brand_stylesheet, name="brand_stylesheet"),
    path("share/<str:token>.png", share_card, name="share_card"),
]

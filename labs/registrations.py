"""What labs contributes to the portal kernel (see portal/registry.py)."""

from django.utils.translation import gettext_lazy as _

from portal.ranking.index import translated_text
from portal.registry import (
    Matchable,
    SearchType,
    SitemapEntry,
    register_lab_owned,
    register_matchable,
    register_public_models,
    register_search_type,
    register_sitemap,
)

from .models import FocusArea, JointLab, Organisation, Partnership, Programme

register_search_type(
    SearchType(
        "labs",
        _("Labs"),
        JointLab,
        (("name", "A"), ("short_name", "A"), ("tagline", "B"), ("summary", "B")),
        position=10,
    )
)
register_search_type(
    SearchType(
        "focus_areas",
        _("Focus areas"),
        FocusArea,
        (("name", "A"), ("summary", "B"), ("description", "C")),
        related=("lab",),
        position=20,
    )
)
register_search_type(
    SearchType(
        "organisations",
        _("Partner organisations"),
        Organisation,
        (("name", "A"), ("short_name", "A"), ("description", "C")),
        position=50,
    )
)
register_search_type(
    SearchType(
        "programmes",
        _("Programmes"),
        Programme,
        (("name", "A"), ("description", "B")),
        related=("lab",),
        position=45,
    )
)


def _lab_profile(lab):
    """A lab is what it says of itself and what its focus areas say; its long description last (the embedding
    reads about the first 500 words)."""
    areas = [translated_text(area, ("name", "summary", "description")) for area in lab.focus_areas.all()]
    own = translated_text(lab, ("name", "short_name", "tagline", "summary"))
    return "\n".join([own, *areas, translated_text(lab, ("description",))])


register_matchable(Matchable("labs", JointLab, _lab_profile))
register_matchable(
    Matchable(
        "focus_areas",
        FocusArea,
        lambda area: translated_text(area, ("name", "summary", "description")),
        part_of=lambda area: [area.lab],
    )
)
register_sitemap(
    sections=["labs:lab_list", "labs:focus_area_list", "labs:organisation_list"],
    entries=[
        SitemapEntry("labs", JointLab),
        SitemapEntry("focus-areas", FocusArea, related=("lab",)),
        SitemapEntry("partners", Organisation),
        SitemapEntry("programmes", Programme, related=("lab",)),
    ],
)
register_public_models(JointLab, Organisation, Partnership, FocusArea, Programme)
register_lab_owned(JointLab, "pk")
register_lab_owned(FocusArea, "lab")
register_lab_owned(Programme, "lab")

"""Partner organisations and their partnerships with the labs: every one is public, as on the partner pages."""

import datetime

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from ninja import Field, Query, Router

from labs.filters import OrganisationFilter
from labs.models import Organisation, Partnership

from ..common import (
    RESPONSE_HEADERS,
    KeywordParams,
    LanguageParams,
    Links,
    Out,
    Page,
    choice_values,
    detail_responses,
    filtered,
    get_or_404,
    list_responses,
    page,
    slug_field,
    slug_path,
    stably_ordered,
)
from ..refs import LabRef, lab_ref

router = Router()

# --- partner organisations ----------------------------------------------------------------------------------------


class OrganisationParams(KeywordParams):
    kind: choice_values(Organisation.Kind) | None = None
    lab: str | None = slug_field("Only partners of this lab (the lab's slug).")


class OrganisationPartnershipOut(Out):
    lab: LabRef
    role: str
    role_label: str


class OrganisationOut(Out):
    url: str = Field(description="The organisation's public page on the portal.")
    slug: str
    name: str
    short_name: str
    kind: str
    kind_label: str
    region: str
    website: str
    partnerships: list[OrganisationPartnershipOut]


class OrganisationPage(Page):
    results: list[OrganisationOut]


class OrganisationPartnershipDetailOut(OrganisationPartnershipOut):
    since: datetime.date | None
    note: str


class OrganisationDetailOut(OrganisationOut):
    description: str
    partnerships: list[OrganisationPartnershipDetailOut]


def organisation_record(organisation, links, *, detailed=False):
    partnerships = []
    for partnership in organisation.partnership_list:
        item = {
            "lab": lab_ref(partnership.lab, links),
            "role": partnership.role,
            "role_label": str(partnership.get_role_display()),
        }
        if detailed:
            item.update(since=partnership.since, note=partnership.note)
        partnerships.append(item)
    record = {
        "url": links.page(organisation),
        "slug": organisation.slug,
        "name": organisation.name,
        "short_name": organisation.short_name,
        "kind": organisation.kind,
        "kind_label": str(organisation.get_kind_display()),
        "region": organisation.region,
        "website": organisation.website,
        "partnerships": partnerships,
    }
    if detailed:
        record["description"] = organisation.description
    return record


def organisations():
    """As on the partners list: every organisation, with its partnerships and their labs."""
    return Organisation.objects.prefetch_related(
        Prefetch(
            "partnerships",
            queryset=Partnership.objects.select_related("lab").order_by("lab__name", "role", "pk"),
            to_attr="partnership_list",
        )
    )


@router.get(
    "/organisations/",
    response=list_responses(OrganisationPage),
    summary="Partner organisations",
    description="Filter projects by partner with /projects/?partner=<slug>.",
    tags=["Partner organisations"],
    url_name="organisation_list",
    openapi_extra=RESPONSE_HEADERS,
)
def organisation_list(request, params: Query[OrganisationParams]):
    organisation_page = stably_ordered(filtered(OrganisationFilter, params, organisations()), "name")
    return page(request, organisation_page, params, organisation_record)


@router.get(
    "/organisations/{slug}/",
    response=detail_responses(OrganisationDetailOut),
    summary="A partner organisation",
    tags=["Partner organisations"],
    url_name="organisation_detail",
    openapi_extra=RESPONSE_HEADERS,
)
def organisation_detail(request, params: Query[LanguageParams], slug: str = slug_path()):
    organisation = get_or_404(organisations(), _("There is no partner organisation at this address."), slug=slug)
    return organisation_record(organisation, Links(request), detailed=True)

"""Labs, their focus areas and programmes: every one of them is public, as on the lab, focus-area and programme
pages. Partner organisations are in organisations.py."""

import datetime

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from ninja import Field, Query, Router

from labs.models import FocusArea, JointLab, Partnership, Programme
from people.models import LabRole, Person
from recruitment.models import Call

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
from ..filters import FocusAreaFilter, LabFilter, ProgrammeFilter
from ..refs import (
    CallRef,
    FocusAreaRef,
    LabRef,
    OrganisationRef,
    PersonRef,
    ProgrammeRef,
    call_ref,
    focus_area_ref,
    lab_ref,
    organisation_ref,
    person_ref,
    programme_ref,
)

router = Router()

# --- labs ---------------------------------------------------------------------------------------------------------


class LabParams(KeywordParams):
    status: choice_values(JointLab.Status) | None = Field(None, description="planned, active or closed.")


class LabOut(Out):
    url: str = Field(description="The lab's public page on the portal.")
    slug: str
    name: str
    short_name: str
    tagline: str
    summary: str
    status: str
    status_label: str
    established_on: datetime.date | None
    website: str
    locations: list[str]
    focus_areas: list[FocusAreaRef]


class LabPage(Page):
    results: list[LabOut]


class LabPartnerOut(Out):
    organisation: OrganisationRef
    role: str
    role_label: str
    since: datetime.date | None
    note: str


class LabLeaderOut(Out):
    person: PersonRef
    role: str
    role_label: str
    position: str


class LabDetailOut(LabOut):
    description: str
    leadership: list[LabLeaderOut] = Field(description="Current leadership roles; public profiles only.")
    partners: list[LabPartnerOut]
    programmes: list[ProgrammeRef]


def lab_record(lab, links):
    return {
        "url": links.page(lab),
        "slug": lab.slug,
        "name": lab.name,
        "short_name": lab.short_name,
        "tagline": lab.tagline,
        "summary": lab.summary,
        "status": lab.status,
        "status_label": str(lab.get_status_display()),
        "established_on": lab.established_on,
        "website": lab.website,
        "locations": lab.location_list,
        "focus_areas": [focus_area_ref(area, links) for area in lab.focus_area_list],
    }


def lab_detail_record(lab, links):
    return {
        **lab_record(lab, links),
        "description": lab.description,
        "leadership": [
            {
                "person": person_ref(role.person, links),
                "role": role.role,
                "role_label": str(role.get_role_display()),
                "position": role.person.position,
            }
            for role in lab.current_leadership
        ],
        "partners": [
            {
                "organisation": organisation_ref(partnership.organisation, links),
                "role": partnership.role,
                "role_label": str(partnership.get_role_display()),
                "since": partnership.since,
                "note": partnership.note,
            }
            for partnership in lab.partner_list
        ],
        "programmes": [programme_ref(programme, links) for programme in lab.programme_list],
    }


def focus_areas_of_each_lab():
    # Each focus area knows its lab from the prefetch itself: no second copy of the lab per area.
    return Prefetch("focus_areas", queryset=FocusArea.objects.select_related(None), to_attr="focus_area_list")


@router.get(
    "/labs/",
    response=list_responses(LabPage),
    summary="Labs",
    tags=["Labs"],
    url_name="lab_list",
    openapi_extra=RESPONSE_HEADERS,
)
def lab_list(request, params: Query[LabParams]):
    labs = filtered(LabFilter, params, JointLab.objects.prefetch_related(focus_areas_of_each_lab()))
    return page(request, stably_ordered(labs), params, lab_record)


@router.get(
    "/labs/{slug}/",
    response=detail_responses(LabDetailOut),
    summary="A lab, with its leadership, partners and programmes",
    tags=["Labs"],
    url_name="lab_detail",
    openapi_extra=RESPONSE_HEADERS,
)
def lab_detail(request, params: Query[LanguageParams], slug: str = slug_path()):
    labs = JointLab.objects.prefetch_related(
        focus_areas_of_each_lab(),
        Prefetch(
            "lab_roles",
            # The lab page's leadership: current roles of public profiles.
            queryset=LabRole.objects.current()
            .leadership()
            .filter(person__in=Person.objects.public())
            .select_related("person")
            .order_by("display_order", "person__name", "pk"),
            to_attr="current_leadership",
        ),
        Prefetch(
            "partnerships",
            queryset=Partnership.objects.select_related("organisation").order_by("role", "organisation__name", "pk"),
            to_attr="partner_list",
        ),
        Prefetch(
            "programmes",
            queryset=Programme.objects.select_related("lab").order_by("name", "pk"),
            to_attr="programme_list",
        ),
    )
    lab = get_or_404(labs, _("There is no lab at this address."), slug=slug)
    return lab_detail_record(lab, Links(request))


# --- focus areas --------------------------------------------------------------------------------------------------


class FocusAreaParams(KeywordParams):
    lab: str | None = slug_field("Only this lab's focus areas (the lab's slug).")


class FocusAreaOut(Out):
    url: str = Field(description="The focus area's public page on the portal.")
    lab: LabRef
    slug: str = Field(description="Unique within its lab.")
    name: str
    summary: str


class FocusAreaPage(Page):
    results: list[FocusAreaOut]


class FocusAreaDetailOut(FocusAreaOut):
    description: str


def focus_area_record(area, links):
    return {
        "url": links.page(area),
        "lab": lab_ref(area.lab, links),
        "slug": area.slug,
        "name": area.name,
        "summary": area.summary,
    }


@router.get(
    "/focus-areas/",
    response=list_responses(FocusAreaPage),
    summary="Focus areas",
    tags=["Labs"],
    url_name="focus_area_list",
    openapi_extra=RESPONSE_HEADERS,
)
def focus_area_list(request, params: Query[FocusAreaParams]):
    areas = filtered(FocusAreaFilter, params, FocusArea.objects.select_related("lab"))
    return page(request, stably_ordered(areas), params, focus_area_record)


@router.get(
    "/focus-areas/{lab}/{slug}/",
    response=detail_responses(FocusAreaDetailOut),
    summary="A focus area",
    tags=["Labs"],
    url_name="focus_area_detail",
    openapi_extra=RESPONSE_HEADERS,
)
def focus_area_detail(
    request, params: Query[LanguageParams], lab: str = slug_path("The lab's slug."), slug: str = slug_path()
):
    areas = FocusArea.objects.select_related("lab")
    area = get_or_404(areas, _("There is no focus area at this address."), lab__slug=lab, slug=slug)
    return {**focus_area_record(area, Links(request)), "description": area.description}


# --- programmes ---------------------------------------------------------------------------------------------------


class ProgrammeParams(KeywordParams):
    lab: str | None = slug_field("Only this lab's programmes (the lab's slug).")
    kind: choice_values(Programme.Kind) | None = None


class ProgrammeOut(Out):
    url: str = Field(description="The programme's public page on the portal.")
    lab: LabRef
    slug: str = Field(description="Unique within its lab.")
    name: str
    kind: str
    kind_label: str


class ProgrammePage(Page):
    results: list[ProgrammeOut]


class ProgrammeDetailOut(ProgrammeOut):
    description: str
    calls: list[CallRef] = Field(description="Published calls, the latest deadline first.")


def programme_record(programme, links):
    return {**programme_ref(programme, links), "lab": lab_ref(programme.lab, links)}


@router.get(
    "/programmes/",
    response=list_responses(ProgrammePage),
    summary="Programmes",
    tags=["Programmes and calls"],
    url_name="programme_list",
    openapi_extra=RESPONSE_HEADERS,
)
def programme_list(request, params: Query[ProgrammeParams]):
    programmes = filtered(ProgrammeFilter, params, Programme.objects.select_related("lab"))
    return page(request, stably_ordered(programmes), params, programme_record)


@router.get(
    "/programmes/{lab}/{slug}/",
    response=detail_responses(ProgrammeDetailOut),
    summary="A programme, with its published calls",
    tags=["Programmes and calls"],
    url_name="programme_detail",
    openapi_extra=RESPONSE_HEADERS,
)
def programme_detail(
    request, params: Query[LanguageParams], lab: str = slug_path("The lab's slug."), slug: str = slug_path()
):
    programmes = Programme.objects.select_related("lab").prefetch_related(
        Prefetch("calls", queryset=Call.objects.published().order_by("-closes_at", "pk"), to_attr="published_calls")
    )
    programme = get_or_404(programmes, _("There is no programme at this address."), lab__slug=lab, slug=slug)
    links = Links(request)
    return {
        **programme_record(programme, links),
        "description": programme.description,
        "calls": [call_ref(call, links) for call in programme.published_calls],
    }

"""Calls for applications: published ones only (Call.objects.published(), as on the programmes page), open, upcoming
or closed by the clock. Applications, referees and reviews are never part of the API."""

from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router

from labs.models import Programme
from recruitment.models import Call

from ..common import (
    RESPONSE_HEADERS,
    KeywordParams,
    LanguageParams,
    Links,
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
from ..filters import CallFilter
from ..refs import CallRef, LabRef, ProgrammeRef, call_ref, lab_ref, programme_ref

router = Router(tags=["Programmes and calls"])

# The orders of the programmes page: the nearest deadline or opening first, the latest closed call first.
ORDER_BY_STATE = {
    Call.State.OPEN: ("closes_at", "title"),
    Call.State.UPCOMING: ("opens_at", "title"),
    Call.State.CLOSED: ("-closes_at", "title"),
}


class CallParams(KeywordParams):
    state: choice_values(Call.State) | None = Field(
        None, description="open, upcoming or closed, at the time of asking."
    )
    lab: str | None = slug_field("Only this lab's calls (the lab's slug).")
    kind: choice_values(Programme.Kind) | None = Field(None, description="Only calls of programmes of this kind.")


class CallOut(CallRef):
    programme: ProgrammeRef
    lab: LabRef
    places: int | None = Field(description="Places offered, when the call says.")
    apply_url: str | None = Field(description="The application form while the call is open; null otherwise.")


class CallPage(Page):
    results: list[CallOut]


class CallDetailOut(CallOut):
    description: str
    eligibility: str


def call_record(call, links):
    is_open = call.state() == Call.State.OPEN
    return {
        **call_ref(call, links),
        "programme": programme_ref(call.programme, links),
        "lab": lab_ref(call.programme.lab, links),
        "places": call.places,
        "apply_url": links.absolute(reverse("recruitment:application_apply", kwargs={"slug": call.slug}))
        if is_open
        else None,
    }


def published_calls():
    return Call.objects.published().select_related("programme__lab")


@router.get(
    "/calls/",
    response=list_responses(CallPage),
    summary="Calls for applications",
    description="Without `state`: every published call, the nearest deadline first.",
    url_name="call_list",
    openapi_extra=RESPONSE_HEADERS,
)
def call_list(request, params: Query[CallParams]):
    calls = filtered(CallFilter, params, published_calls())
    return page(request, stably_ordered(calls, *ORDER_BY_STATE.get(params.state, ())), params, call_record)


@router.get(
    "/calls/{slug}/",
    response=detail_responses(CallDetailOut),
    summary="A call for applications",
    url_name="call_detail",
    openapi_extra=RESPONSE_HEADERS,
)
def call_detail(request, params: Query[LanguageParams], slug: str = slug_path()):
    call = get_or_404(published_calls(), _("There is no published call at this address."), slug=slug)
    return {**call_record(call, Links(request)), "description": call.description, "eligibility": call.eligibility}

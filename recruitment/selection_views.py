"""The student's side of the selection, on their private status page: booking an interview time (and its calendar
file), the offer letter, and accepting or declining the offer, each answer after a confirmation page."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from events.ical import calendar_response
from portal.downloads import private_file_response

from .models import InterviewSlot, Offer
from .services import (
    BookingRefused,
    OfferRefused,
    interview_calendar,
    interview_slot_book,
    offer_accept,
    offer_decline,
)
from .status_sections import selection_context
from .views import _application_or_not_found


def _slot_id(request):
    value = request.POST.get("slot", "")
    return int(value) if value.isdigit() else 0


@never_cache
@require_POST
def interview_book_view(request, token):
    application, not_found = _application_or_not_found(request, token)
    if not_found:
        return not_found
    had_slot = InterviewSlot.objects.filter(booked_by=application).exists()
    try:
        slot = interview_slot_book(application=application, slot_id=_slot_id(request))
    except BookingRefused as refusal:
        messages.error(request, str(refusal))
    else:
        when = date_format(timezone.localtime(slot.starts_at), "DATETIME_FORMAT")
        messages.success(
            request,
            (
                _("Your interview is now at %(when)s (Hong Kong time). We have e-mailed you the new details.")
                if had_slot
                else _("Your interview is booked for %(when)s (Hong Kong time). We have e-mailed you the details.")
            )
            % {"when": when},
        )
    return redirect(application.get_status_url() + "#interview")


@never_cache
def interview_calendar_view(request, token):
    """The booked interview as a calendar file, from the student's page only."""
    application, not_found = _application_or_not_found(request, token)
    if not_found:
        return not_found
    slot = InterviewSlot.objects.filter(booked_by=application).first()
    if slot is None:
        raise Http404
    content = interview_calendar(application=application, slot=slot, language=request.LANGUAGE_CODE)
    return calendar_response(content, filename=f"interview-{application.reference}.ics", download=True)


@never_cache
def offer_letter_view(request, token):
    """The offer letter staff uploaded, downloaded from the student's page only."""
    application, not_found = _application_or_not_found(request, token)
    if not_found:
        return not_found
    offer = Offer.objects.filter(application=application).first()
    if offer is None or not offer.letter:
        raise Http404
    return private_file_response(
        offer.letter, filename=f"{application.reference}-offer.pdf", content_type="application/pdf"
    )


def _answer_view(request, token, *, answer, template, done_message):
    application, not_found = _application_or_not_found(request, token)
    if not_found:
        return not_found
    if request.method == "POST":
        try:
            answer(application=application)
        except OfferRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, done_message)
        return redirect(application.get_status_url() + "#offer")
    context = selection_context(application)
    if not context["offer_open"]:
        messages.error(request, _("This offer cannot be answered now; the page below says why."))
        return redirect(application.get_status_url() + "#offer")
    return render(request, template, {"application": application, **context})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def offer_accept_view(request, token):
    """GET asks for confirmation; POST accepts (if still possible) and tells the lab."""
    return _answer_view(
        request,
        token,
        answer=offer_accept,
        template="recruitment/offer_accept_confirm.html",
        done_message=_(
            "You have accepted the offer. The lab has been told and will be in touch about what comes next."
        ),
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def offer_decline_view(request, token):
    """GET asks for confirmation; POST declines (if still possible) and tells the lab."""
    return _answer_view(
        request,
        token,
        answer=offer_decline,
        template="recruitment/offer_decline_confirm.html",
        done_message=_("You have declined the offer. The lab has been told."),
    )


# Hooked into recruitment/urls.py; all under the private status link (register_private_path hides the token).
urlpatterns = [
    path("applications/status/<str:token>/interview/book/", interview_book_view, name="interview_book"),
    path("applications/status/<str:token>/interview.ics", interview_calendar_view, name="interview_calendar"),
    path("applications/status/<str:token>/offer/letter/", offer_letter_view, name="offer_letter"),
    path("applications/status/<str:token>/offer/accept/", offer_accept_view, name="offer_accept"),
    path("applications/status/<str:token>/offer/decline/", offer_decline_view, name="offer_decline"),
]

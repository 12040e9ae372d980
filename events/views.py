from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe
from django.views.generic import DetailView

from portal.downloads import personal_data_download
from portal.ratelimit import allow, retry_after_seconds
from portal.structured_data import event_data
from portal.submissions import withdraw_and_return
from portal.workflow import public_timeline

from .forms import RegistrationForm
from .ical import calendar_bytes, calendar_response, event_entry
from .models import Event, Registration
from .personal_data import registration_personal_data
from .selectors import calendar_events, past_events, places_taken, public_events, upcoming_events
from .services import (
    AlreadyRegistered,
    RegistrationClosed,
    registration_cancel,
    registration_create,
    registration_send_link,
)

PAST_PER_PAGE = 20


@require_safe
def event_list_view(request):
    """Upcoming events first (soonest first), then past ones as a record (most recent first, in pages)."""
    now = timezone.now()
    past = Paginator(past_events(now=now), PAST_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "events/event_list.html",
        {"upcoming": upcoming_events(now=now), "page_obj": past, "past": past.object_list},
    )


class EventDetailView(DetailView):
    template_name = "events/event_detail.html"
    context_object_name = "event"

    def get_object(self, queryset=None):
        return get_object_or_404(public_events(), slug=self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["structured_data"] = event_data(self.request, self.object)
        return context


def _absolute_url(request, event):
    return request.build_absolute_uri(event.get_absolute_url())


@require_safe
def event_calendar_view(request, slug):
    """One event as a file to add to a calendar."""
    event = get_object_or_404(public_events(), slug=slug)
    content = calendar_bytes([event_entry(event, url=_absolute_url(request, event))])
    return calendar_response(content, filename=f"{event.slug}.ics", download=True)


@require_safe
def calendar_feed_view(request):
    """Every published event of the past year and ahead, for calendar programs to subscribe to."""
    entries = [event_entry(event, url=_absolute_url(request, event)) for event in calendar_events()]
    return calendar_response(calendar_bytes(entries, name=_("Joint Lab Portal events")), filename="events.ics")


def _closed(request, event):
    return render(request, "events/registration_closed.html", {"event": event}, status=410)


@never_cache
def registration_view(request, slug):
    event = get_object_or_404(public_events(), slug=slug)
    if event.registration_state() != Event.RegistrationState.OPEN:
        return _closed(request, event)
    if request.method == "POST":
        if not allow("event-register", request, settings.EVENT_REGISTRATION_RATE_LIMIT):
            response = render(request, "429.html", status=429)
            response["Retry-After"] = str(retry_after_seconds(settings.EVENT_REGISTRATION_RATE_LIMIT))
            return response
        form = RegistrationForm(request.POST)
        if form.is_valid() and form.submitted_by_software():
            form.add_error(None, _("We could not accept this registration. Please try again."))
        elif form.is_valid():
            try:
                registration = registration_create(
                    event=event,
                    name=form.cleaned_data["name"],
                    email=form.cleaned_data["email"],
                    organisation=form.cleaned_data["organisation"],
                    language=get_language(),
                )
            except RegistrationClosed:
                return _closed(request, event)  # the deadline passed while the form was being filled in
            except AlreadyRegistered as duplicate:
                registration_send_link(registration=duplicate.existing, language=get_language())
                form.add_error(
                    "email",
                    _(
                        "This e-mail address is already registered for this event. We have e-mailed the link to "
                        "that registration again, where it can be checked or cancelled."
                    ),
                )
            else:
                if registration.status == Registration.Status.CONFIRMED:
                    text = _("You are registered (reference %(reference)s). We have e-mailed you a confirmation.")
                else:
                    text = _(
                        "The event is full, so you are on the waiting list (reference %(reference)s). We will "
                        "e-mail you if a place frees up."
                    )
                messages.success(request, text % {"reference": registration.reference})
                return redirect(registration.get_status_url())
    else:
        form = RegistrationForm()
    full = event.capacity is not None and places_taken(event) >= event.capacity
    return render(request, "events/registration_form.html", {"event": event, "form": form, "full": full})


@never_cache
def registration_status_view(request, token):
    registration = get_object_or_404(Registration.objects.select_related("event__lab"), token=token)
    workflow = Registration.WORKFLOW
    return render(
        request,
        "events/registration_status.html",
        {
            "registration": registration,
            "event": registration.event,
            "status_label": workflow.public_label(registration.status),
            "timeline": public_timeline(registration, workflow),
            "can_cancel": workflow.can_withdraw(registration.status) and not registration.event.has_started,
        },
    )


@require_POST
def registration_cancel_view(request, token):
    return withdraw_and_return(
        request,
        get_object_or_404(Registration.objects.select_related("event"), token=token),
        withdraw=lambda registration: registration_cancel(registration=registration, actor_label="registrant"),
        done_message=_("Your registration has been cancelled. Thank you for letting us know."),
        refused_message=_("This registration can no longer be cancelled."),
    )


@never_cache
def registration_data_view(request, token):
    """Everything the portal holds about this registration, for the registrant to keep."""
    registration = get_object_or_404(Registration.objects.select_related("event"), token=token)
    return personal_data_download(
        registration_personal_data(registration), filename=f"{registration.reference}-data.json"
    )

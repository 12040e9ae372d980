from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django.views.generic import DetailView, TemplateView

from events.ical import CalendarEntry, calendar_bytes, calendar_response, uid_for
from labs.models import Programme
from portal.downloads import personal_data_download, private_file_response
from portal.held_uploads import release
from portal.ratelimit import allow, count_use, rate_limit_message, too_many_requests, used_up
from portal.submissions import (
    conversation_file_response,
    link_not_found,
    reply_from_status_page,
    status_page_context,
    submitted_summary,
    withdraw_with_confirmation,
)

from .draft_views import draft_save_response
from .forms import MESSAGE_FILE_KINDS, ApplicationForm, RefereeLetterForm
from .models import Application, ApplicationReferee, Call
from .personal_data import application_personal_data
from .referee_views import referee_rows
from .selectors import calls_open_to_the_public
from .services import (
    CORRESPONDENCE,
    CallNotOpen,
    DuplicateApplication,
    LetterWindowClosed,
    application_message_from_student,
    application_submit,
    application_withdraw,
    letter_deadline,
    referee_can_upload,
    referee_upload_letter,
)
from .status_sections import selection_context
from .student_forms import SAVE_DRAFT


class CallListView(TemplateView):
    """Programmes and their calls, grouped by what a student can do now."""

    template_name = "recruitment/call_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        calls = Call.objects.published().select_related("programme__lab")
        context.update(
            open_calls=calls.open(now).order_by("closes_at"),
            upcoming_calls=calls.upcoming(now).order_by("opens_at"),
            closed_calls=calls.closed(now).order_by("-closes_at")[:20],
            programmes=Programme.objects.select_related("lab").order_by("lab__name", "name"),
        )
        return context


class CallDetailView(DetailView):
    template_name = "recruitment/call_detail.html"
    context_object_name = "call"

    def get_object(self, queryset=None):
        return get_object_or_404(Call.objects.published().select_related("programme__lab"), slug=self.kwargs["slug"])


def call_deadlines_calendar_view(request):
    """The deadlines of the open public calls, for calendar programs to subscribe to; each links to its call."""
    entries = [
        CalendarEntry(
            uid=uid_for("call-deadline", call.pk),
            title=_("Deadline: %(title)s") % {"title": call.title},
            starts_at=call.closes_at,
            ends_at=call.closes_at,
            url=request.build_absolute_uri(call.get_absolute_url()),
            description=call.programme.lab.name,
            updated_at=call.updated_at,
        )
        for call in calls_open_to_the_public().order_by("closes_at", "pk")
    ]
    name = _("Joint Lab Portal call deadlines")
    return calendar_response(calendar_bytes(entries, name=name), filename="call-deadlines.ics")


def _closed(request, call):
    return render(request, "recruitment/call_closed.html", {"call": call}, status=410)


@never_cache
def application_apply_view(request, slug):
    call = get_object_or_404(Call.objects.published().select_related("programme__lab"), slug=slug)
    if call.state() != Call.State.OPEN:
        return _closed(request, call)
    if request.method == "POST":
        # Every post is work (its files are parsed); only accepted applications count towards APPLICATION_RATE_LIMIT.
        if not allow("application-attempt", request, settings.FORM_ATTEMPT_RATE_LIMIT):
            return too_many_requests(request, settings.FORM_ATTEMPT_RATE_LIMIT)
        if SAVE_DRAFT in request.POST:  # "Save and continue later" (recruitment.draft_views)
            return draft_save_response(request, call)
        form = ApplicationForm(request.POST, request.FILES, call=call)
        if form.is_valid() and form.submitted_by_software():
            form.add_error(None, _("We could not accept this submission. Please try again."))
        elif form.is_valid() and used_up("application-submit", request, settings.APPLICATION_RATE_LIMIT):
            form.add_error(None, rate_limit_message(settings.APPLICATION_RATE_LIMIT))
            form.keep_files_for_next_attempt()
        elif form.is_valid():
            return _submit(request, call, form)
    else:
        form = ApplicationForm(call=call)
    return render(request, "recruitment/application_form.html", {"call": call, "form": form})


def _submit(request, call, form):
    data = {name: form.cleaned_data[name] for name in form.Meta.fields if name not in ("focus_areas", "projects")}
    try:
        application_submit(
            call=call,
            fields=data,
            focus_areas=form.cleaned_data["focus_areas"],
            projects=form.cleaned_data["projects"],
            cv=form.cleaned_data["cv"],
            transcript=form.cleaned_data["transcript"],
            referees=form.referees(),
            language=get_language(),
        )
    except CallNotOpen:
        return _closed(request, call)  # the deadline passed while the form was being filled in
    except DuplicateApplication:
        pass  # the service e-mailed the address its existing link
    count_use("application-submit", request, settings.APPLICATION_RATE_LIMIT)
    release(form.held_files_used())
    # The same answer whether the address was new or had applied before: nothing to learn for a third party.
    return render(request, "recruitment/application_sent.html", {"call": call, "email": data["email"]})


def _application_or_not_found(request, token):
    """The application of this private link, or the page that says what to do when the link leads nowhere."""
    application = Application.objects.select_related("call__programme__lab").filter(status_token=token).first()
    if application is not None:
        return application, None
    return None, link_not_found(
        request,
        title=_("Application not found"),
        lead=_("No application is at this link."),
        advice=[
            _(
                "Check that you opened the whole link from our e-mail: some e-mail programs break long links across two lines."
            ),
            _(
                "If you lost the link while the call is open, send the application form again with the same e-mail address: we e-mail you the link of your existing application instead of making a second one."
            ),
            _(
                "Some time after a decision, an application's personal data is erased and its link stops working, as the privacy notice explains."
            ),
        ],
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def application_status_view(request, token):
    """The student's private page: what they sent, the referees, the conversation with the lab and its answers."""
    application, not_found = _application_or_not_found(request, token)
    if not_found:
        return not_found
    form = None
    if request.method == "POST":
        response, form = reply_from_status_page(
            request,
            application,
            write=lambda application, **message: application_message_from_student(application=application, **message),
            allowed_files=MESSAGE_FILE_KINDS,
        )
        if response:
            return response
    context = {
        "application": application,
        "lab": application.call.programme.lab,
        "summary": submitted_summary(application, Application.APPLICANT_FIELDS),
        "referees": application.referees.all(),
        "referee_rows": referee_rows(application, application.referees.all()),
        **selection_context(application),
        **status_page_context(application, correspondence=CORRESPONDENCE, form=form, allowed_files=MESSAGE_FILE_KINDS),
    }
    return render(request, "recruitment/application_status.html", context, status=400 if form else 200)


@never_cache
def application_file_view(request, token, document):
    """The CV or transcript the student sent, downloaded again from their own page."""
    application, not_found = _application_or_not_found(request, token)
    if not_found:
        return not_found
    stored = {"cv": application.cv, "transcript": application.transcript}.get(document)
    if not stored:
        raise Http404
    return private_file_response(
        stored, filename=f"{application.reference}-{document}.pdf", content_type="application/pdf"
    )


@never_cache
def application_message_file_view(request, token, attachment_id):
    """A file of the conversation, from the student's page: only this application's."""
    application, not_found = _application_or_not_found(request, token)
    if not_found:
        return not_found
    return conversation_file_response(application, attachment_id)


@never_cache
def application_data_view(request, token):
    """Everything the portal holds about this application, for the applicant to keep."""
    application, not_found = _application_or_not_found(request, token)
    if not_found:
        return not_found
    return personal_data_download(application_personal_data(application), filename=f"{application.reference}-data.json")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def application_withdraw_view(request, token):
    """GET asks for confirmation; POST withdraws and tells the lab."""
    application, not_found = _application_or_not_found(request, token)
    if not_found:
        return not_found
    return withdraw_with_confirmation(
        request,
        application,
        workflow=Application.WORKFLOW,
        withdraw=lambda application: application_withdraw(application=application),
        template="recruitment/withdraw_confirm.html",
        context_name="application",
        done_message=_("Your application has been withdrawn."),
        refused_message=_("This application has reached a final decision and can no longer be withdrawn."),
    )


@never_cache
def referee_upload_view(request, token):
    # Counted before the letter is read or checked: every upload is work for the server.
    if request.method == "POST" and not allow("referee-upload", request, settings.REFEREE_RATE_LIMIT):
        return too_many_requests(request, settings.REFEREE_RATE_LIMIT)
    referee = get_object_or_404(
        ApplicationReferee.objects.select_related("application__call__programme__lab"), upload_token=token
    )
    open_for_letters = referee_can_upload(referee)
    form = RefereeLetterForm()
    if request.method == "POST":
        form = RefereeLetterForm(request.POST, request.FILES)
        if not open_for_letters:
            messages.error(request, _("The time for letters for this application has passed; nothing was stored."))
        elif form.is_valid():
            replaced = referee.letter_received
            try:
                referee_upload_letter(referee=referee, letter=form.cleaned_data["letter"])
            except LetterWindowClosed:
                messages.error(request, _("The time for letters for this application has passed; nothing was stored."))
            else:
                messages.success(
                    request,
                    _("Your new letter replaces the previous one. Thank you.")
                    if replaced
                    else _("Thank you: your letter has been received."),
                )
                return redirect(referee.get_upload_url())
    return render(
        request,
        "recruitment/referee_upload.html",
        {
            "referee": referee,
            "application": referee.application,
            "call": referee.application.call,
            "form": form,
            "open_for_letters": open_for_letters and referee_can_upload(referee, timezone.now()),
            "letter_deadline": letter_deadline(referee.application.call),
        },
        status=410 if request.method == "POST" and not open_for_letters else 200,
    )

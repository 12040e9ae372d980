"""The student's draft of an application: saved from the apply form, resumed from its private link, sent."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from portal.held_uploads import release
from portal.ratelimit import allow, count_use, rate_limit_message, too_many_requests, used_up
from portal.submissions import link_not_found

from .models import ApplicationDraft, Call
from .services import CallNotOpen, DraftAlreadySent, DuplicateApplication, draft_save, draft_submit
from .student_forms import SAVE_DRAFT, DraftableApplicationForm


def _form_page(request, call, form, draft=None):
    return render(request, "recruitment/application_form.html", {"call": call, "form": form, "draft": draft})


def _closed(request, draft):
    return render(request, "recruitment/draft_closed.html", {"call": draft.call, "draft": draft}, status=410)


def _already_sent(request, draft):
    return render(request, "recruitment/draft_sent.html", {"call": draft.call}, status=409)


def draft_save_response(request, call, *, draft=None):
    """The apply form's "Save and continue later": keep the draft and go to its private page, or show the form
    again with why it could not be kept. The caller has counted the attempt and checked that the call is open."""
    form = DraftableApplicationForm(request.POST, request.FILES, call=call, draft=draft, saving=True)
    if form.is_valid() and form.submitted_by_software():
        form.add_error(None, _("We could not accept this submission. Please try again."))
    elif form.is_valid() and used_up("draft-save", request, settings.DRAFT_SAVE_RATE_LIMIT):
        form.add_error(None, rate_limit_message(settings.DRAFT_SAVE_RATE_LIMIT))
        form.keep_files_for_next_attempt()
    elif form.is_valid():
        try:
            saved, emailed = draft_save(
                call=call,
                draft=draft,
                email=form.cleaned_data["email"],
                data=form.draft_data(),
                files=form.draft_uploads(),
                language=get_language(),
            )
        except CallNotOpen:
            return render(request, "recruitment/call_closed.html", {"call": call}, status=410)
        except DraftAlreadySent as sent:
            return _already_sent(request, sent.draft)
        count_use("draft-save", request, settings.DRAFT_SAVE_RATE_LIMIT)
        release(form.held_files_used())
        if emailed:
            messages.success(
                request,
                _(
                    "Your draft is saved. We e-mailed %(email)s a private link to this page: open it in any browser "
                    "to continue, until the call closes."
                )
                % {"email": saved.email},
            )
        else:
            messages.success(request, _("Your draft is saved."))
        return redirect(saved.get_absolute_url())
    return _form_page(request, call, form, draft)


def _send(request, draft, form):
    fields = {name: form.cleaned_data[name] for name in form.Meta.fields if name not in ("focus_areas", "projects")}
    try:
        draft_submit(
            draft=draft,
            fields=fields,
            focus_areas=form.cleaned_data["focus_areas"],
            projects=form.cleaned_data["projects"],
            cv=form.cleaned_data["cv"],
            transcript=form.cleaned_data["transcript"],
            referees=form.referees(),
            language=get_language(),
        )
    except CallNotOpen:
        return _closed(request, draft)  # the deadline passed while the form was being finished
    except DraftAlreadySent:
        return _already_sent(request, draft)
    except DuplicateApplication:
        pass  # the service e-mailed the address its existing link
    count_use("application-submit", request, settings.APPLICATION_RATE_LIMIT)
    release(form.held_files_used())
    # As for the apply form: the same answer whether the address was new or had applied before.
    return render(request, "recruitment/application_sent.html", {"call": draft.call, "email": fields["email"]})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def application_draft_view(request, token):
    """The draft's private page: the apply form with everything kept, to save again or to send."""
    draft = ApplicationDraft.objects.select_related("call__programme__lab").filter(token=token).first()
    if draft is None:
        return link_not_found(
            request,
            title=_("Draft not found"),
            lead=_("No saved application is at this link."),
            advice=[
                _(
                    "Check that you opened the whole link from our e-mail: some e-mail programs break long links across two lines."
                ),
                _("Drafts are deleted when their call closes."),
            ],
        )
    call = draft.call
    if draft.is_sent:
        return _already_sent(request, draft)
    if call.state() != Call.State.OPEN or not call.is_published:
        return _closed(request, draft)
    if request.method == "POST":
        if not allow("application-attempt", request, settings.FORM_ATTEMPT_RATE_LIMIT):
            return too_many_requests(request, settings.FORM_ATTEMPT_RATE_LIMIT)
        if SAVE_DRAFT in request.POST:
            return draft_save_response(request, call, draft=draft)
        form = DraftableApplicationForm(request.POST, request.FILES, call=call, draft=draft)
        if form.is_valid() and form.submitted_by_software():
            form.add_error(None, _("We could not accept this submission. Please try again."))
        elif form.is_valid() and used_up("application-submit", request, settings.APPLICATION_RATE_LIMIT):
            form.add_error(None, rate_limit_message(settings.APPLICATION_RATE_LIMIT))
            form.keep_files_for_next_attempt()
        elif form.is_valid():
            return _send(request, draft, form)
    else:
        form = DraftableApplicationForm(call=call, draft=draft, initial=draft.data)
    return _form_page(request, call, form, draft)

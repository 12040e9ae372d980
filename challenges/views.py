import re

from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from labs.models import FocusArea, JointLab
from people.selectors import staff_public_name, staff_role_label
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
from portal.uploads import FILE_KINDS

from .forms import CHALLENGE_ATTACHMENT_KINDS, ChallengeForm
from .models import ChallengeAttachment, ChallengeRequest
from .personal_data import challenge_personal_data
from .services import CORRESPONDENCE, challenge_message_from_enterprise, challenge_submit, challenge_withdraw


@never_cache
def challenge_submit_view(request):
    if request.method == "POST":
        # Every post is work (its files are parsed); only accepted submissions count towards CHALLENGE_RATE_LIMIT.
        if not allow("challenge-attempt", request, settings.FORM_ATTEMPT_RATE_LIMIT):
            return too_many_requests(request, settings.FORM_ATTEMPT_RATE_LIMIT)
        form = ChallengeForm(request.POST, request.FILES)
        if form.is_valid() and form.submitted_by_software():
            form.add_error(None, _("We could not accept this submission. Please try again."))
        elif form.is_valid() and used_up("challenge-submit", request, settings.CHALLENGE_RATE_LIMIT):
            form.add_error(None, rate_limit_message(settings.CHALLENGE_RATE_LIMIT))
            form.keep_files_for_next_attempt()
        elif form.is_valid():
            return _submit(request, form)
    else:
        form = ChallengeForm(initial=_preselection(request))
    return render(request, "challenges/challenge_form.html", {"form": form})


def _submit(request, form):
    data = dict(form.cleaned_data)
    focus_areas = data.pop("focus_areas")
    attachments = data.pop("attachments")
    for name in ("consent", "website", "held_files"):
        data.pop(name)
    challenge = challenge_submit(fields=data, focus_areas=focus_areas, attachments=attachments, language=get_language())
    count_use("challenge-submit", request, settings.CHALLENGE_RATE_LIMIT)
    release(form.held_files_used())
    messages.success(
        request,
        _("Thank you. Your challenge was received with reference %(reference)s; we have e-mailed you this page's link.")
        % {"reference": challenge.reference},
    )
    return redirect(challenge.get_status_url())


def _preselection(request):
    """?lab=<slug> or ?focus_area=<id> from the lab and focus-area pages; anything unknown is ignored."""
    initial = {}
    lab = JointLab.objects.filter(slug=request.GET.get("lab", "")).first()
    if lab:
        initial["preferred_lab"] = lab
    area_id = request.GET.get("focus_area", "")
    # Only plain ASCII digits: str.isdigit() also accepts "²", which int() refuses.
    area = (
        FocusArea.objects.filter(pk=area_id).select_related("lab").first()
        if re.fullmatch(r"[0-9]{1,18}", area_id)
        else None
    )
    if area:
        initial["focus_areas"] = [area]
        initial.setdefault("preferred_lab", area.lab)
    # ?problem=… from the lab finder: what the visitor described there, to start from (saved only if submitted).
    problem = request.GET.get("problem", "").strip()[:5000]
    if problem:
        initial["problem_statement"] = problem
    return initial


def _challenge_or_not_found(request, token):
    """The request of this private link, or the page that says what to do when the link leads nowhere."""
    challenge = (
        ChallengeRequest.objects.select_related("lab", "preferred_lab", "owner", "project")
        .filter(status_token=token)
        .first()
    )
    if challenge is not None:
        return challenge, None
    return None, link_not_found(
        request,
        title=_("Challenge request not found"),
        lead=_("No industry challenge is at this link."),
        advice=[
            _(
                "Check that you opened the whole link from our e-mail: some e-mail programs break long links across two lines."
            ),
            _(
                "Some time after a request is closed, its contact details are erased and its link stops working, as the privacy notice explains."
            ),
            _("To bring a new problem to the labs, submit a new challenge."),
        ],
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def challenge_status_view(request, token):
    """The enterprise's private page: what it sent, who handles it, the conversation and its answers."""
    challenge, not_found = _challenge_or_not_found(request, token)
    if not_found:
        return not_found
    form = None
    if request.method == "POST":
        response, form = reply_from_status_page(
            request,
            challenge,
            write=lambda challenge, **message: challenge_message_from_enterprise(challenge=challenge, **message),
            allowed_files=CHALLENGE_ATTACHMENT_KINDS,
        )
        if response:
            return response
    lab = challenge.responsible_lab
    owner = challenge.owner
    context = {
        "challenge": challenge,
        "summary": submitted_summary(challenge, ChallengeRequest.ENTERPRISE_FIELDS),
        "attachments": challenge.attachments.all(),
        "lab": lab,
        "contact_name": staff_public_name(owner) if owner else "",
        "contact_role": staff_role_label(owner) if owner else "",
        "project": challenge.project if challenge.project_id and challenge.project.is_public else None,
        **status_page_context(
            challenge, correspondence=CORRESPONDENCE, form=form, allowed_files=CHALLENGE_ATTACHMENT_KINDS
        ),
    }
    return render(request, "challenges/challenge_status.html", context, status=400 if form else 200)


@never_cache
def challenge_file_view(request, token, attachment_id):
    """A file the enterprise sent with its form, downloaded again from its own page."""
    challenge, not_found = _challenge_or_not_found(request, token)
    if not_found:
        return not_found
    attachment = get_object_or_404(ChallengeAttachment, pk=attachment_id, challenge=challenge)
    kind = FILE_KINDS[attachment.kind]
    return private_file_response(attachment.file, filename=attachment.original_name, content_type=kind.content_type)


@never_cache
def challenge_message_file_view(request, token, attachment_id):
    """A file of the conversation, from the enterprise's page: only this request's."""
    challenge, not_found = _challenge_or_not_found(request, token)
    if not_found:
        return not_found
    return conversation_file_response(challenge, attachment_id)


@never_cache
def challenge_data_view(request, token):
    """Everything the portal holds about this request, for the enterprise to keep."""
    challenge, not_found = _challenge_or_not_found(request, token)
    if not_found:
        return not_found
    return personal_data_download(challenge_personal_data(challenge), filename=f"{challenge.reference}-data.json")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def challenge_withdraw_view(request, token):
    """GET asks for confirmation; POST withdraws and tells the lab."""
    challenge, not_found = _challenge_or_not_found(request, token)
    if not_found:
        return not_found
    return withdraw_with_confirmation(
        request,
        challenge,
        workflow=ChallengeRequest.WORKFLOW,
        withdraw=lambda challenge: challenge_withdraw(challenge=challenge),
        template="challenges/withdraw_confirm.html",
        context_name="challenge",
        done_message=_("Your request has been withdrawn. We will not take it further."),
        refused_message=_("This request has already reached a final decision and can no longer be withdrawn."),
    )

import re

from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from labs.models import FocusArea, JointLab
from portal.downloads import personal_data_download
from portal.ratelimit import allow, too_many_requests
from portal.submissions import withdraw_and_return
from portal.workflow import public_timeline

from .forms import ChallengeForm
from .models import ChallengeRequest
from .personal_data import challenge_personal_data
from .services import challenge_submit, challenge_withdraw


@never_cache
def challenge_submit_view(request):
    if request.method == "POST":
        if not allow("challenge-submit", request, settings.CHALLENGE_RATE_LIMIT):
            return too_many_requests(request, settings.CHALLENGE_RATE_LIMIT)
        form = ChallengeForm(request.POST, request.FILES)
        if form.is_valid() and form.submitted_by_software():
            form.add_error(None, _("We could not accept this submission. Please try again."))
        elif form.is_valid():
            data = dict(form.cleaned_data)
            focus_areas = data.pop("focus_areas")
            attachments = data.pop("attachments")
            data.pop("consent"), data.pop("website")
            challenge = challenge_submit(
                fields=data, focus_areas=focus_areas, attachments=attachments, language=get_language()
            )
            messages.success(
                request,
                _(
                    "Thank you. Your challenge was received with reference %(reference)s; we have e-mailed you this page's link."
                )
                % {"reference": challenge.reference},
            )
            return redirect(challenge.get_status_url())
    else:
        form = ChallengeForm(initial=_preselection(request))
    return render(request, "challenges/challenge_form.html", {"form": form})


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
    return initial


@never_cache
def challenge_status_view(request, token):
    challenge = get_object_or_404(ChallengeRequest, status_token=token)
    workflow = ChallengeRequest.WORKFLOW
    return render(
        request,
        "challenges/challenge_status.html",
        {
            "challenge": challenge,
            "status_label": workflow.public_label(challenge.status),
            "timeline": public_timeline(challenge, workflow),
            "can_withdraw": workflow.can_withdraw(challenge.status),
        },
    )


@never_cache
def challenge_data_view(request, token):
    """Everything the portal holds about this request, for the enterprise to keep."""
    challenge = get_object_or_404(ChallengeRequest, status_token=token)
    return personal_data_download(challenge_personal_data(challenge), filename=f"{challenge.reference}-data.json")


@require_POST
def challenge_withdraw_view(request, token):
    return withdraw_and_return(
        request,
        get_object_or_404(ChallengeRequest, status_token=token),
        withdraw=lambda challenge: challenge_withdraw(challenge=challenge),
        done_message=_("Your request has been withdrawn. We will not take it further."),
        refused_message=_("This request has already reached a final decision and can no longer be withdrawn."),
    )

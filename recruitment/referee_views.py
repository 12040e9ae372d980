"""The student's referees on the status page: which letters are in, and corrections while none is."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from portal.ratelimit import allow, too_many_requests

from .models import Application, ApplicationReferee
from .services import RefereeChangeRefused, referee_change_refusal, referee_correct
from .student_forms import RefereeChangeForm


@dataclass
class RefereeRow:
    referee: ApplicationReferee
    form: RefereeChangeForm | None  # None when the referee can no longer be changed
    refusal: str


def referee_rows(application: Application, referees) -> list[RefereeRow]:
    """Each referee with the form to correct them, or why they can no longer change (no query per referee)."""
    now = timezone.now()
    rows = []
    for referee in referees:
        referee.application = application  # already loaded: no query per referee
        refusal = referee_change_refusal(referee, now)
        form = None
        if not refusal:
            form = RefereeChangeForm(
                prefix=f"referee-{referee.pk}",
                initial={"name": referee.name, "institution": referee.institution, "email": referee.email},
            )
        rows.append(RefereeRow(referee=referee, form=form, refusal=refusal))
    return rows


def _back(application):
    return redirect(f"{application.get_status_url()}#referees")


@never_cache
@require_POST
def application_referee_change_view(request, token, referee_id):
    """Correct one referee of this application (only its own), or send their request again."""
    application = get_object_or_404(Application.objects.select_related("call__programme__lab"), status_token=token)
    if not allow("referee-change", request, settings.REFEREE_RATE_LIMIT):
        return too_many_requests(request, settings.REFEREE_RATE_LIMIT)
    referee = get_object_or_404(application.referees.all(), pk=referee_id)
    form = RefereeChangeForm(request.POST, prefix=f"referee-{referee.pk}")
    if not form.is_valid():
        problems = [str(error) for errors in form.errors.values() for error in errors]
        messages.error(request, _("Nothing was changed: %(problems)s") % {"problems": " ".join(problems)})
        return _back(application)
    try:
        change = referee_correct(referee=referee, resend="resend" in request.POST, **form.cleaned_data)
    except RefereeChangeRefused as refusal:
        messages.error(request, str(refusal))
    except ValidationError as error:
        messages.error(request, _("Nothing was changed: %(problems)s") % {"problems": " ".join(error.messages)})
    else:
        if change.emailed:
            messages.success(request, _("The request was e-mailed to your referee at the address you gave."))
        elif change.changed:
            messages.success(request, _("Your referee's details were corrected."))
        else:
            messages.info(request, _("Nothing was changed: the details are the same as before."))
    return _back(application)

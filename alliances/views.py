from django.conf import settings
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from portal.downloads import personal_data_download
from portal.ratelimit import allow, too_many_requests
from portal.submissions import withdraw_with_confirmation
from portal.workflow import public_timeline

from .forms import MembershipApplicationForm
from .models import MembershipApplication
from .personal_data import membership_personal_data
from .selectors import accepts_applications, alliance_programmes
from .services import (
    AllianceNotAccepting,
    DuplicateMembershipApplication,
    membership_submit,
    membership_withdraw,
)

WORKFLOW = MembershipApplication.WORKFLOW


def _not_accepting(request, programme):
    return render(request, "alliances/not_accepting.html", {"programme": programme}, status=410)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def membership_apply_view(request, lab_slug, slug):
    programme = get_object_or_404(alliance_programmes().select_related("lab"), lab__slug=lab_slug, slug=slug)
    if not accepts_applications(programme):
        return _not_accepting(request, programme)
    if request.method == "POST":
        if not allow("membership-apply", request, settings.ALLIANCE_RATE_LIMIT):
            return too_many_requests(request, settings.ALLIANCE_RATE_LIMIT)
        form = MembershipApplicationForm(request.POST)
        if form.is_valid() and form.submitted_by_software():
            form.add_error(None, _("We could not accept this submission. Please try again."))
        elif form.is_valid():
            return _submit(request, programme, form)
    else:
        form = MembershipApplicationForm()
    return render(request, "alliances/apply_form.html", {"form": form, "programme": programme})


def _submit(request, programme, form):
    fields = form.applicant_fields()
    try:
        membership_submit(programme=programme, fields=fields, language=get_language())
    except AllianceNotAccepting:
        return _not_accepting(request, programme)  # closed while the form was being filled in
    except DuplicateMembershipApplication:
        pass  # the service e-mailed the address the link to its open application
    # The same answer whether the address was new or has an open application: nothing to learn for a third party.
    return render(request, "alliances/application_sent.html", {"programme": programme, "email": fields["email"]})


def _application_or_404(request, token):
    """The application of this private link; a link that leads nowhere gets a page that says what to do."""
    application = MembershipApplication.objects.select_related("programme__lab").filter(status_token=token).first()
    if application is None:
        return None, render(request, "alliances/status_not_found.html", status=404)
    return application, None


@never_cache
def membership_status_view(request, token):
    application, not_found = _application_or_404(request, token)
    if not_found:
        return not_found
    return render(
        request,
        "alliances/status.html",
        {
            "application": application,
            "status_label": WORKFLOW.public_label(application.status),
            "timeline": public_timeline(application, WORKFLOW),
            "can_withdraw": WORKFLOW.can_withdraw(application.status),
        },
    )


@never_cache
def membership_data_view(request, token):
    """Everything the portal holds about this application, for the applicant to keep."""
    application, not_found = _application_or_404(request, token)
    if not_found:
        return not_found
    return personal_data_download(membership_personal_data(application), filename=f"{application.reference}-data.json")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def membership_withdraw_view(request, token):
    """GET asks for confirmation; POST withdraws."""
    application, not_found = _application_or_404(request, token)
    if not_found:
        return not_found
    return withdraw_with_confirmation(
        request,
        application,
        workflow=WORKFLOW,
        withdraw=lambda application: membership_withdraw(application=application),
        template="alliances/withdraw_confirm.html",
        context_name="application",
        done_message=_("Your application has been withdrawn. The lab will not take it further."),
        refused_message=_("This application has already been decided and can no longer be withdrawn."),
    )

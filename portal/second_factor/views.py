"""The second step's pages, in the admin's look: the code (verify), its first setup, the recovery codes shown once,
and a page where a signed-in user sees what is set up and makes new recovery codes.

verify and setup serve sessions that gave the password but not yet a code; they are not behind `admin_view`, and
each checks for itself who may use it. The other two are behind `admin_view`, like any admin page."""

import logging
import math

import django_otp
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters

from portal.ratelimit import allow, client_ip, retry_after_seconds

from .forms import AuthenticatorCodeForm, RecoveryCodeForm
from .services import (
    RECOVERY,
    authenticator_confirm,
    authenticator_of,
    authenticator_start,
    has_second_factor,
    readable_secret,
    recovery_codes_issue,
    recovery_codes_left,
    second_factor_check,
    setup_qr_code,
)
from .site import safe_next_url, session_verified, with_next

logger = logging.getLogger("portal.second_factor")

RATE_LIMIT_SCOPE = "second-factor"
NEW_RECOVERY_CODES = "second_factor_new_recovery_codes"  # session key: the codes to show once


def _signed_in_staff(user):
    return user.is_authenticated and user.is_active and user.is_staff


def _page(request, site, template, context, *, status=200, retry_after=None):
    request.current_app = site.name
    response = TemplateResponse(request, template, {**site.each_context(request), **context}, status=status)
    if retry_after is not None:
        response["Retry-After"] = str(retry_after)
    return response


def _attempt_allowed(request, form):
    """Count this attempt against the client's address; refuse it with a clear message past the limit."""
    if allow(RATE_LIMIT_SCOPE, request, settings.SECOND_FACTOR_RATE_LIMIT):
        return True
    form.add_error(
        None, _("Too many codes were tried from your network. Nothing was checked; wait a while and try again.")
    )
    logger.warning("Second-factor attempt refused for user %s from %s: rate limit", request.user.pk, client_ip(request))
    return False


def _refused(request, form, field, check):
    if check.throttled_until:
        seconds = max(1, math.ceil((check.throttled_until - timezone.now()).total_seconds()))
        form.add_error(
            field,
            ngettext(
                "Several wrong codes were entered for this account: wait %(seconds)d second, then try again.",
                "Several wrong codes were entered for this account: wait %(seconds)d seconds, then try again.",
                seconds,
            )
            % {"seconds": seconds},
        )
        reason = "throttled"
    elif form.kind == RECOVERY:
        form.add_error(field, _("This recovery code is not right, or it has been used already."))
        reason = "wrong code"
    else:
        form.add_error(
            field,
            _("This code is not right. Enter the code the app shows now; check that your phone's clock is right."),
        )
        reason = "wrong code"
    logger.warning(
        "Second-factor %s code refused for user %s from %s: %s", form.kind, request.user.pk, client_ip(request), reason
    )


def _verify_session(request, device):
    """Mark this session verified by `device` (as django-otp's login does), under a new session key."""
    django_otp.login(request, device)
    request.session.cycle_key()


@sensitive_post_parameters("code", "recovery_code")
@csrf_protect
@never_cache
def verify(request, site):
    user = request.user
    next_url = safe_next_url(request, site)
    if not _signed_in_staff(user):
        return redirect_to_login(next_url, reverse("admin:login", current_app=site.name))
    if session_verified(request):
        return redirect(next_url)
    if not has_second_factor(user):
        return redirect(with_next(reverse("admin:second_factor_setup", current_app=site.name), next_url))
    forms = {AuthenticatorCodeForm.kind: AuthenticatorCodeForm(), RecoveryCodeForm.kind: RecoveryCodeForm()}
    status = 200
    if request.method == "POST":
        form_class = RecoveryCodeForm if "recovery_code" in request.POST else AuthenticatorCodeForm
        form = forms[form_class.kind] = form_class(request.POST)
        field = next(iter(form.fields))
        if not _attempt_allowed(request, form):
            status = 429
        elif form.is_valid():
            check = second_factor_check(user=user, code=form.cleaned_data[field], kind=form.kind)
            if check.device is not None:
                _verify_session(request, check.device)
                logger.info("Second step passed by user %s from %s (%s)", user.pk, client_ip(request), form.kind)
                if form.kind == RECOVERY:
                    _after_recovery_code(request, user)
                return redirect(next_url)
            _refused(request, form, field, check)
        else:
            logger.warning(
                "Second-factor %s code refused for user %s from %s: malformed", form.kind, user.pk, client_ip(request)
            )
    authenticator = authenticator_of(user)
    if authenticator is None or "recovery_code" in request.POST:
        # The cursor goes where the person is typing: the recovery code when there is no app or it was just tried.
        forms[AuthenticatorCodeForm.kind].fields["code"].widget.attrs.pop("autofocus", None)
        forms[RecoveryCodeForm.kind].fields["recovery_code"].widget.attrs["autofocus"] = True
    context = {
        "title": _("Two-step sign-in"),
        "code_form": forms[AuthenticatorCodeForm.kind] if authenticator else None,
        "recovery_form": forms[RecoveryCodeForm.kind],
        "issuer": settings.OTP_TOTP_ISSUER,
        "next": next_url,
    }
    retry_after = retry_after_seconds(settings.SECOND_FACTOR_RATE_LIMIT) if status == 429 else None
    return _page(request, site, "admin/second_factor/verify.html", context, status=status, retry_after=retry_after)


def _after_recovery_code(request, user):
    left = recovery_codes_left(user)
    messages.warning(
        request,
        ngettext(
            "You signed in with a recovery code; %(count)d code is left. Make new ones under “Two-step sign-in”.",
            "You signed in with a recovery code; %(count)d codes are left. Make new ones under “Two-step sign-in”.",
            left,
        )
        % {"count": left},
    )
    if authenticator_of(user) is None:
        messages.warning(request, _("Your account has no authenticator app yet: set one up under “Two-step sign-in”."))


@sensitive_post_parameters("code")
@csrf_protect
@never_cache
def setup(request, site):
    """First sign-in (or after a reset): scan the QR code, confirm with a code, get the recovery codes."""
    user = request.user
    next_url = safe_next_url(request, site)
    if not _signed_in_staff(user):
        return redirect_to_login(next_url, reverse("admin:login", current_app=site.name))
    verified = session_verified(request)
    if verified and authenticator_of(user) is not None:
        return redirect("admin:second_factor_manage")
    if not verified and has_second_factor(user):
        # An account that has a second factor proves it first: a password alone never adds an authenticator.
        return redirect(with_next(reverse("admin:second_factor_verify", current_app=site.name), next_url))
    device = authenticator_start(user=user)
    form = AuthenticatorCodeForm(request.POST if request.method == "POST" else None)
    form.fields["code"].widget.attrs.pop("autofocus", None)  # the instructions come first
    status = 200
    if request.method == "POST":
        if not _attempt_allowed(request, form):
            status = 429
        elif form.is_valid():
            check, codes = authenticator_confirm(user=user, code=form.cleaned_data["code"])
            if check.device is not None:
                _verify_session(request, check.device)
                request.session[NEW_RECOVERY_CODES] = codes
                return redirect(
                    with_next(reverse("admin:second_factor_recovery_codes", current_app=site.name), next_url)
                )
            _refused(request, form, "code", check)
    context = {
        "title": _("Set up two-step sign-in"),
        "form": form,
        "qr_code": setup_qr_code(device),
        "secret": readable_secret(device),
        "issuer": settings.OTP_TOTP_ISSUER,
        "account": user.get_username(),
        "next": next_url,
    }
    retry_after = retry_after_seconds(settings.SECOND_FACTOR_RATE_LIMIT) if status == 429 else None
    return _page(request, site, "admin/second_factor/setup.html", context, status=status, retry_after=retry_after)


def recovery_codes(request, site):
    """The new recovery codes, shown once: they are taken out of the session as this page is made."""
    codes = request.session.pop(NEW_RECOVERY_CODES, None)
    if not codes:
        messages.info(request, _("Recovery codes are shown only once. If you did not keep them, make new ones here."))
        return redirect("admin:second_factor_manage")
    context = {"title": _("Your recovery codes"), "codes": codes, "next": safe_next_url(request, site)}
    return _page(request, site, "admin/second_factor/recovery_codes.html", context)


def manage(request, site):
    """What this account has set up; new recovery codes replace the old ones."""
    if request.method == "POST":
        request.session[NEW_RECOVERY_CODES] = recovery_codes_issue(user=request.user)
        logger.info("New recovery codes made by user %s", request.user.pk)
        return redirect("admin:second_factor_recovery_codes")
    context = {
        "title": _("Two-step sign-in"),
        "authenticator": authenticator_of(request.user),
        "codes_left": recovery_codes_left(request.user),
    }
    return _page(request, site, "admin/second_factor/manage.html", context)

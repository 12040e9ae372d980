from urllib.parse import urlencode

from django.contrib.admin import AdminSite
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import DEVICE_ID_SESSION_KEY

from portal.registry import registry


def session_verified(request) -> bool:
    """Whether this session passed the second step (OTPMiddleware sets is_verified; without it, nobody passes)."""
    is_verified = getattr(request.user, "is_verified", None)
    return bool(is_verified and is_verified())


def awaits_second_step(request) -> bool:
    """Signed in as staff with the password, but this session has not passed the second step yet."""
    user = request.user
    return user.is_authenticated and user.is_active and user.is_staff and not session_verified(request)


def safe_next_url(request, site) -> str:
    """Where to go after the second step: the page asked for, if it is on this site; otherwise the admin home."""
    candidate = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME)
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("admin:index", current_app=site.name)


def with_next(url, next_url) -> str:
    return f"{url}?{urlencode({REDIRECT_FIELD_NAME: next_url})}" if next_url else url


class PortalAdminSite(AdminSite):
    """The admin, open to active staff whose session passed the second step.

    Every admin page, and every view wrapped with `admin_view` (the dashboard, private downloads, exports,
    autocomplete), asks `has_permission`; a session that only gave the password is sent to the second step
    instead: the code from the authenticator app (or a recovery code), or its setup on a first sign-in."""

    # The home page is the staff member's workspace and every page has breadcrumbs back to it: the lists get the
    # whole width of a laptop screen instead of sharing it with a second list of every model.
    enable_nav_sidebar = False

    def has_permission(self, request):
        return super().has_permission(request) and session_verified(request)

    def index(self, request, extra_context=None):
        """The staff member's workspace when an app registered one (portal.registry.register_admin_home)."""
        if registry.admin_home is not None:
            extra_context = {**registry.admin_home(request, self.get_app_list(request)), **(extra_context or {})}
        return super().index(request, extra_context)

    def login(self, request, extra_context=None):
        if awaits_second_step(request):
            return self.second_step_redirect(request, request.GET.get(REDIRECT_FIELD_NAME))
        response = super().login(request, extra_context)
        if request.method == "POST" and awaits_second_step(request):
            # The password was right. A verification left in this session from an earlier sign-in does not count:
            # the second step is asked at every sign-in.
            request.session.pop(DEVICE_ID_SESSION_KEY, None)
            return self.second_step_redirect(request, getattr(response, "url", None))
        return response

    def second_step_redirect(self, request, next_url):
        verify_url = reverse("admin:second_factor_verify", current_app=self.name)
        safe = next_url and url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
        return HttpResponseRedirect(with_next(verify_url, next_url if safe else None))

    def get_urls(self):
        from . import views

        return [
            # Signing out must work half-way through signing in too (the admin's own route asks for permission).
            path("logout/", self.logout, name="logout"),
            path("second-factor/", views.verify, {"site": self}, name="second_factor_verify"),
            path("second-factor/setup/", views.setup, {"site": self}, name="second_factor_setup"),
            path(
                "second-factor/recovery-codes/",
                self.admin_view(views.recovery_codes),
                {"site": self},
                name="second_factor_recovery_codes",
            ),
            path("second-factor/manage/", self.admin_view(views.manage), {"site": self}, name="second_factor_manage"),
            *super().get_urls(),
        ]

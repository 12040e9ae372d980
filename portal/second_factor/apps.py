from django.conf import settings
from django.contrib.admin.apps import AdminConfig
from django.core import checks

OTP_MIDDLEWARE = "django_otp.middleware.OTPMiddleware"
AUTHENTICATION_MIDDLEWARE = "django.contrib.auth.middleware.AuthenticationMiddleware"


class PortalAdminConfig(AdminConfig):
    """django.contrib.admin, whose default site (`admin.site`, where every app registers) asks for the second step."""

    default_site = "portal.second_factor.site.PortalAdminSite"

    def ready(self):
        super().ready()
        checks.register(check_otp_middleware, checks.Tags.security)


def check_otp_middleware(app_configs, **kwargs):
    """Without django-otp's middleware no session counts as verified, and the admin would let nobody in."""
    middleware = list(settings.MIDDLEWARE)
    installed = OTP_MIDDLEWARE in middleware and AUTHENTICATION_MIDDLEWARE in middleware
    if installed and middleware.index(OTP_MIDDLEWARE) > middleware.index(AUTHENTICATION_MIDDLEWARE):
        return []
    return [
        checks.Error(
            f"{OTP_MIDDLEWARE} must be in MIDDLEWARE after {AUTHENTICATION_MIDDLEWARE}: without it no staff session "
            "passes the second step of signing in, so nobody can use the admin.",
            id="portal.E201",
        )
    ]

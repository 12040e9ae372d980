"""The rules of the second factor: what a staff account has set up, how a code is checked, and who may reset it.

Codes are checked by django-otp (TOTP per RFC 6238, static one-time tokens), never by code of ours: a device is
locked with select_for_update while a code is checked (so a recovery code works once, even when two requests race)
and django-otp throttles each device after wrong codes (1, 2, 4, 8… seconds).
"""

import logging
from base64 import b32encode
from dataclasses import dataclass
from datetime import datetime

import django_otp
import segno
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.outbox import queue_email, site_url

logger = logging.getLogger("portal.second_factor")

RECOVERY_CODE_COUNT = 10
AUTHENTICATOR_NAME = "Authenticator app"
RECOVERY_CODES_NAME = "Recovery codes"
AUTHENTICATOR = "authenticator"
RECOVERY = "recovery"


@dataclass(frozen=True)
class CodeCheck:
    """What checking a code gave: the device that accepted it, or why none did."""

    device: object = None
    throttled_until: datetime | None = None  # django-otp refuses to check codes on this account until then


def authenticator_of(user: AbstractBaseUser) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("pk").first()


def recovery_codes_left(user: AbstractBaseUser) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def has_second_factor(user: AbstractBaseUser) -> bool:
    """Whether this account can pass the second step: an authenticator app, or one-time codes still unused (recovery
    codes, or emergency codes an operator issued with `manage.py addstatictoken`). Otherwise it sets one up."""
    return authenticator_of(user) is not None or recovery_codes_left(user) > 0


def authenticator_start(*, user: AbstractBaseUser) -> TOTPDevice:
    """The not-yet-confirmed authenticator being set up: the same secret until it is confirmed, so reloading the
    setup page after scanning the QR code does not invalidate what the app shows."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)


def readable_secret(device: TOTPDevice) -> str:
    """The secret as authenticator apps take it when typed in (base32), in groups of four for reading aloud."""
    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[start : start + 4] for start in range(0, len(secret), 4))


def setup_qr_code(device: TOTPDevice) -> SafeString:
    """The otpauth:// address as an inline SVG QR code: paths only, no style attribute or data: URI, so it shows
    under the site's Content-Security-Policy. Built from our own data, so it is safe to insert as markup."""
    code = segno.make(device.config_url, error="m", micro=False)
    return mark_safe(code.svg_inline(scale=5, dark="#000", light="#fff", svgclass="second-factor-qr", lineclass=None))


def authenticator_confirm(*, user: AbstractBaseUser, code: str) -> tuple[CodeCheck, list[str]]:
    """Confirm the authenticator being set up with a code it shows. On success it becomes the account's only
    authenticator and a new set of recovery codes replaces any earlier one; returns (check, recovery codes)."""
    with transaction.atomic():
        device = TOTPDevice.objects.devices_for_user(user, confirmed=False).select_for_update().order_by("pk").first()
        if device is None:
            return CodeCheck(), []
        allowed, details = device.verify_is_allowed()
        if not allowed:
            return CodeCheck(throttled_until=details.get("locked_until")), []
        if not device.verify_token(normalised_code(code, kind=AUTHENTICATOR)):
            return CodeCheck(), []
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        codes = recovery_codes_issue(user=user)
    logger.info("Second factor set up for user %s", user.pk)
    return CodeCheck(device=device), codes


@transaction.atomic
def recovery_codes_issue(*, user: AbstractBaseUser) -> list[str]:
    """Ten new one-time recovery codes; every earlier recovery or emergency code stops working. The device itself
    is kept, so a session that was verified with one of its codes stays verified."""
    StaticToken.objects.filter(device__user=user).delete()
    device = StaticDevice.objects.filter(user=user).order_by("pk").first()
    if device is None:
        device = StaticDevice.objects.create(user=user, name=RECOVERY_CODES_NAME, confirmed=True)
    elif not device.confirmed:
        device.confirmed = True
        device.save(update_fields=["confirmed"])
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def normalised_code(code: str, *, kind: str) -> str:
    """What people type, as the device stores it: no spaces or hyphens; recovery codes in lower case."""
    code = "".join(code.split()).replace("-", "")
    return code.lower() if kind == RECOVERY else code


def second_factor_check(*, user: AbstractBaseUser, code: str, kind: str) -> CodeCheck:
    """Check a code from the authenticator app (kind AUTHENTICATOR) or a recovery code (kind RECOVERY) against the
    account's confirmed devices of that kind. A recovery code that matches is used up."""
    model = TOTPDevice if kind == AUTHENTICATOR else StaticDevice
    code = normalised_code(code, kind=kind)
    throttled_until = None
    for device in model.objects.devices_for_user(user, confirmed=True).order_by("pk"):
        allowed, details = device.verify_is_allowed()
        if not allowed:
            throttled_until = max(filter(None, [throttled_until, details.get("locked_until")]), default=None)
            continue
        verified = django_otp.verify_token(user, device.persistent_id, code)
        if verified is not None:
            return CodeCheck(device=verified)
    return CodeCheck(throttled_until=throttled_until)


def with_authenticator_flag(users):
    """`users` annotated with has_authenticator (a confirmed authenticator app), in the same query."""
    return users.annotate(has_authenticator=Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)))


def may_reset_second_factor(actor: AbstractBaseUser, target: AbstractBaseUser) -> bool:
    """Who may reset whose second factor: those who manage staff accounts, and a superuser's only a superuser."""
    return actor.has_perm("auth.change_user") and (actor.is_superuser or not target.is_superuser)


@transaction.atomic
def second_factor_reset(*, user: AbstractBaseUser, by: AbstractBaseUser) -> None:
    """Remove the account's authenticator and recovery codes: its sessions lose their verification at their next
    request, and the next sign-in sets up a new authenticator. The account holder is told by e-mail, so a reset
    they did not ask for does not go unnoticed."""
    if not may_reset_second_factor(by, user):
        raise PermissionError(f"{by} may not reset the second factor of {user}.")
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    if user.email:
        queue_email(
            to=[user.email],
            template="second_factor_reset",
            context={
                "account": user.get_username(),
                "reset_by": by.get_full_name() or by.get_username(),
                "sign_in_url": site_url(reverse("admin:login")),
            },
        )
    logger.warning("Second factor of user %s reset by user %s", user.pk, by.pk)

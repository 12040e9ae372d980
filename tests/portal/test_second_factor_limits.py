"""The second step of staff sign-in: guessing codes is limited per address and per account, and logged without the
code; the password lockout still comes first."""

import datetime
import logging
import re

import pytest
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.portal.test_second_factor import (
    PASSWORD,
    SETUP,
    VERIFY,
    code_for,
    sign_in_with_password,
    staff,
    verified,
    wrong_code_for,
)

pytestmark = [pytest.mark.django_db, pytest.mark.real_second_factor]


# --- guessing is limited and logged ----------------------------------------------------------------------------------


def test_the_code_step_is_rate_limited_per_address_with_a_clear_message(client, settings):
    settings.SECOND_FACTOR_RATE_LIMIT = "3/h"
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # only the address limit here; the per-account throttle is tested below
    user = staff()
    device = TOTPDevice.objects.get(user=user)
    sign_in_with_password(client)
    statuses = [client.post(VERIFY, {"code": wrong_code_for(device)}).status_code for _ in range(3)]
    assert statuses == [200, 200, 200]
    limited = client.post(VERIFY, {"code": code_for(device)})  # even the right code is not checked now
    assert limited.status_code == 429
    assert int(limited["Retry-After"]) > 0
    assert "Too many codes were tried from your network" in limited.content.decode()
    assert not verified(client)
    # Another address is counted on its own.
    elsewhere = Client(REMOTE_ADDR="192.0.2.7")
    sign_in_with_password(elsewhere)
    assert elsewhere.post(VERIFY, {"code": code_for(device)}).status_code == 302


def test_setup_is_rate_limited_too(client, settings):
    settings.SECOND_FACTOR_RATE_LIMIT = "2/h"
    user = staff(authenticator=False)
    sign_in_with_password(client)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=user)
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    for _ in range(2):
        client.post(SETUP, {"code": wrong_code_for(device)})
    assert client.post(SETUP, {"code": code_for(device)}).status_code == 429
    device.refresh_from_db()
    assert not device.confirmed


def test_wrong_codes_slow_the_account_down_and_say_how_long_to_wait(client):
    user = staff()
    device = TOTPDevice.objects.get(user=user)
    sign_in_with_password(client)
    client.post(VERIFY, {"code": wrong_code_for(device)})
    device.refresh_from_db()
    assert device.throttling_failure_count == 1  # django-otp counts it against the account
    # After five wrong codes django-otp wants 16 seconds before it checks another.
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=5)
    throttled = client.post(VERIFY, {"code": code_for(device)})  # right, but too soon
    assert throttled.status_code == 200
    seconds = int(re.search(r"wait (\d+) seconds, then try again", throttled.content.decode()).group(1))
    assert 1 <= seconds <= 16
    assert not verified(client)
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert client.post(VERIFY, {"code": code_for(device)}).status_code == 302


def test_refused_codes_are_logged_without_the_code(client, caplog):
    user = staff()
    device = TOTPDevice.objects.get(user=user)
    sign_in_with_password(client)
    wrong = wrong_code_for(device)
    with caplog.at_level(logging.INFO, logger="portal.second_factor"):
        client.post(VERIFY, {"code": wrong})
        client.post(VERIFY, {"recovery_code": "notacode"})
    refused = [record.getMessage() for record in caplog.records if record.levelno == logging.WARNING]
    assert len(refused) == 2
    assert all(f"user {user.pk}" in message and "127.0.0.1" in message for message in refused)
    assert not any(wrong in message or "notacode" in message for message in refused)


def test_a_lockout_after_wrong_passwords_still_comes_before_the_second_step(client):
    staff()
    for _ in range(5):
        client.post("/admin/login/?next=/admin/", {"username": "boss", "password": "wrong"})
    locked = client.post("/admin/login/?next=/admin/", {"username": "boss", "password": PASSWORD})
    assert locked.status_code in (403, 429)
    assert "Sign-in locked" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    assert client.get(VERIFY)["Location"].startswith("/admin/login/")

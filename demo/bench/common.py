"""Shared pieces of the benchmarks (make bench): result files, tables, a gunicorn on loopback."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django.db import connection
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse
from django_otp.plugins.otp_static.lib import add_static_token

RESULTS_DIR = Path(settings.BASE_DIR) / "var" / "bench"


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def write_results(name, payload):
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    payload = {"database": connection.vendor, "machine": machine(), **payload}
    path = RESULTS_DIR / f"{name}-{connection.vendor}-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(payload, indent=2, default=str))
    return path


def machine():
    return {"cores": os.cpu_count(), "python": sys.version.split()[0], "platform": sys.platform}


def table(rows, columns):
    widths = [max(len(str(column)), *(len(str(row.get(column, ""))) for row in rows)) for column in columns]
    lines = ["  ".join(str(column).ljust(width) for column, width in zip(columns, widths, strict=True))]
    lines += ["  ".join(str(row.get(c, "")).ljust(w) for c, w in zip(columns, widths, strict=True)) for row in rows]
    return "\n".join(lines)


def signed_in_staff_client():
    """A test client signed in as the benchmarks' superuser and past the second step the way an operator's
    automated check is: with a one-time code issued for the account, as `manage.py addstatictoken` does. Its
    session cookie also serves requests over HTTP (the session is in the database)."""
    user, _ = get_user_model().objects.get_or_create(
        username="bench-superuser", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client()
    with override_settings(ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"]):
        client.force_login(user)
        code = add_static_token(user.get_username()).token
        response = client.post(reverse("admin:second_factor_verify"), {"recovery_code": code})
        if response.status_code != 302 or client.get(reverse("admin:index")).status_code != 200:
            raise CommandError("The bench account could not pass the second step of signing in.")
    return client


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Gunicorn:
    """gunicorn serving the portal on 127.0.0.1 only, with production-like settings; stopped on exit."""

    def __init__(self, *, workers=None, env=None):
        self.port = free_port()
        self.workers = workers or 2 * (os.cpu_count() or 1) + 1
        self.env = {
            **os.environ,
            "DEBUG": "false",
            "SECRET_KEY": os.environ.get("SECRET_KEY") or "bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            **(env or {}),
        }
        self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        command = [
            sys.executable, "-m", "gunicorn", "portal.wsgi:application",
            "--bind", f"127.0.0.1:{self.port}", "--workers", str(self.workers),
            "--log-level", "warning", "--timeout", "60",
        ]  # fmt: skip
        self.process = subprocess.Popen(command, cwd=settings.BASE_DIR, env=self.env)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/readyz", timeout=2) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.3)
        self.__exit__(None, None, None)
        raise RuntimeError("gunicorn did not become ready within 30 s")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()

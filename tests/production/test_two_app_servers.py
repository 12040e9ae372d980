"""Two identical app servers (gunicorn) on PostgreSQL and Redis: nothing lives in one process's memory."""

import os
import re
import subprocess
import sys

import pytest
import requests
from django.conf import global_settings, settings
from django.db import connection
from django_otp.plugins.otp_static.lib import add_static_token

from demo.bench.common import Gunicorn
from tests import factories
from tests.files import PDF_BYTES

REDIS_URL = "redis://127.0.0.1:6379/15"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def redis_or_skip():
    import redis

    try:
        client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
        client.flushdb()
        return client
    except redis.exceptions.ConnectionError:
        pytest.skip("Redis is not answering on 127.0.0.1:6379")


@pytest.fixture
def servers(transactional_db, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("Several app servers need a shared PostgreSQL: run with make test-postgres")
    redis_or_skip()
    database = connection.settings_dict
    env = {
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
        "CACHE_URL": REDIS_URL,
        "CHALLENGE_RATE_LIMIT": "3/h",
        "AXES_FAILURE_LIMIT": "3",
        "PAGE_CACHE_SECONDS": "0",
        "EMAIL_URL": "dummymail://",
        "STATIC_ROOT": str(tmp_path / "static"),
    }
    # Production serves the compressed, hashed static files: collect them as a release would.
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DEBUG": "false", "SECRET_KEY": "collect-only-" + "x" * 50, **env},
        check=True,
        timeout=120,
    )
    with Gunicorn(workers=1, env=env) as first, Gunicorn(workers=1, env=env) as second:
        yield first.url, second.url


def form_token(session, url):
    return CSRF.search(session.get(url, timeout=30).text).group(1)


def submit(url, n):
    session = requests.Session()
    token = form_token(session, url + "/challenges/submit/")
    data = {
        "csrfmiddlewaretoken": token,
        "organisation_name": f"Two Servers Ltd {n} (fictional)",
        "organisation_size": "1-9",
        "sector": "other",
        "contact_name": "Test",
        "job_title": "Tester",
        "email": f"two-servers-{n}@example.com",
        "title": f"Seen everywhere {n}",
        "problem_statement": "A fictional problem.",
        "desired_outcome": "Shared state.",
        "budget_range": "undecided",
        "timeline": "flexible",
        "confidentiality": "confidential",
        "consent": "on",
    }
    files = {"attachments": ("brief.pdf", PDF_BYTES, "application/pdf")}
    return session.post(
        url + "/challenges/submit/", data=data, files=files, headers={"Referer": url}, allow_redirects=False, timeout=60
    )


def sign_in(session, url, password):
    token = form_token(session, url + "/admin/login/")
    return session.post(
        url + "/admin/login/?next=/admin/",
        data={"csrfmiddlewaretoken": token, "username": "boss", "password": password, "next": "/admin/"},
        headers={"Referer": url + "/admin/login/"},
        allow_redirects=False,
        timeout=30,
    )


def pass_second_step(session, url, username):
    """The second step of signing in, with a one-time code issued for the account as `addstatictoken` does."""
    token = form_token(session, url + "/admin/second-factor/")
    return session.post(
        url + "/admin/second-factor/",
        data={"csrfmiddlewaretoken": token, "recovery_code": add_static_token(username).token, "next": "/admin/"},
        headers={"Referer": url + "/admin/second-factor/"},
        allow_redirects=False,
        timeout=30,
    )


def test_two_app_servers_share_submissions_sessions_rate_limits_and_lockouts(servers, settings):
    first, second = servers
    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS  # hashed the way the servers check it
    factories.SuperuserFactory(username="boss", password="the-right-password-123")

    # A submission made on one is visible to staff on the other, in a session that works on both.
    assert submit(first, 1).status_code == 302
    staff = requests.Session()
    assert sign_in(staff, first, "the-right-password-123").status_code == 302
    assert pass_second_step(staff, second, "boss").status_code == 302  # the half-signed-in session is shared too
    listing = staff.get(second + "/admin/challenges/challengerequest/", timeout=30)
    assert listing.status_code == 200 and "Seen everywhere 1" in listing.text
    assert "Seen everywhere 1" in staff.get(first + "/admin/challenges/challengerequest/", timeout=30).text

    # The rate limit (3 accepted requests an hour) counts across both servers: the fourth comes back with its form.
    assert [submit(second, 2).status_code, submit(first, 3).status_code] == [302, 302]
    refused = submit(second, 4)
    assert refused.status_code == 200 and "Nothing you typed is lost" in refused.text

    # A lockout on one applies on the other.
    attacker = requests.Session()
    statuses = [sign_in(attacker, first, "wrong").status_code for _ in range(3)]
    assert statuses[-1] == 429
    locked = sign_in(requests.Session(), second, "the-right-password-123")
    assert locked.status_code == 429 and "Sign-in locked" in locked.text

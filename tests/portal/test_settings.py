import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "k2!vQ9#zR7@pL4$wX1^mN8&bT5*cY3(hJ6)fD0_gS2+aE9=uI7-oK4~rW1",
    "ALLOWED_HOSTS": "portal.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://portal.example.org",
    "SECURE_SSL_REDIRECT": "true",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "true",
    "SECURE_HSTS_PRELOAD": "true",
    "SESSION_COOKIE_SECURE": "true",
    "CSRF_COOKIE_SECURE": "true",
    "SECURE_PROXY_SSL_HEADER": "true",
}


def manage(*args, env_overrides, tmp_path):
    # A clean production-like environment: nothing the test run itself set (browser tests relax async safety).
    env = {key: value for key, value in os.environ.items() if key not in PRODUCTION_ENV}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    env.update(env_overrides)
    env.setdefault("DATABASE_URL", f"sqlite:///{tmp_path / 'db.sqlite3'}")
    env["DJANGO_SETTINGS_MODULE"] = "portal.settings"
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )


def test_deploy_check_is_clean_in_production_configuration(tmp_path):
    result = manage("check", "--deploy", "--fail-level", "WARNING", env_overrides=PRODUCTION_ENV, tmp_path=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = {**PRODUCTION_ENV, "SECRET_KEY": ""}
    result = manage("check", env_overrides=env, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_collectstatic_builds_a_compressed_manifest_in_production(tmp_path):
    env = {**PRODUCTION_ENV, "STATIC_ROOT": str(tmp_path / "static")}
    result = manage("collectstatic", "--noinput", env_overrides=env, tmp_path=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    collected = tmp_path / "static"
    assert (collected / "staticfiles.json").exists()
    assert list(collected.glob("vendor/bootstrap/css/bootstrap.min.*.css.gz"))
    assert list(collected.glob("css/portal.*.css"))


def test_production_turns_on_hsts(tmp_path):
    script = (
        "from django.conf import settings; from django.test import Client;"
        "response = Client().get('/healthz', secure=True, HTTP_HOST='portal.example.org');"
        "print(settings.SECURE_HSTS_SECONDS, settings.SESSION_COOKIE_SECURE);"
        "print(response['Strict-Transport-Security'])"
    )
    result = manage("shell", "-c", script, env_overrides=PRODUCTION_ENV, tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    settings_line, header = result.stdout.strip().splitlines()[-2:]
    assert settings_line.split() == ["31536000", "True"]
    assert header == "max-age=31536000; includeSubDomains; preload"

"""What the logs may hold: no private link in any logger the project ships (Django's, gunicorn's access and error
logs, nginx's access log), and one line, not a traceback, for a request the client got wrong."""

import datetime
import io
import logging
import re
import runpy
from pathlib import Path

import pytest
from django.conf import settings
from gunicorn.config import Config

from portal.gunicorn_logging import RedactingLogger
from portal.logging import RedactPrivateLinks, redact
from portal.registry import registry

ROOT = Path(settings.BASE_DIR)
TOKEN = "s3cr3tT0ken_-AbC"
PASSWORD_LINK = "/admin/password/set/MTIz/cz1abc-0123456789abcdef0123456789abcdef/"


def sample_link(prefix, secret_segments):
    secrets = "/".join(f"{TOKEN}{n}" for n in range(secret_segments))
    return f"/{prefix}{secrets}/"


def every_private_link():
    """A link with a secret for each path the apps register, in the default language and in Chinese."""
    links = []
    for prefix, segments in registry.private_paths.items():
        link = sample_link(prefix, segments)
        links += [link, link if prefix.startswith("admin/") else "/zh-hant" + link]
    return links


def test_every_app_that_prints_a_private_link_registers_it():
    assert registry.private_paths["admin/password/set/"] == 2  # the link add_staff prints
    assert {"challenges/status/", "applications/status/", "referees/"} <= set(registry.private_paths)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("GET /challenges/status/AbC123_-x/ HTTP/1.1", "GET /challenges/status/[redacted]/ HTTP/1.1"),
        ("/zh-hant/referees/AbC123/?x=1", "/zh-hant/referees/[redacted]/?x=1"),
        ("/applications/status/AbC123/withdraw/", "/applications/status/[redacted]/withdraw/"),
        (f"https://portal.example.org{PASSWORD_LINK}", "https://portal.example.org/admin/password/set/[redacted]/"),
        ("/admin/password/set/MTIz/set-password/", "/admin/password/set/[redacted]/"),
        ("GET /challenges%2Fstatus%2FAbC123%2F HTTP/1.1", "GET /challenges%2Fstatus%2F[redacted]%2F HTTP/1.1"),
        ("/challenges/submit/?lab=x", "/challenges/submit/?lab=x"),
        # What a visitor typed into the lab finder, carried into the challenge form, is theirs alone.
        (
            'GET /challenges/submit/?lab=x&problem=Our+secret+line+jams HTTP/1.1" 200',
            'GET /challenges/submit/?lab=x&problem=[redacted] HTTP/1.1" 200',
        ),
        ("/zh-hans/challenges/submit/?problem=%E6%88%91%E4%BB%AC", "/zh-hans/challenges/submit/?problem=[redacted]"),
    ],
)
def test_redact_keeps_the_page_and_hides_the_secret(text, expected):
    assert redact(text) == expected


@pytest.fixture
def django_log():
    """What the handlers configured in settings.LOGGING print, captured from the handlers themselves."""
    handlers = {handler for name in ("", "django", "django.request", "django.server") for handler in _handlers(name)}
    buffer = io.StringIO()
    previous = [
        (handler, handler.setStream(buffer)) for handler in handlers if isinstance(handler, logging.StreamHandler)
    ]
    yield buffer
    for handler, stream in previous:
        handler.setStream(stream)


def _handlers(name):
    """Every handler a record logged on `name` reaches, following propagation as logging does (pytest's own
    capturing handlers left out)."""
    logger, handlers = logging.getLogger(name), []
    while logger:
        handlers += [handler for handler in logger.handlers if not type(handler).__module__.startswith("_pytest")]
        logger = logger.parent if logger.propagate else None
    return handlers


@pytest.mark.parametrize(
    "name",
    ["django", "django.request", "django.server", "django.security.DisallowedHost", "django.template", "portal", "x"],
)
def test_every_handler_a_record_can_reach_redacts_private_links(name):
    handlers = _handlers(name)
    assert handlers
    assert all(any(isinstance(f, RedactPrivateLinks) for f in handler.filters) for handler in handlers), handlers


def test_djangos_request_and_server_loggers_print_no_private_link(django_log):
    links = every_private_link()
    for link in links:
        logging.getLogger("django.request").warning("Not Found: %s", link, extra={"status_code": 404})
        logging.getLogger("django.server").warning('"GET %s HTTP/1.1" 500 0', link)
    try:
        raise ValueError(f"no page at {links[0]}")
    except ValueError:
        logging.getLogger("django.request").exception("Internal Server Error: %s", links[0])
    printed = django_log.getvalue()
    assert printed.count("[redacted]") >= 2 * len(links) + 2  # the message and the traceback's last line
    assert TOKEN not in printed


def test_a_clients_bad_request_is_one_warning_line(django_log):
    try:
        raise ValueError("Invalid HTTP_HOST header: 'evil.example'.")
    except ValueError as error:
        logging.getLogger("django.security.DisallowedHost").error(
            str(error), exc_info=error, extra={"status_code": 400}
        )
        logging.getLogger("django.request").warning("Bad Request: /x/", exc_info=error, extra={"status_code": 400})
        logging.getLogger("django.request").error(
            "Internal Server Error: /y/", exc_info=error, extra={"status_code": 500}
        )
    lines = django_log.getvalue().splitlines()
    assert lines[0] == "Invalid HTTP_HOST header: 'evil.example'."
    assert lines[1] == "Bad Request: /x/"
    assert lines[2] == "Internal Server Error: /y/" and lines[3] == "Traceback (most recent call last):"  # a real error


class FakeResponse:
    status = "404 Not Found"
    sent = 1234
    headers = [("Content-Type", "text/html; charset=utf-8"), ("Location", "/challenges/status/x/")]


class FakeRequest:
    def __init__(self, referer):
        self.headers = [("HOST", "portal.example.org"), ("REFERER", referer), ("USER-AGENT", "Mozilla/5.0")]


@pytest.fixture
def gunicorn_logger():
    """gunicorn's logger as deploy/gunicorn.conf.py configures it, printing every atom, with a handler of our own
    added (any handler, as with logconfig_dict or syslog) to read what it prints."""
    cfg = Config()
    cfg.set("accesslog", "-")
    cfg.set("errorlog", "-")
    cfg.set("access_log_format", Config().access_log_format + ' %(U)s %(q)s "{referer}i" {location}o')
    logger = RedactingLogger(cfg)
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    for log in (logger.access_log, logger.error_log):
        log.addHandler(handler)
    yield logger, buffer
    for log in (logger.access_log, logger.error_log):
        log.removeHandler(handler)


def test_gunicorns_access_and_error_logs_print_no_private_link(gunicorn_logger):
    logger, buffer = gunicorn_logger
    for link in every_private_link():
        referer = f"https://portal.example.org{link}"
        environ = {
            "REQUEST_METHOD": "GET",
            "RAW_URI": f"{link}?page=2",
            "PATH_INFO": link,
            "QUERY_STRING": f"next={link}",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": "203.0.113.9",
            "HTTP_REFERER": referer,
            "HTTP_USER_AGENT": "Mozilla/5.0",
        }
        logger.access(FakeResponse(), FakeRequest(referer), environ, datetime.timedelta(milliseconds=12))
        try:
            raise RuntimeError(f"worker failed on {link}")
        except RuntimeError:
            logger.exception("Error handling request %s", link)
    printed = buffer.getvalue()
    assert TOKEN not in printed
    assert '"GET /challenges/status/[redacted]/?page=2 HTTP/1.1" 404 1234 "https://portal.example.org/' in printed
    assert "Error handling request /zh-hant/referees/[redacted]/" in printed


def test_the_shipped_gunicorn_configuration_uses_the_redacting_logger():
    configuration = runpy.run_path(str(ROOT / "deploy" / "gunicorn.conf.py"))
    cfg = Config()
    cfg.set("logger_class", configuration["logger_class"])
    assert cfg.logger_class is RedactingLogger


def nginx_maps():
    """The regular expressions of deploy/nginx.conf's maps, as (variable, [(pattern, replacement)]) in Python."""
    text = (ROOT / "deploy" / "nginx.conf").read_text()
    maps = {}
    for variable, body in re.findall(r"map \$(\w+) \$\w+ \{(.*?)\n\}", text, re.S):
        rules = re.findall(r'"~(.+?)" "(.+?)";', body)
        maps[variable] = [
            (re.compile(pattern.replace("(?<", "(?P<")), re.sub(r"\$\{(\w+)\}", r"\\g<\1>", replacement))
            for pattern, replacement in rules
        ]
    return maps


def nginx_value(rules, value):
    for pattern, replacement in rules:  # nginx takes the first regular expression that matches
        if pattern.search(value):
            return pattern.sub(replacement, value)
    return value


def test_nginx_logs_the_request_line_and_referer_with_every_private_link_redacted():
    maps = nginx_maps()
    assert set(maps) == {"request", "http_referer"}
    for link in every_private_link():
        request_line = nginx_value(maps["request"], f"GET {link}?a=1 HTTP/1.1")
        referer = nginx_value(maps["http_referer"], f"https://portal.example.org{link}")
        assert TOKEN not in request_line + referer, link
        assert request_line.endswith("[redacted]/?a=1 HTTP/1.1") and referer.endswith("[redacted]/"), link
    assert nginx_value(maps["request"], "GET /labs/ HTTP/1.1") == "GET /labs/ HTTP/1.1"
    config = (ROOT / "deploy" / "nginx.conf").read_text()
    assert config.count("access_log /var/log/nginx/joint-lab-portal.access.log portal_redacted;") == 2

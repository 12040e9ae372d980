"""What the portal's logs must never hold, and how much a client's mistake may fill them.

Every logger the project ships goes through these filters: Django's (LOGGING in portal/settings.py) and
gunicorn's access and error logs (portal/gunicorn_logging.py, named in deploy/gunicorn.conf.py).
"""

import logging
import re
from functools import lru_cache

from .registry import registry

# A slash as it appears in a path, or percent-encoded in a raw request line or a Referer.
_SLASH = r"(?:/|%2[Ff])"
# One path segment of a token: stops at a slash, a query, a fragment, an escape or the end of a quoted field.
_SEGMENT = r"[^/\s\"'<>?#&%\\]+"


@lru_cache(maxsize=8)
def _private_link_pattern(private_paths):
    """One pattern for every registered private path: (the prefix) followed by its secret segments."""
    alternatives = []
    for prefix, secret_segments in private_paths:
        parts = _SLASH.join(re.escape(part) for part in prefix.strip("/").split("/"))
        alternatives.append(rf"({_SLASH}{parts}{_SLASH}){_SEGMENT}(?:{_SLASH}{_SEGMENT}){{0,{secret_segments - 1}}}")
    return re.compile("|".join(alternatives)) if alternatives else None


@lru_cache(maxsize=8)
def _private_parameter_pattern(names):
    if not names:
        return None
    alternatives = "|".join(re.escape(name) for name in names)
    return re.compile(rf"((?:[?&]|%3[Ff]|%26)(?:{alternatives})(?:=|%3[Dd]))[^&\s\"'<>#]*")


def _keep_prefix(match):
    prefix = next(group for group in match.groups() if group is not None)
    return f"{prefix}[redacted]"


def redact(text):
    """`text` with the secret part of every private link replaced by [redacted]. Private links carry a token;
    logs are read by more people than the token's owner. The apps register which paths carry one, and how many
    secret segments follow (portal.registry.register_private_path); the same for the values of query parameters
    that carry what a visitor typed (register_private_parameter)."""
    pattern = _private_link_pattern(tuple(registry.private_paths.items()))
    text = pattern.sub(_keep_prefix, text) if pattern else text
    parameters = _private_parameter_pattern(tuple(sorted(registry.private_parameters)))
    return parameters.sub(lambda match: f"{match.group(1)}[redacted]", text) if parameters else text


class RedactPrivateLinks(logging.Filter):
    """Redacts the whole record as it will be printed: the message with its arguments (whatever their type: a
    request object, gunicorn's dict of atoms), the traceback and the stack."""

    def filter(self, record):
        try:
            message = record.getMessage()
        except Exception:  # a malformed call: the handler reports it; nothing here must raise
            return True
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


class ClientErrorsInOneLine(logging.Filter):
    """A request the client got wrong (a 4xx answer, a suspicious header or parameter) is worth one warning line,
    not a traceback logged as an error: scanners send such requests all day, and an error-level alert per scan
    would bury the real ones."""

    def filter(self, record):
        status = getattr(record, "status_code", None)
        from_client = record.name.startswith("django.security.") or (status is not None and 400 <= status < 500)
        if from_client:
            record.exc_info = record.exc_text = record.stack_info = None
            if record.levelno > logging.WARNING:
                record.levelno, record.levelname = logging.WARNING, logging.getLevelName(logging.WARNING)
        return True

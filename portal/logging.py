import logging
import re
from functools import lru_cache

from .registry import registry


@lru_cache(maxsize=4)
def _private_link_pattern(prefixes):
    alternatives = "|".join(re.escape(prefix.strip("/")) for prefix in prefixes)
    return re.compile(rf"(/(?:{alternatives})/)[^/\s\"?]+") if alternatives else None


def redact(text):
    """Private links carry a secret token; logs are read by more people than the token's owner. The apps register
    which paths carry one (portal.registry.register_private_path)."""
    pattern = _private_link_pattern(tuple(registry.private_paths))
    return pattern.sub(r"\1[redacted]", text) if pattern else text


class RedactPrivateLinks(logging.Filter):
    def filter(self, record):
        record.msg = redact(str(record.msg))
        if record.args:
            record.args = tuple(redact(arg) if isinstance(arg, str) else arg for arg in record.args)
        return True

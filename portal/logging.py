import logging
import re

# Private links carry a secret token; logs are read by more people than the token's owner.
PRIVATE_LINK = re.compile(r"(/(?:challenges/status|applications/status|referees)/)[^/\s\"?]+")


def redact(text):
    return PRIVATE_LINK.sub(r"\1[redacted]", text)


class RedactPrivateLinks(logging.Filter):
    def filter(self, record):
        record.msg = redact(str(record.msg))
        if record.args:
            record.args = tuple(redact(arg) if isinstance(arg, str) else arg for arg in record.args)
        return True

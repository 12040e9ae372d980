"""gunicorn's access and error logs without private links (deploy/gunicorn.conf.py names this as logger_class).

gunicorn writes the request line, the path, the query string and the Referer of every request, and the path again
in its error lines ("Error handling request /…"). A status page's own stylesheet is requested with the status
page as Referer, so redacting the path alone is not enough: every value gunicorn may print is redacted.
"""

from gunicorn.glogging import Logger

from .logging import RedactPrivateLinks, redact


class RedactingLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        """Every value an access_log_format may name (%(r)s, %(U)s, %(q)s, %(f)s, {header}i, {variable}e …)."""
        atoms = super().atoms(resp, req, environ, request_time)
        return {key: redact(value) if isinstance(value, str) else value for key, value in atoms.items()}

    def setup(self, cfg):
        """Filters on the loggers themselves, so that any handler (stream, file, syslog, logconfig_dict) gets
        redacted records; setup runs again on every configuration reload."""
        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            if not any(isinstance(existing, RedactPrivateLinks) for existing in log.filters):
                log.addFilter(RedactPrivateLinks())

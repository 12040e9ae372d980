# gunicorn settings for one app server: `gunicorn -c deploy/gunicorn.conf.py portal.wsgi:application`
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")  # nginx in front; never expose gunicorn directly
workers = int(os.environ.get("GUNICORN_WORKERS", 2 * multiprocessing.cpu_count() + 1))
timeout = 60
graceful_timeout = 30
max_requests = 2000  # recycle workers now and then
max_requests_jitter = 200
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
# Private links (status pages, referee uploads, password set-up) are redacted from both logs, Referer included.
logger_class = "portal.gunicorn_logging.RedactingLogger"

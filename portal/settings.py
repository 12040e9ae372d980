"""Settings for the Joint Lab Portal.

One module for every environment: everything that differs between a laptop and
production is read from environment variables (see .env.example). The defaults
give an embedded, plain-HTTP setup; production switches things on explicitly.
"""

from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from portal.object_storage import object_storages

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"
VAR_DIR.mkdir(exist_ok=True)

env = environ.Env()
# A local .env is a convenience for developers; real deployments set the environment.
environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "modeltranslation",  # before the admin, as it asks
    # The admin with the second factor: staff reach it only after a one-time code (portal/second_factor/).
    "portal.second_factor.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django_filters",
    "crispy_forms",
    "crispy_bootstrap5",
    "simple_history",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
    "corsheaders",
    "ninja",  # the open-data API; listed so its vendored Swagger UI assets are collected with ours
    # The kernel, then the apps from the bottom of the dependency order up (see the import contract in
    # pyproject.toml): labs <- people <- projects <- news, events <- recruitment, challenges, alliances <- overview, demo.
    "portal",
    "labs",
    "people",
    "projects",
    "news",
    "events",
    "recruitment",
    "challenges",
    "alliances",
    "overview",
    "api",
    "demo",
]

MIDDLEWARE = [
    # A foreign Host header gets a plain 400 before anything asks for the host (portal/middleware.py).
    "portal.middleware.RefuseUnknownHostMiddleware",
    # HTML, JSON, CSS and SVG go out gzipped to clients that accept it, so the site is compressed whether or not a
    # proxy does it (deploy/nginx.conf does too; nginx leaves an already compressed answer alone). Outside the page
    # cache: the cache keeps one plain copy and every answer is compressed on the way out. BREACH (secrets guessed
    # from compressed sizes) is blunted: Django pads each gzip answer with random bytes (4.2+), the CSRF token is
    # masked afresh on every page, and private status links carry their secret in the address, not beside input
    # an attacker controls.
    "django.middleware.gzip.GZipMiddleware",
    # Stores finished public pages (outermost, so the stored copy carries every header below).
    "portal.page_cache.UpdatePublicPageMiddleware",
    # CORS for the open-data API and the embeddable list only (CORS_URLS_REGEX), on cached answers too.
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The open-data API: rate limit, conditional GET (304) and JSON errors, in front of the page cache so that
    # cached answers are counted and revalidated too.
    "api.middleware.OpenDataMiddleware",
    "portal.page_cache.FetchPublicPageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Marks request.user verified when this session passed the second step (django-otp).
    "django_otp.middleware.OTPMiddleware",
    # Staff pages in the staff member's language (the admin's addresses have no language prefix).
    "portal.middleware.StaffLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "portal.middleware.SecurityHeadersMiddleware",
    # Input no view can store or look up (a NUL byte, a form not in UTF-8): 400 before any view or query runs.
    "portal.middleware.RefuseMalformedInputMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Staff sign-in: lock an account from an address after repeated failures; records live in the database,
# shared by every app server.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Behind a proxy, django-axes reads the client address the same way as the rate limit.
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if env.bool("TRUST_X_FORWARDED_FOR", default=False) else ["REMOTE_ADDR"]
)
# Staff sign-in, second step: a code from an authenticator app (TOTP) or a one-time recovery code, asked in every
# new session. Attempts are counted per client IP (portal/ratelimit.py) on top of django-otp's per-device throttling.
SECOND_FACTOR_RATE_LIMIT = env.str("SECOND_FACTOR_RATE_LIMIT", default="20/h")
OTP_TOTP_ISSUER = env.str("SECOND_FACTOR_ISSUER", default="Joint Lab Portal")  # the name authenticator apps show
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
LOGIN_URL = "admin:login"  # where the page after setting a first password sends staff

# Staff sessions end after this long without a request (sliding expiry); signing out ends them at once.
SESSION_COOKIE_AGE = env.int("SESSION_IDLE_SECONDS", default=1800)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.languages",
                # The footer's partner institutions: a callable, so only pages that show the footer query them.
                "overview.home.site_frame",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Keep each worker's connection between requests: opening a PostgreSQL connection per request cost /readyz 5x its
# throughput. Health checks drop a connection the server closed (restart, failover) before it is reused.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=300)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several gunicorn workers (or the dev server and a command) may write at once: wait for the lock instead of
    # failing, take it at the start of each transaction, and let readers work alongside the writer (WAL).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": env.cache("CACHE_URL", default="locmemcache://"),
    # What is derived from public content (keys carry the content version): each process keeps copies in front of
    # the shared cache (portal/content_cache.py).
    "content": {
        "BACKEND": "portal.content_cache.ProcessFirstCache",
        "LOCATION": "public-content",
        "OPTIONS": {"SHARED": "default", "MAX_ENTRIES": env.int("CONTENT_CACHE_PROCESS_ENTRIES", default=500)},
    },
}

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Joint Lab Portal <noreply@localhost>")
SERVER_EMAIL = env.str("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Hong Kong's public and academic sites are trilingual.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("zh-hant", "繁體中文"),
    ("zh-hans", "简体中文"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Content (lab names, descriptions, …) in the three languages, side by side in the admin; English fills gaps.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "zh-hant", "zh-hans")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
TIME_ZONE = "Asia/Hong_Kong"
USE_I18N = True
USE_TZ = True
# Dates as Hong Kong writes them in each language ("28 Nov 2026, 14:09", "2026年11月28日 14:09"): portal/formats/.
FORMAT_MODULE_PATH = ["portal.formats"]

# Static files: vendored assets under static/, served by WhiteNoise.
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "staticfiles")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns at every start when it is missing.
# Public media (lab logos, portraits). Private uploads never go here.
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
# Private uploads (attachments, CVs, letters): no URL at all; staff download them through permission checks.
PRIVATE_MEDIA_ROOT = Path(env.str("PRIVATE_MEDIA_ROOT", default=str(VAR_DIR / "private")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage" if DEBUG else "portal.static_storage.StaticStorage"
        )
    },
}

# The portal's own addresses and limits.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")  # for links in e-mails
PORTAL_INBOX_EMAIL = env.str("PORTAL_INBOX_EMAIL", default="joint-labs@localhost")
PRIVACY_CONTACT_EMAIL = env.str("PRIVACY_CONTACT_EMAIL", default="privacy@localhost")
UPLOAD_MAX_BYTES = env.int("UPLOAD_MAX_BYTES", default=10 * 1024 * 1024)
# PDFs and Office files are opened by a real parser in a child process that gets this long (the files of one form
# field share it) and this much memory; past either it is killed and the file refused.
UPLOAD_CHECK_SECONDS = env.float("UPLOAD_CHECK_SECONDS", default=3.0)
UPLOAD_CHECK_MEMORY_MB = env.int("UPLOAD_CHECK_MEMORY_MB", default=512)
# Logos, photos and project images (portal/images.py): at most this many pixels, checked by decoding the upload.
IMAGE_MAX_PIXELS = env.int("IMAGE_MAX_PIXELS", default=50_000_000)
# The font share cards (og:image) draw titles with: it must cover Chinese. Empty: Noto Sans CJK where the system has
# it (Debian's fonts-noto-cjk), else pages share the site's own card.
SHARE_CARD_FONT = env.str("SHARE_CARD_FONT", default="")
# Django keeps larger uploads in temporary files rather than memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Stored files are CVs, transcripts, letters and confidential attachments: readable by the portal's own user and
# group only (the systemd units set UMask=0027 for everything else the processes write).
FILE_UPLOAD_PERMISSIONS = 0o640
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o750
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Anonymous public pages are cached this long (0 turns it off); any content change invalidates them at once.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300)
# The staff dashboard flags requests still untriaged after this many days.
TRIAGE_WAIT_DAYS = env.int("TRIAGE_WAIT_DAYS", default=7)
CHALLENGE_RATE_LIMIT = env.str("CHALLENGE_RATE_LIMIT", default="10/h")
# The public lab finder embeds what visitors type: a few searches a minute each is plenty for a person.
LAB_FINDER_RATE_LIMIT = env.str("LAB_FINDER_RATE_LIMIT", default="20/m")
TRUST_X_FORWARDED_FOR = env.bool("TRUST_X_FORWARDED_FOR", default=False)
OUTBOX_MAX_ATTEMPTS = env.int("OUTBOX_MAX_ATTEMPTS", default=10)
CHALLENGE_RETENTION_DAYS = env.int("CHALLENGE_RETENTION_DAYS", default=730)
APPLICATION_RATE_LIMIT = env.str("APPLICATION_RATE_LIMIT", default="10/h")
REFEREE_GRACE_DAYS = env.int("REFEREE_GRACE_DAYS", default=7)
REFEREE_RATE_LIMIT = env.str("REFEREE_RATE_LIMIT", default="10/h")
# Drafts ("save and continue later"): saves per client, and the reminder this many days before the call closes.
DRAFT_SAVE_RATE_LIMIT = env.str("DRAFT_SAVE_RATE_LIMIT", default="30/h")
DRAFT_REMINDER_DAYS = env.int("DRAFT_REMINDER_DAYS", default=3)
# Referees: the student may resend a request at most once per this many minutes per referee; referees without a
# letter are reminded this many days before the letter deadline.
REFEREE_RESEND_MINUTES = env.int("REFEREE_RESEND_MINUTES", default=60)
REFEREE_REMINDER_DAYS = env.int("REFEREE_REMINDER_DAYS", default=3)
APPLICATION_RETENTION_DAYS = env.int("APPLICATION_RETENTION_DAYS", default=365)
OUTBOX_RETENTION_DAYS = env.int("OUTBOX_RETENTION_DAYS", default=90)
# Public forms e-mail addresses their visitors type (their own, their referees'): at most this many per form post,
# and per address at most this rate across all posts (portal.outbox.PublicSubmissionMail).
PUBLIC_EMAILS_PER_SUBMISSION = env.int("PUBLIC_EMAILS_PER_SUBMISSION", default=3)
PUBLIC_EMAILS_PER_RECIPIENT = env.str("PUBLIC_EMAILS_PER_RECIPIENT", default="10/d")
ALLIANCE_RATE_LIMIT = env.str("ALLIANCE_RATE_LIMIT", default="10/h")
ALLIANCE_RETENTION_DAYS = env.int("ALLIANCE_RETENTION_DAYS", default=730)
EVENT_REGISTRATION_RATE_LIMIT = env.str("EVENT_REGISTRATION_RATE_LIMIT", default="10/h")
EVENT_REGISTRATION_RETENTION_DAYS = env.int("EVENT_REGISTRATION_RETENTION_DAYS", default=180)
# Conversations on challenge requests and applications (portal.conversation).
MESSAGE_MAX_LENGTH = env.int("MESSAGE_MAX_LENGTH", default=5000)
MESSAGE_RATE_LIMIT = env.str("MESSAGE_RATE_LIMIT", default="20/h")  # per private link
INFORMATION_REMINDER_DAYS = env.int("INFORMATION_REMINDER_DAYS", default=7)
REVIEW_REMINDER_DAYS = env.int("REVIEW_REMINDER_DAYS", default=3)  # reviewers reminded before the review deadline
# A public form's rate limits count accepted submissions; every post (each may carry files to parse) counts here.
FORM_ATTEMPT_RATE_LIMIT = env.str("FORM_ATTEMPT_RATE_LIMIT", default="60/h")
# Files that passed their checks on a form that failed on another field are held this long for the next attempt.
HELD_UPLOAD_HOURS = env.int("HELD_UPLOAD_HOURS", default=24)
HELD_UPLOAD_MAX_MB = env.int("HELD_UPLOAD_MAX_MB", default=500)  # all held files together; beyond, "choose again"

# Object storage (S3 or compatible) when a bucket is configured: see portal/object_storage.py.
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES.update(
        object_storages(
            bucket=AWS_STORAGE_BUCKET_NAME,
            private_bucket=env.str("AWS_PRIVATE_BUCKET_NAME", default=""),
            endpoint_url=env.str("AWS_S3_ENDPOINT_URL", default=""),
            region_name=env.str("AWS_S3_REGION_NAME", default=""),
            access_key=env.str("AWS_ACCESS_KEY_ID", default=""),
            secret_key=env.str("AWS_SECRET_ACCESS_KEY", default=""),
        )
    )

# Background tasks (e-mail delivery): run at once by default, so `make run` needs nothing else; in production
# TASK_BACKEND=django_tasks_db.DatabaseBackend queues them in the database for `manage.py db_worker`.
TASKS = {"default": {"BACKEND": env.str("TASK_BACKEND", default="django_tasks.backends.immediate.ImmediateBackend")}}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# HTTPS: off by default so a plain-HTTP local run works; production turns each on.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
# Load balancers probe over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=False)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=False)
if env.bool("SECURE_PROXY_SSL_HEADER", default=False):
    # Only behind a proxy that sets this header itself and strips it from clients.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), fullscreen=(self)"

# Content-Security-Policy: every asset is ours; no inline script or style.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

# The open-data API (/api/v1/): requests per client IP (portal/ratelimit.py), counted on cached answers too.
API_RATE_LIMIT = env.str("API_RATE_LIMIT", default="300/m")
# Any site may read the API and fetch the embeddable list of open calls, without credentials; GET only.
CORS_ALLOW_ALL_ORIGINS = True
CORS_URLS_REGEX = r"^/(api/|((zh-hant|zh-hans)/)?embed/)"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = ["accept", "accept-language", "if-none-match", "if-modified-since"]
CORS_EXPOSE_HEADERS = ["ETag", "Retry-After"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Private links never reach a log; a client's bad request is one warning line (portal/logging.py).
    "filters": {
        "redact_private_links": {"()": "portal.logging.RedactPrivateLinks"},
        "client_errors_in_one_line": {"()": "portal.logging.ClientErrorsInOneLine"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["client_errors_in_one_line", "redact_private_links"]}
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        # In place of Django's defaults for "django" (a console of its own and mail to ADMINS, both unfiltered).
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.request": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "django.server": {"handlers": ["console"], "level": "INFO" if DEBUG else "WARNING", "propagate": False},
        "axes": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},  # one line per e-mail sent is noise; failures still show
        "pikepdf": {"level": "WARNING"},  # announces itself at INFO in every process that checks uploads
    },
}

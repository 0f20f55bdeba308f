"""Settings of SSE Portal, read from the environment (django-environ).

Variables, also read from a local .env file (or the file ENV_FILE names): DATABASE_URL
(default: the SQLite file db.sqlite3 in the project), SECRET_KEY (required when DEBUG is off),
DEBUG (default off), ALLOWED_HOSTS (comma-separated).
"""

import datetime
import os
import zoneinfo
from pathlib import Path

import environ
import tzdata
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(env.str("ENV_FILE", default=str(BASE_DIR / ".env")))

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "development-only-insecure-key"  # DEBUG on only
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "simple_history",
    "axes",
    "django_guid",
    "health_check",
    "django_tasks",
    "django_tasks_db",
    # The kit, then the domain apps (in the menu's order), then the pages across them.
    "core",
    "meetings",
    "projects",
    "stakeholders",
    "sources",
    "regional_statistics",
    "overview",
]

MIDDLEWARE = [
    "django_guid.middleware.guid_middleware",  # a request id on every log line
    "core.middleware.SlowRequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "core.middleware.PortalCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "core.middleware.RefuseNulCharactersMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "core.middleware.SlidingSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.middleware.NoStoreWhenSignedInMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "sse_portal.urls"

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
                "stakeholders.context_processors.council_region",
            ],
        },
    },
]

WSGI_APPLICATION = "sse_portal.wsgi.application"

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Many threads and workers at once: readers never wait (WAL); a writer takes the lock when its
    # transaction begins (IMMEDIATE) and waits up to 20 s for another one, rather than failing.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        transaction_mode="IMMEDIATE",
        timeout=20,
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    )
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "overview:home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "ar"
LANGUAGES = [("ar", _("Arabic")), ("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Africa/Casablanca"
# Time zone data from the PyPI tzdata package (IANA 2026c or newer: Morocco on UTC+00 since
# 2026-09-20), never the host's older files: for zoneinfo, and through TZDIR for the C library
# (time.localtime, log timestamps) once Django sets TZ. core.checks fails on stale offsets.
TZDATA_DIR = Path(tzdata.__file__).parent / "zoneinfo"
zoneinfo.reset_tzpath([str(TZDATA_DIR)])
zoneinfo.ZoneInfo.clear_cache()
os.environ["TZDIR"] = str(TZDATA_DIR)
USE_I18N = True
USE_TZ = True
FORMS_URLFIELD_ASSUME_HTTPS = True  # Django 6.0's default: an address typed without a scheme is https

# Uploaded documents: served only through permission-checked views, never as public URLs;
# at most MAX_UPLOAD_MB each (core.validators).
MAX_UPLOAD_MB = env.int("MAX_UPLOAD_MB", default=20)

# Background jobs (core.jobs): django-tasks queued in the database, run by `manage.py db_worker`.
# Downloads of more rows, and imports of more rows, than these go to the worker.
TASKS = {"default": {"BACKEND": env("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend")}}
EXPORT_IN_BACKGROUND_ROWS = env.int("EXPORT_IN_BACKGROUND_ROWS", default=5000)
IMPORT_IN_BACKGROUND_ROWS = env.int("IMPORT_IN_BACKGROUND_ROWS", default=500)
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = "/media/"

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# The admin's "revert to this version" would set workflow statuses directly: off.
SIMPLE_HISTORY_REVERT_DISABLED = True

FORM_RENDERER = "core.renderers.PortalFormRenderer"
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

FORMAT_MODULE_PATH = ["sse_portal.formats"]

PAGINATE_BY = 25
# A meeting form with core.forms.MAX_ROWS attendance rows of ~10 fields each must still be read.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 4000
# The region whose council runs the portal (HCP code): Drâa-Tafilalet.
PORTAL_REGION_CODE = env.str("PORTAL_REGION_CODE", default="08")

# --- Cache and sessions: Redis when REDIS_URL is set, else files in CACHE_DIR; either is shared
# by every worker of one host, so a figure another worker has changed is never served.
REDIS_URL = env.str("REDIS_URL", default="")
CACHE_DIR = env.path("CACHE_DIR", default=BASE_DIR / ".cache")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    if REDIS_URL
    else {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(CACHE_DIR),
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
}
# What only a record's change changes (each user's pages, dashboards, filter forms, timelines,
# open data, calendar feeds, papers) kept this many seconds, or until then (core.shared_cache,
# core.kept_pages); 0: never kept.
# DASHBOARD_CACHE_SECONDS is its former name.
RECORDS_CACHE_SECONDS = env.int("RECORDS_CACHE_SECONDS", default=env.int("DASHBOARD_CACHE_SECONDS", default=300))
SESSION_ENGINE = f"django.contrib.sessions.backends.{'cached_db' if REDIS_URL else 'db'}"
# Signed out after this many minutes without a request (core.middleware.SlidingSessionMiddleware).
SESSION_COOKIE_AGE = env.int("SESSION_IDLE_MINUTES", default=60) * 60

# --- Mail (password reset): the console by default, SMTP from EMAIL_URL (smtp+tls://user:pass@host:587).
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="SSE Portal <no-reply@localhost>")

# --- Sign-in throttling (django-axes): locked for AXES_COOLOFF_MINUTES after AXES_FAILURE_LIMIT
# failures, per account and per address; administrators unlock in the admin (Access attempts).
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_IPWARE_PROXY_COUNT = env.int("PROXY_COUNT", default=0)  # reverse proxies in front of gunicorn

# --- HTTPS. Production defaults; PLAIN_HTTP=true (make run on 127.0.0.1, tests) turns them off.
PLAIN_HTTP = env.bool("PLAIN_HTTP", default=False)
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not PLAIN_HTTP)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if PLAIN_HTTP else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not PLAIN_HTTP)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not PLAIN_HTTP)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# Behind a reverse proxy that sets X-Forwarded-Proto: SECURE_PROXY_SSL_HEADER=HTTP_X_FORWARDED_PROTO,https
if proxy_header := env.tuple("SECURE_PROXY_SSL_HEADER", default=()):
    SECURE_PROXY_SSL_HEADER = proxy_header
SECURE_REDIRECT_EXEMPT = [r"^health/$"]  # probes from the proxy or the host speak plain http
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# --- Content-Security-Policy (django-csp): scripts and styles from the portal's own files only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],  # Bootstrap's icons are data: URIs in its stylesheet
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
PERMISSIONS_POLICY = {
    feature: [] for feature in ("accelerometer", "camera", "geolocation", "gyroscope", "microphone", "payment", "usb")
}

# --- Operations: health checks, logs on stdout with a request id, slow requests.
DJANGO_GUID = {"GUID_HEADER_NAME": "X-Request-ID", "VALIDATE_GUID": False, "RETURN_HEADER": True}
SLOW_REQUEST_SECONDS = env.float("SLOW_REQUEST_SECONDS", default=2.0)  # a sign-in's hashing takes ~1 s
LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "django_guid.log_filters.CorrelationId"},
        "traceback_for_500s_only": {"()": "core.logs.TracebackFor500sOnly"},
    },
    "formatters": {
        "line": {
            "format": "time=%(asctime)s level=%(levelname)s request=%(correlation_id)s "
            "logger=%(name)s message=%(message)s",
            "datefmt": "%Y-%m-%dT%H:%M:%S%z",
        }
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "line",
            "filters": ["request_id", "traceback_for_500s_only"],
        }
    },
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    "loggers": {
        # Django's own: 4xx as warnings, 500s with their traceback (django.request).
        "django": {"handlers": ["stdout"], "level": LOG_LEVEL, "propagate": False},
        "django.server": {"level": "WARNING"},
        "axes": {"level": "WARNING"},  # lockouts, not every sign-in
        "django_guid": {"level": "WARNING"},  # not "generated a new id" on every request
    },
}

"""Settings for the delegation and event planner.

Everything that differs between a laptop and production comes from the
environment; the defaults are safe for a local run (SQLite, DEBUG on only when
asked for).
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from planner.tzdata import use_pinned_tzdata

# Before anything builds a zone: the pinned tzdata package, not /usr/share/zoneinfo.
use_pinned_tzdata()

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DJANGO_DEBUG", False)
# DJANGO_ENV=production turns on what a public deployment needs (HTTPS only, HSTS,
# Secure cookies, request logs) and refuses to start without its own secret key.
PRODUCTION = os.environ.get("DJANGO_ENV") == "production"
DEVELOPMENT_SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"
# A fixed development key is fine locally; production must set its own, even with DEBUG on.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if PRODUCTION and SECRET_KEY in ("", DEVELOPMENT_SECRET_KEY):
    raise RuntimeError("DJANGO_SECRET_KEY must be set to a key of its own in production")
SECRET_KEY = SECRET_KEY or DEVELOPMENT_SECRET_KEY

ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
    if h.strip()
]


def _calendar_uid_domain(hosts: list[str]) -> str:
    """The first real host name this installation serves; UIDs end in ``@`` this domain."""
    local = {"localhost", "127.0.0.1", "::1", "[::1]", "testserver", "*"}
    for host in hosts:
        host = host.lstrip(".")
        if host and host not in local and not host.startswith("*"):
            return host
    return "planner.mois.example"


# Calendar UIDs are ``<kind>-<stable key>@<this domain>``: set it once per installation and
# never change it, or every subscribed calendar sees its items replaced.
CALENDAR_UID_DOMAIN = os.environ.get("PLANNER_CALENDAR_UID_DOMAIN") or _calendar_uid_domain(
    ALLOWED_HOSTS
)

CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Django's own widget templates, for the project-wide KRDS form renderer below.
    "django.forms",
    "django_htmx",
    "template_partials",
    "django_tables2",
    "django_filters",
    "django_countries",
    "simple_history",
    "csp",
    "axes",
    "health_check",
    "django_tasks",
    "django_tasks_db",
    "planner",
    "itineraries",
    "forums",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Deny by default: staff pages need a role (viewer, editor, staff); see planner/access.py.
    "planner.access.StaffOnlyMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "planner.request_log.RequestLogMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "planner.urls"
WSGI_APPLICATION = "planner.wsgi.application"

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
                "planner.context_processors.navigation",
            ],
        },
    },
]

# One place gives every widget its KRDS class (planner/form_renderer.py).
FORM_RENDERER = "planner.form_renderer.KRDSFormRenderer"

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default holds a small office's concurrency (a few writers at once):
    # WAL lets readers carry on while one connection writes; IMMEDIATE takes the write
    # lock when a transaction begins, so a second writer waits up to ``timeout`` seconds
    # for it instead of failing half-way with "database is locked" (Django 5.1+ options).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": int(os.environ.get("DJANGO_SQLITE_TIMEOUT", "20")),
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        ),
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a locked-out user+address before the password is tried.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Login throttling (django-axes): after 5 wrong passwords for one user name from one
# address, that pair is locked out for 15 minutes (the page says so, in Korean); a
# success clears the count. Staff unlock early in the admin ("Access attempts":
# delete the row) or with `manage.py axes_reset_username <name>`.
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("DJANGO_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "planner.error_views.login_locked_out"
AXES_CLIENT_IP_CALLABLE = "planner.client_address.client_address"
AXES_USERNAME_CALLABLE = "planner.client_address.login_username"
AXES_VERBOSE = False
# Reverse proxies whose X-Forwarded-For is believed (planner.client_address): addresses
# or networks, comma-separated, e.g. "127.0.0.1,10.0.0.0/8". Empty: none (direct).
TRUSTED_PROXIES = [
    p.strip() for p in os.environ.get("DJANGO_TRUSTED_PROXIES", "").split(",") if p.strip()
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
# What anonymous visitors see at "/" (the core app does not import the forums app).
PUBLIC_HOME_VIEW = "forums.public_home.public_home"

# Time: store instants, headquarters reads Seoul time.
USE_TZ = True
TIME_ZONE = "Asia/Seoul"
HEADQUARTERS_TIME_ZONE = "Asia/Seoul"

USE_I18N = True
LANGUAGE_CODE = "ko"
LANGUAGES = [("ko", _("Korean")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or env_bool("DJANGO_PLAIN_STATIC")
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

FIXTURES_DIR = BASE_DIR / "fixtures"
# Attendee-import previews waiting for confirmation (forums.attendees.import_previews): on the
# server, not in the session; shared storage when several application servers run.
IMPORT_PREVIEW_ROOT = Path(
    os.environ.get("DJANGO_IMPORT_PREVIEW_ROOT", BASE_DIR / "var" / "imports")
)

# A strict policy: no inline scripts or styles anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

# E-mail (registration confirmations): SMTP when EMAIL_HOST is set (production);
# otherwise the console, or files in DJANGO_EMAIL_FILE_PATH (development).
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = 10
EMAIL_FILE_PATH = os.environ.get("DJANGO_EMAIL_FILE_PATH", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
elif EMAIL_FILE_PATH:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "planner@localhost")

# Deferred work (registration e-mail) through Django's tasks interface (the django-tasks
# backport until Django 6). Production queues tasks in the database for the worker
# (`manage.py db_worker`); development and tests run them at once, in the request.
# DJANGO_TASKS_BACKEND=database|immediate overrides.
TASKS_MODE = os.environ.get("DJANGO_TASKS_BACKEND", "database" if PRODUCTION else "immediate")
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks_db.DatabaseBackend"
            if TASKS_MODE == "database"
            else "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", PRODUCTION)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
# HTTPS: on by default in production (the reverse proxy terminates TLS and says so in
# X-Forwarded-Proto; believed only from TRUSTED_PROXIES, see below).
SECURE_SSL_REDIRECT = env_bool("DJANGO_SSL_REDIRECT", PRODUCTION)
SECURE_REDIRECT_EXEMPT = [r"^health/$"]  # the proxy's own health probe may use plain HTTP
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", 31_536_000 if PRODUCTION else 0))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", PRODUCTION)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", PRODUCTION)
if TRUSTED_PROXIES:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# The cache holds the registration rate limit and one-time form tokens: it must be
# shared by every worker and server, so production uses Redis (REDIS_URL, e.g.
# redis://127.0.0.1:6379/0 or unix:///run/redis/redis.sock), with sessions in the
# database behind it. Without REDIS_URL: Django's per-process memory cache (one
# process, development), and `check --deploy` warns in production (planner.W001).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("DJANGO_CACHE_PREFIX", "planner"),
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

DJANGO_TABLES2_TEMPLATE = "django_tables2/bootstrap5.html"

# One JSON line per request on the "planner.requests" logger (planner/request_log.py):
# on in production, DJANGO_REQUEST_LOG=1 elsewhere.
REQUEST_LOG = env_bool("DJANGO_REQUEST_LOG", PRODUCTION)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "planner.request_log.JsonFormatter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "json": {"class": "logging.StreamHandler", "formatter": "json"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
    "loggers": {
        "planner.requests": {"handlers": ["json"], "level": "INFO", "propagate": False},
    },
}

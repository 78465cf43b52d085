"""Settings, all read from ZHICHAN_* environment variables.

With nothing set, the site runs on an embedded SQLite database under var/, which is what `make run` needs.
Production sets ZHICHAN_SECRET_KEY, ZHICHAN_DATABASE_URL, ZHICHAN_ALLOWED_HOSTS and ZHICHAN_HTTPS=true
(see docs/deployment.md).
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent
VAR_DIR = Path(os.environ.get("ZHICHAN_VAR_DIR", PROJECT_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def _secret_key() -> str:
    """The configured key, or one generated once and kept in var/ so sessions survive restarts."""
    if key := os.environ.get("ZHICHAN_SECRET_KEY"):
        return key
    path = VAR_DIR / "secret-key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(64))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("ZHICHAN_DEBUG")
ALLOWED_HOSTS = env_list("ZHICHAN_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("ZHICHAN_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "zhichan.core",
    "zhichan.registry",
    "zhichan.programme",
    "zhichan.indicators",
    "zhichan.protection",
    "zhichan.services",
    "zhichan.credit",
    "zhichan.finance",
    "zhichan.projects",
    "zhichan.outreach",
    "zhichan.portal",
    "zhichan.navigation",
    "zhichan.assessment",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "corsheaders",
    "django_tasks",
    "django_tasks_db",
    "simple_history",
    "treebeard",
    "axes",
    "csp",
]

# The largest amount one pledge's ledger row may give in a column of 万元 (100,000 万元 = 1 billion yuan): a larger
# figure is refused as written in 元. No rule sets it: the platform's own bound, changed by this variable.
ZHICHAN_FINANCE_LARGEST_PLEDGE_WAN = int(os.environ.get("ZHICHAN_FINANCE_LARGEST_PLEDGE_WAN", "100000"))

# The satisfaction survey's answers a network may give a round in an hour: one household or office shares an
# address, so more than one; a script answering in a loop is stopped. The platform's own bound, changed here.
ZHICHAN_SURVEY_ANSWERS_PER_HOUR = int(os.environ.get("ZHICHAN_SURVEY_ANSWERS_PER_HOUR", "60"))
# The page a visitor without an account opens at the site's root (a URL name; empty: the sign-in form).
ZHICHAN_PUBLIC_HOME = "portal-home"
# Origins whose browsers may call the public API (a mini-program's web view, a provincial portal), comma-separated
# https://… addresses; none by default. Only /api/v1/public/ answers them.
CORS_ALLOWED_ORIGINS = [
    origin.strip() for origin in os.environ.get("ZHICHAN_CORS_ORIGINS", "").split(",") if origin.strip()
]
CORS_URLS_REGEX = r"^/api/v1/public/.*$"
# How long a browser or proxy may keep a published portal page without asking again (the server's own copy is
# renewed on any change). 0: asked again each time, so a notice taken off is gone at once for everyone.
ZHICHAN_PORTAL_CACHE_SECONDS = int(os.environ.get("ZHICHAN_PORTAL_CACHE_SECONDS", "0"))
# Requests the portal takes from one network in an hour, without an account.
ZHICHAN_PORTAL_REQUESTS_PER_HOUR = int(os.environ.get("ZHICHAN_PORTAL_REQUESTS_PER_HOUR", "20"))
# The licence of the published lists and data (the portal's open data, its DCAT metadata): an identifier, an address
# and a title; CC BY 4.0 by default (free to use, naming the source). An empty title shows the default's own words.
ZHICHAN_OPEN_DATA_LICENCE_ID = os.environ.get("ZHICHAN_OPEN_DATA_LICENCE_ID", "CC-BY-4.0")
ZHICHAN_OPEN_DATA_LICENCE_URL = os.environ.get(
    "ZHICHAN_OPEN_DATA_LICENCE_URL", "https://creativecommons.org/licenses/by/4.0/"
)
ZHICHAN_OPEN_DATA_LICENCE_TITLE = os.environ.get("ZHICHAN_OPEN_DATA_LICENCE_TITLE", "")

# The modules the work plan still needs, by app label: the menu shows each as coming until its app is installed.
ZHICHAN_PLANNED_MODULES = [
    ("protection", _("Enforcement and protection")),
    ("credit", _("Credit")),
    ("finance", _("IP finance")),
    ("services", _("Services")),
    ("projects", _("Projects")),
    ("outreach", _("Training and publicity")),
    ("assessment", _("Assessment")),
    ("navigation", _("Patent navigation")),
]

MIDDLEWARE = [
    "zhichan.core.timing.ServerTimingMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "zhichan.core.headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "zhichan.core.sessions.SessionRenewalMiddleware",
    "zhichan.core.locale.LanguageMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
    "zhichan.core.access.AccessMiddleware",
    "zhichan.indicators.reasons.ReadOnceMiddleware",  # a page's values word their reasons with one read
]

ROOT_URLCONF = "zhichan.urls"
WSGI_APPLICATION = "zhichan.wsgi.application"
AUTH_USER_MODEL = "core.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "workbench"
LOGOUT_REDIRECT_URL = "login"

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
                "csp.context_processors.nonce",
                "zhichan.core.context.navigation",
                "zhichan.core.asof.context",
            ],
        },
    },
]

# Database: SQLite under var/ unless ZHICHAN_DATABASE_URL names another (postgres://… in production).
VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("ZHICHAN_DATABASE_URL", f"sqlite:///{VAR_DIR / 'zhichan.sqlite3'}"),
        conn_max_age=int(os.environ.get("ZHICHAN_DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while the task worker writes.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def _cache(url: str) -> dict:
    if url.startswith(("redis://", "rediss://")):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if url.startswith("dummy://"):
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "zhichan"}


CACHES = {"default": _cache(os.environ.get("ZHICHAN_CACHE_URL", "locmem://"))}

# Background tasks: the database backend needs no broker; "immediate" runs tasks inline (tests).
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[os.environ.get("ZHICHAN_TASKS_BACKEND", "database")]}}

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "zhichan.core.authentication.UserBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_HASHERS = env_list(
    "ZHICHAN_PASSWORD_HASHERS",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher,django.contrib.auth.hashers.ScryptPasswordHasher",
)

# Lock-out: five failures for one username from one address lock it for an hour.
AXES_FAILURE_LIMIT = int(os.environ.get("ZHICHAN_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# The API is answered in JSON, pages with the template above.
AXES_LOCKOUT_CALLABLE = "zhichan.core.authentication.lockout_response"
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "zhichan.core.clientip.client_ip"
# Number of reverse proxies in front (nginx: 1); 0 trusts only the connecting address.
PROXY_COUNT = int(os.environ.get("ZHICHAN_PROXY_COUNT", "0"))

SESSION_COOKIE_AGE = int(os.environ.get("ZHICHAN_SESSION_SECONDS", str(8 * 3600)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Idle sessions end: the expiry is renewed by zhichan.core.sessions at most once a minute, not on every request.
SESSION_SAVE_EVERY_REQUEST = False
SESSION_REFRESH_SECONDS = 60
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Behind TLS (production) every cookie is secure and HTTP is redirected; plain HTTP is for 127.0.0.1 only.
HTTPS = env_bool("ZHICHAN_HTTPS")
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
# On a shared government domain, turn these off unless every subdomain serves HTTPS.
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS and env_bool("ZHICHAN_HSTS_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = HTTPS and env_bool("ZHICHAN_HSTS_PRELOAD", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Browser features no page uses, turned off for the site and anything it might embed (core/headers.py). Only
# features browsers know are named: an unknown one is reported as an error in the browser's console.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Content security policy: everything from our own origin. Every <script> tag carries the per-request nonce
# (`nonce="{{ request.csp_nonce }}"`), which the header then names; no inline style is used, so style-src needs no
# 'unsafe-inline'.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
# scripts/vendor_assets.py copies the front-end packages into the checkout's var/vendor, whatever VAR_DIR is.
STATICFILES_DIRS = [BASE_DIR / "static", ("vendor", PROJECT_DIR / "var" / "vendor")]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_ROOT = Path(os.environ.get("ZHICHAN_MEDIA_ROOT", VAR_DIR / "media"))
# Registry imports: larger files are refused before they are read (docs/imports.md).
ZHICHAN_IMPORT_MAX_MB = int(os.environ.get("ZHICHAN_IMPORT_MAX_MB", "50"))
# ... and a file over any of these limits is refused at once, the message naming the limit (core/imports/limits.py).
ZHICHAN_IMPORT_MAX_UNPACKED_MB = int(os.environ.get("ZHICHAN_IMPORT_MAX_UNPACKED_MB", "2048"))
ZHICHAN_IMPORT_MAX_RATIO = int(os.environ.get("ZHICHAN_IMPORT_MAX_RATIO", "100"))
ZHICHAN_IMPORT_MAX_ROWS = int(os.environ.get("ZHICHAN_IMPORT_MAX_ROWS", "2000000"))
ZHICHAN_IMPORT_MAX_COLUMNS = int(os.environ.get("ZHICHAN_IMPORT_MAX_COLUMNS", "500"))
ZHICHAN_IMPORT_MAX_CELLS = int(os.environ.get("ZHICHAN_IMPORT_MAX_CELLS", "40000000"))
ZHICHAN_IMPORT_MAX_CELL_CHARS = int(os.environ.get("ZHICHAN_IMPORT_MAX_CELL_CHARS", "32767"))
ZHICHAN_IMPORT_MAX_SECONDS = int(os.environ.get("ZHICHAN_IMPORT_MAX_SECONDS", "1800"))
# Exports of more rows than this are built by the task worker, with progress on the task's page.
ZHICHAN_EXPORT_INLINE_ROWS = int(os.environ.get("ZHICHAN_EXPORT_INLINE_ROWS", "2000"))
MEDIA_URL = "/media/"

# API tokens end this many days after they are made (docs/deployment.md).
ZHICHAN_API_TOKEN_DAYS = int(os.environ.get("ZHICHAN_API_TOKEN_DAYS", "90"))

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "zhichan.core.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["zhichan.core.access.RolePermission"],
    "DEFAULT_FILTER_BACKENDS": ["zhichan.core.filters.FilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "zhichan.core.pagination.Pagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "zhichan.core.api_errors.exception_handler",
    # The public API's calls per address (a mini-program's users share none: each phone has its own address).
    "DEFAULT_THROTTLE_RATES": {"public": os.environ.get("ZHICHAN_PUBLIC_API_RATE", "120/min")},
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Zhichan API",
    "DESCRIPTION": "知产 — IP strong-county demonstration programme platform",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

EMAIL_BACKEND = os.environ.get("ZHICHAN_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("ZHICHAN_FROM_EMAIL", "zhichan@localhost")
EMAIL_HOST = os.environ.get("ZHICHAN_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("ZHICHAN_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("ZHICHAN_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("ZHICHAN_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("ZHICHAN_EMAIL_STARTTLS")
EMAIL_USE_SSL = env_bool("ZHICHAN_EMAIL_SSL")
EMAIL_TIMEOUT = 20
# Notifications go out by e-mail too only where mail is configured: on by default exactly when
# ZHICHAN_EMAIL_BACKEND is set, and ZHICHAN_NOTIFY_BY_EMAIL says so explicitly either way.
NOTIFY_BY_EMAIL = env_bool("ZHICHAN_NOTIFY_BY_EMAIL", "ZHICHAN_EMAIL_BACKEND" in os.environ)
# A forgotten password is reset by an e-mailed link only where mail is configured; otherwise the office sets one.
EMAIL_CONFIGURED = env_bool("ZHICHAN_PASSWORD_RESET_BY_EMAIL", "ZHICHAN_EMAIL_BACKEND" in os.environ)
# How to reach the programme office about an account, shown on the sign-in page (e.g. "0595-…", an e-mail address).
OFFICE_CONTACT = os.environ.get("ZHICHAN_OFFICE_CONTACT", "")
# The address users reach the site at, for links in e-mails (e.g. https://zhichan.example.gov.cn).
SITE_URL = os.environ.get("ZHICHAN_SITE_URL", "")

# Largest file that may be attached to a record (a report's evidence); the earlier name still counts.
ATTACHMENT_MAX_MB = int(os.environ.get("ZHICHAN_ATTACHMENT_MAX_MB", os.environ.get("ZHICHAN_EVIDENCE_MAX_MB", "20")))

# Days ahead that holders are reminded of a patent annuity and of the end of a trademark's term.
ANNUITY_REMINDER_DAYS = int(os.environ.get("ZHICHAN_ANNUITY_REMINDER_DAYS", "30"))
RENEWAL_REMINDER_DAYS = int(os.environ.get("ZHICHAN_RENEWAL_REMINDER_DAYS", "180"))

# Indicators are recomputed this many seconds after the records behind them change (at most once per period).
INDICATOR_RECOMPUTE_SECONDS = int(os.environ.get("ZHICHAN_INDICATOR_RECOMPUTE_SECONDS", "60"))
# How often the full-screen display (数据大屏) reloads its figures, in seconds.
DISPLAY_REFRESH_SECONDS = int(os.environ.get("ZHICHAN_DISPLAY_REFRESH_SECONDS", "300"))

# How recent a worker heartbeat must be for /healthz to call the worker alive.
WORKER_HEARTBEAT_SECONDS = int(os.environ.get("ZHICHAN_WORKER_HEARTBEAT_SECONDS", "10"))
# A task whose worker's heartbeat is older than this was interrupted (the worker was killed or the machine went
# down): it is marked failed, with its import batch, and may be started again. Workers beat every 3 s.
WORKER_STALE_SECONDS = int(os.environ.get("ZHICHAN_WORKER_STALE_SECONDS", "60"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # A 403 is the access rules at work: one line (method, path, user, reason), no traceback.
    "filters": {"one_line_forbidden": {"()": "zhichan.core.logfilters.OneLineForbidden"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("ZHICHAN_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},  # PDF exports: a line per layout step and font otherwise
        "fontTools": {"level": "WARNING"},
        "django.request": {"filters": ["one_line_forbidden"]},
    },
}

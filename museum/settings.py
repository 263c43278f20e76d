"""Tárló settings, read from the environment.

Development defaults apply only where they are safe: a missing SECRET_KEY is generated and
kept in `.secret_key` (git-ignored) when DEBUG is on. Otherwise it stays empty: the WSGI and
ASGI applications refuse to start (museum.startup), and anything else that needs it fails
with Django's own error, while commands that need no key (migrate, makemigrations) still run.

Production is secure by default: with DEBUG off, HTTPS is required (redirect, HSTS, secure
cookies) behind one TLS-terminating reverse proxy, unless PLAIN_HTTP=1 says this is a local
run over plain HTTP. `DEBUG=0 manage.py check --deploy --fail-level WARNING` passes with only
SECRET_KEY and ALLOWED_HOSTS set.
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    return int(os.environ.get(name) or default)


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def map_tiles_source(url):
    """The CSP source of a tile URL template: its scheme and host, `{s}` subdomains as `*`."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.replace('{s}', '*')}"


def local_secret_key(path):
    """Return the key kept in `path`, generating it on first use (local runs only)."""
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY and DEBUG:
    SECRET_KEY = local_secret_key(BASE_DIR / ".secret_key")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# HTTPS: required unless this is a local run (DEBUG=1) or PLAIN_HTTP=1 says so explicitly.
HTTPS = not DEBUG and not env_bool("PLAIN_HTTP")
# How many reverse proxies stand in front of the app and append to X-Forwarded-For: only the
# addresses they wrote are believed (museum.proxy.client_ip). One TLS proxy by default in production.
TARLO_TRUSTED_PROXIES = env_int("TRUSTED_PROXIES", 0 if DEBUG else 1)
if TARLO_TRUSTED_PROXIES:
    # The proxy sets this header on every request (overwriting any a client sent).
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
if HTTPS:
    SECURE_SSL_REDIRECT = True
    # A year, for this host and its subdomains. Start with e.g. HSTS_SECONDS=300 on a new domain
    # and raise it once HTTPS works everywhere: browsers keep the promise for this long.
    SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 365 * 24 * 3600)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# Only staff sign in. Their session ends with the browser, and after a working day in any case.
SESSION_COOKIE_AGE = env_int("SESSION_HOURS", 10) * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_filters",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    # The public read API (exhibits/api/): Django REST framework, its OpenAPI schema, CORS.
    "rest_framework",
    "drf_spectacular",
    "corsheaders",
    "exhibits",
    # `manage.py benchmark`: a tool beside the product, not part of it.
    "benchmarks",
]

MIDDLEWARE = [
    # First: a published page kept in the cache goes out from here with the headers the whole
    # stack gave it when it was kept (security, CSP), after the HTTPS and Host checks.
    "exhibits.site.caching.PublishedPageMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "museum.middleware.ContentSecurityPolicyMiddleware",
    # Answers the API's CORS preflights; adds CORS headers under /api/ only (CORS_URLS_REGEX).
    "corsheaders.middleware.CorsMiddleware",
    # Serves the bundled fonts, styles and scripts itself: kiosks and galleries may have no CDN.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before anything reads a request's body: refuses one that is too large, unread.
    "museum.middleware.RequestSizeLimitMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "exhibits.admin.login.TwoFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Records who made each change in the history (exhibits.history).
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last: turns a login refused for too many failures into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "museum.urls"

# The app's parts (exhibits/<part>/) keep their own templates and static files.
EXHIBITS_DIR = BASE_DIR / "exhibits"
PARTS_WITH_TEMPLATES = ["admin", "content", "editorial", "translations", "exports", "site", "kiosks", "api"]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [EXHIBITS_DIR / part / "templates" for part in PARTS_WITH_TEMPLATES],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
    # The visitors' pages (exhibits/site/jinja2/): Django's engine took most of their rendering time.
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "NAME": "jinja2",
        "DIRS": [EXHIBITS_DIR / "site" / "jinja2", EXHIBITS_DIR / "kiosks" / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {"environment": "exhibits.site.jinja.environment"},
    },
]

WSGI_APPLICATION = "museum.wsgi.application"
ASGI_APPLICATION = "museum.asgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several processes (gunicorn workers, commands) write to one file. WAL lets readers go on
    # while one writes; IMMEDIATE takes the write lock when a transaction begins, so a writer
    # waits for it (up to the busy timeout) instead of failing with "database is locked" when it
    # reads first and then writes. A museum with more than a few editors runs PostgreSQL.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": env_int("SQLITE_BUSY_TIMEOUT", 20),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        **DATABASES["default"].get("OPTIONS", {}),
    }

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    # Redis is an optimisation: when it fails, pages are served uncached (museum.cache). It gets
    # a quarter of a second to connect and to answer, so a silent Redis cannot hold a page up.
    REDIS_TIMEOUT = float(os.environ.get("REDIS_TIMEOUT") or 0.25)
    CACHES = {
        "default": {
            "BACKEND": "museum.cache.FailSafeRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "tarlo"),
            "OPTIONS": {"socket_connect_timeout": REDIS_TIMEOUT, "socket_timeout": REDIS_TIMEOUT},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTHENTICATION_BACKENDS = [
    # First: refuses a login while its username and address are locked out.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Guessing passwords (django-axes): after LOGIN_FAILURE_LIMIT failures for one username from one
# address, that pair is locked out for LOGIN_LOCKOUT_MINUTES. The address is the one the trusted
# proxies saw, so a forged X-Forwarded-For starts no fresh count.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "museum.proxy.client_ip"
AXES_LOCKOUT_CALLABLE = "exhibits.admin.login.lockout_response"
AXES_VERBOSE = False  # museum.logs records each lockout through the axes logger

# Two-factor login (django-otp, TOTP): any staff member may turn it on; with TWO_FACTOR_REQUIRED
# on (the default in production) publishers and superusers must, before the admin opens.
TARLO_TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", not DEBUG)
OTP_TOTP_ISSUER = os.environ.get("TWO_FACTOR_ISSUER", "Tárló")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Hungarian is the source language; adding a language here and running makemigrations
# adds its columns to every translated field.
LANGUAGE_CODE = "hu"
LANGUAGES = [
    ("hu", _("Hungarian")),
    ("en", _("English")),
]
MODELTRANSLATION_DEFAULT_LANGUAGE = "hu"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("hu",)
LOCALE_PATHS = [BASE_DIR / "exhibits" / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Budapest")
FORMAT_MODULE_PATH = ["museum.formats"]
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATICFILES_DIRS = [EXHIBITS_DIR / part / "static" for part in ["admin", "site", "kiosks", "api"]]
# Hashed, compressed file names in production (run `manage.py collectstatic`); with DEBUG on,
# WhiteNoise serves the files straight from the apps.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The public site and kiosks: how long a rendered published page is kept in the cache. Every
# cache key carries the content version, so publishing a change is visible at once anyway.
TARLO_PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "3600"))
# Maps of places on the public site: a tile URL template, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png,
# and the attribution its provider asks for. Empty: no tiles, the numbered list of places alone.
TARLO_MAP_TILES_URL = os.environ.get("MAP_TILES_URL", "")
TARLO_MAP_ATTRIBUTION = os.environ.get("MAP_ATTRIBUTION", "")
# The site's public address: scheme, host and any path prefix, e.g. https://tarlo.museum.example.
# Exports run outside a request: the label sheet's QR codes and short addresses are built on it.
TARLO_PUBLIC_URL = os.environ.get("PUBLIC_URL", "http://127.0.0.1:8000" if DEBUG else "").strip()
# A kiosk's heartbeat is written at most this often; more frequent calls only read.
TARLO_KIOSK_HEARTBEAT_SECONDS = 10

# Uploaded images: what is accepted, and the sizes made from each (exhibits.images).
TARLO_IMAGE_MAX_BYTES = int(os.environ.get("TARLO_IMAGE_MAX_BYTES", 25 * 1024 * 1024))
TARLO_IMAGE_MAX_PIXELS = int(os.environ.get("TARLO_IMAGE_MAX_PIXELS", 60_000_000))
TARLO_IMAGE_MAX_SIDE = int(os.environ.get("TARLO_IMAGE_MAX_SIDE", 12_000))
TARLO_IMAGE_RENDITIONS = {
    "thumbnail": 320,
    "medium": 800,
    "large": 1280,
    "kiosk": 1920,
    "print": 3500,
}

# Imports (XLIFF translations, exhibit JSON): files larger than this are refused unread.
TARLO_IMPORT_MAX_BYTES = int(os.environ.get("TARLO_IMPORT_MAX_BYTES", 20 * 1024 * 1024))

# Request bodies: signed-in staff may send up to TARLO_MAX_REQUEST_BYTES (an image upload or an
# import and its form); everyone else up to TARLO_MAX_VISITOR_REQUEST_BYTES. Larger ones are
# refused from their Content-Length, unread (museum.middleware). The reverse proxy's own limit
# (nginx: client_max_body_size) should match TARLO_MAX_REQUEST_BYTES.
TARLO_MAX_REQUEST_BYTES = env_int(
    "MAX_REQUEST_BYTES", max(TARLO_IMAGE_MAX_BYTES, TARLO_IMPORT_MAX_BYTES) + 1024 * 1024
)
TARLO_MAX_VISITOR_REQUEST_BYTES = env_int("MAX_VISITOR_REQUEST_BYTES", 64 * 1024)

# Content-Security-Policy on every page: nothing inline, nothing from elsewhere but the map tiles.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # data: for the blank image Leaflet puts in a map tile it drops (an image runs nothing).
        "img-src": [SELF, "data:", *([map_tiles_source(TARLO_MAP_TILES_URL)] if TARLO_MAP_TILES_URL else [])],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

# The public read API under /api/v1/ (exhibits.api): JSON only, read only, no sign-in.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_SCHEMA_CLASS": "exhibits.api.schema.ApiSchema",
    "EXCEPTION_HANDLER": "exhibits.api.errors.exception_handler",
    "DEFAULT_METADATA_CLASS": None,
    "URL_FORMAT_OVERRIDE": None,
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Tárló public API",
    "DESCRIPTION": (EXHIBITS_DIR / "api" / "description.md").read_text(encoding="utf-8"),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
}
# Which web sites' pages may read the API from the visitors' browsers: "*" (the default) for any,
# or a comma-separated list of origins (https://guide.museum.example); empty for none. GET only.
API_CORS_ORIGINS = env_list("API_CORS_ORIGINS", "*")
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_ALL_ORIGINS = API_CORS_ORIGINS == ["*"]
CORS_ALLOWED_ORIGINS = [] if CORS_ALLOW_ALL_ORIGINS else API_CORS_ORIGINS
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = ["accept", "accept-language", "if-none-match", "if-modified-since"]
CORS_EXPOSE_HEADERS = ["ETag"]

# Errors are written to stderr, one grep-able line each (museum.logs), with the traceback after.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"line": {"()": "museum.logs.KeyValueFormatter"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "line"}},
    "root": {"handlers": ["stderr"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's own handlers print only with DEBUG on, or mail nobody; ours always print.
        "django": {"handlers": [], "level": "INFO", "propagate": True},
    },
}

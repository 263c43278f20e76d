"""Tárló settings, read from the environment.

Development defaults apply only where they are safe: a missing SECRET_KEY is generated and
kept in `.secret_key` (git-ignored) when DEBUG is on. Otherwise it stays empty: the WSGI and
ASGI applications refuse to start (museum.startup), and anything else that needs it fails
with Django's own error, while commands that need no key (migrate, makemigrations) still run.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


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

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_filters",
    "simple_history",
    "exhibits",
    # `manage.py benchmark`: a tool beside the product, not part of it.
    "benchmarks",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Serves the bundled fonts, styles and scripts itself: kiosks and galleries may have no CDN.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Records who made each change in the history (exhibits.history).
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "museum.urls"

# The app's parts (exhibits/<part>/) keep their own templates and static files.
EXHIBITS_DIR = BASE_DIR / "exhibits"
PARTS_WITH_TEMPLATES = ["admin", "content", "editorial", "translations", "exports", "site", "kiosks"]

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
    # The exhibit page's panels (exhibits/jinja2/): Django's engine took most of its rendering time.
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "NAME": "jinja2",
        "DIRS": [EXHIBITS_DIR / "site" / "jinja2"],
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

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "tarlo"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

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
STATICFILES_DIRS = [EXHIBITS_DIR / part / "static" for part in ["admin", "site", "kiosks"]]
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

if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)

# Imports (XLIFF translations, exhibit JSON): files larger than this are refused unread.
TARLO_IMPORT_MAX_BYTES = int(os.environ.get("TARLO_IMPORT_MAX_BYTES", 20 * 1024 * 1024))

"""The project settings, with a throwaway key so that tests need no environment."""

import os
import secrets

os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
# The test client speaks plain HTTP; tests/test_deployment.py checks HTTPS with the real settings.
os.environ.setdefault("PLAIN_HTTP", "1")
# Test logins are force_login or client.login; tests/admin/test_login.py turns both of these on.
os.environ.setdefault("TWO_FACTOR_REQUIRED", "0")
# Where the label sheet's QR codes point (exhibits.site.short_links).
os.environ.setdefault("PUBLIC_URL", "https://tarlo.museum.example")

from museum.settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast test logins

# Tests render pages without running collectstatic first.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
STATIC_ROOT = None  # nothing collected: WhiteNoise has no folder to watch

# Saves of content during a request must go through an editorial action (tests/save_guard.py).
MIDDLEWARE = [*MIDDLEWARE, "tests.save_guard.MarkRequests"]  # noqa: F405

# django-axes needs the request at every authenticate(), which client.login() does not pass;
# tests/admin/test_login.py turns it on for the real login form.
AXES_ENABLED = False

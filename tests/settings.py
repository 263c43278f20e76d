"""The project settings, with a throwaway key so that tests need no environment."""

import os
import secrets

os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))

from museum.settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast test logins

# Tests render pages without running collectstatic first.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
STATIC_ROOT = None  # nothing collected: WhiteNoise has no folder to watch

# Saves of content during a request must go through an editorial action (tests/save_guard.py).
MIDDLEWARE = [*MIDDLEWARE, "tests.save_guard.MarkRequests"]  # noqa: F405

"""WSGI entry point for Tárló."""

import gc
import os
from importlib import import_module

from django.conf import settings
from django.core.wsgi import get_wsgi_application

from museum.startup import require_secret_key

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "museum.settings")

application = get_wsgi_application()

from exhibits.site.caching import KeptPageApplication  # noqa: E402 - once the apps are loaded

# Kept published pages are answered before Django handles the request (exhibits.site.caching).
application = KeptPageApplication(application)

require_secret_key()

# What a process has loaded now (the apps, the URLconf and its views) lives as long as it does:
# frozen, the garbage collector's full passes leave it alone instead of walking all of it again
# every few hundred requests (2 to 5 % of an uncached page's time).
import_module(settings.ROOT_URLCONF)
gc.freeze()

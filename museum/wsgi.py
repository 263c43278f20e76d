"""WSGI entry point for Tárló."""

import os

from django.core.wsgi import get_wsgi_application

from museum.startup import require_secret_key

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "museum.settings")

application = get_wsgi_application()

from exhibits.site.caching import KeptPageApplication  # noqa: E402 - once the apps are loaded

# Kept published pages are answered before Django handles the request (exhibits.site.caching).
application = KeptPageApplication(application)

require_secret_key()

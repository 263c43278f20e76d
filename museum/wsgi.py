"""WSGI entry point for Tárló."""

import os

from django.core.wsgi import get_wsgi_application

from museum.startup import require_secret_key

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "museum.settings")

application = get_wsgi_application()

require_secret_key()

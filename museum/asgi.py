"""ASGI entry point for Tárló."""

import os

from django.core.asgi import get_asgi_application

from museum.startup import require_secret_key

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "museum.settings")

application = get_asgi_application()

require_secret_key()

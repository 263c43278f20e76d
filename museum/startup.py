"""Checks a server makes before it serves its first request."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def require_secret_key():
    """Refuse to start without a SECRET_KEY, rather than fail on every request."""
    try:
        has_key = bool(settings.SECRET_KEY)
    except ImproperlyConfigured:  # Django refuses to hand out an empty key
        has_key = False
    if not has_key:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it in the environment, or set DEBUG=1 for a local run "
            "(a key is then generated and kept in .secret_key)."
        )

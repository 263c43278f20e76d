"""Kiosk tokens: the secret a kiosk proves itself with when it reports to the server.

A token is made in the admin and shown once; only its SHA-256 hash is kept. The token is 256
random bits, so a fast hash is enough: there is nothing to guess from it (as with API tokens).
The kiosk holds the token in its browser's storage, never in its page, which is public and cached.
"""

import hashlib
import hmac
import secrets

from django.utils import timezone
from django.utils.translation import gettext


def _hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def issue(*, kiosk, user):
    """Give `kiosk` a new token, replacing any it had, and return it: it is not kept anywhere."""
    token = secrets.token_urlsafe(32)
    kiosk.token_hash = _hash(token)
    kiosk.token_issued_at = timezone.now()
    _save(kiosk, user, gettext("kiosk token issued"))
    return token


def revoke(*, kiosk, user):
    """Take `kiosk`'s token away: its heartbeats are refused until a new one is issued."""
    kiosk.token_hash = ""
    kiosk.token_issued_at = None
    _save(kiosk, user, gettext("kiosk token revoked"))


def _save(kiosk, user, reason):
    kiosk._history_user = user
    kiosk._change_reason = reason
    kiosk.save(update_fields=["token_hash", "token_issued_at"])


def is_valid(kiosk, token):
    """Whether `token` is the one issued to `kiosk` (which must have one)."""
    return bool(kiosk.token_hash and token) and hmac.compare_digest(kiosk.token_hash, _hash(token))

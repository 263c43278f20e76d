"""Who sent a request, when Tárló runs behind settings.TARLO_TRUSTED_PROXIES reverse proxies."""

from django.conf import settings


def client_ip(request):
    """The address of the client as the outermost trusted proxy saw it.

    Each proxy appends the address it was connected from to X-Forwarded-For, so only the last
    TARLO_TRUSTED_PROXIES entries were written by proxies we trust; anything before them was
    sent by the client and may be forged. With no trusted proxy, it is the connection's address.
    """
    proxies = settings.TARLO_TRUSTED_PROXIES
    forwarded = [
        address.strip()
        for address in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if address.strip()
    ]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")

"""Project-level middleware."""

from django.conf import settings
from django.http import HttpResponse

TOO_LARGE = "A kérés túl nagy, ezért nem olvastuk be.\nThe request is too large, so it was not read.\n"


class RequestSizeLimitMiddleware:
    """Refuse a request body larger than the settings allow, from its Content-Length, unread.

    CSRF checks and form parsing read the whole body first (Django streams uploads to disk), so a
    huge POST to any page would cost disk and time before being refused. Signed-in staff may send
    up to TARLO_MAX_REQUEST_BYTES (image uploads, imports); everyone else, the login form and the
    kiosks included, up to TARLO_MAX_VISITOR_REQUEST_BYTES. Must come after AuthenticationMiddleware,
    and before anything that reads the body (nothing in __call__ does; views and process_view do).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.TARLO_MAX_VISITOR_REQUEST_BYTES and (
            length > settings.TARLO_MAX_REQUEST_BYTES or not _is_staff(request)
        ):
            return HttpResponse(TOO_LARGE, status=413, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


def _is_staff(request):
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_active and user.is_staff)

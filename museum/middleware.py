"""Project-level middleware."""

from dataclasses import asdict

import csp.middleware
from csp.utils import build_policy
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


class ContentSecurityPolicyMiddleware(csp.middleware.CSPMiddleware):
    """django-csp's middleware, with the site's one policy built once per process.

    django-csp builds the header anew for every response, which cost a page served from the
    cache more than the rest of serving it. Our pages use no nonce, no per-view policy and no
    excluded prefixes; a response or a setting that does still gets django-csp's own treatment.
    """

    _built = None  # (the settings it was built from, {header: value})

    def process_response(self, request, response):
        if (
            self._customised(request, response)
            or any("EXCLUDE_URL_PREFIXES" in (policy or {}) for policy in _policy_settings())
            or (settings.DEBUG and response.status_code in {404, 500})
        ):
            return super().process_response(request, response)
        for header, value in self._site_headers(request, response).items():
            if value and header not in response:
                response[header] = value
        return response

    def _site_headers(self, request, response):
        policy = _policy_settings()
        built = type(self)._built
        if built is None or any(a is not b for a, b in zip(built[0], policy, strict=True)):
            enforced = self.get_policy_parts(request=request, response=response)
            report_only = self.get_policy_parts(request=request, response=response, report_only=True)
            built = type(self)._built = (
                policy,
                {
                    csp.middleware.HEADER: build_policy(**asdict(enforced)),
                    csp.middleware.HEADER_REPORT_ONLY: build_policy(**asdict(report_only), report_only=True),
                },
            )
        return built[1]

    @staticmethod
    def _customised(request, response):
        nonce_asked = getattr(request, "_csp_nonce", None) is not None
        overridden = any(
            getattr(response, f"_csp_{part}{suffix}", None) is not None
            for part in ("config", "update", "replace", "exempt")
            for suffix in ("", "_ro")
        )
        return nonce_asked or overridden


def _policy_settings():
    """The settings the policy is built from: a test that overrides them gets a new policy."""
    return (
        getattr(settings, "CONTENT_SECURITY_POLICY", None),
        getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None),
    )

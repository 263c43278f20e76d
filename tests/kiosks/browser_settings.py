"""Settings of the kiosk's browser-test server: the test settings, a map tile source given by
the test, and a Content-Security-Policy without inline script or style, as visitor pages run under."""

import os

from tests.settings import *  # noqa: F403

TARLO_MAP_TILES_URL = os.environ.get("TEST_MAP_TILES_URL", "")
TARLO_MAP_ATTRIBUTION = "Test tiles © Tárló"

MIDDLEWARE = [*MIDDLEWARE, "tests.kiosks.browser_settings.strict_content_security_policy"]  # noqa: F405

POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "connect-src 'self'; worker-src 'self'; font-src 'self'"
)


def strict_content_security_policy(get_response):
    def middleware(request):
        response = get_response(request)
        response.setdefault("Content-Security-Policy", POLICY)
        return response

    return middleware

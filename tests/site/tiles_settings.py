"""The test settings with map tiles served by the test server itself (tests.site.tiles)."""

from tests.settings import *  # noqa: F403

ROOT_URLCONF = "tests.site.tiles"
TARLO_MAP_TILES_URL = "/test-tiles/{z}/{x}/{y}.png"
TARLO_MAP_ATTRIBUTION = "Test tiles"

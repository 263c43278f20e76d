"""The test settings with map tiles served by the test server itself (tests.site.tiles)."""

import os

from tests.settings import *  # noqa: F403

ROOT_URLCONF = "tests.site.tiles"
# A test that needs unreachable tiles points this at a closed port.
TARLO_MAP_TILES_URL = os.environ.get("TEST_TILES_URL", "/test-tiles/{z}/{x}/{y}.png")
TARLO_MAP_ATTRIBUTION = "Test tiles"

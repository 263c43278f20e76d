"""The kiosk's browser-test server: the 1956 exhibit (tests.kiosks.browser_seed), map tiles from a
stand-in tile server, two gunicorn workers."""

from tests.live_server import Server


def kiosk_server(folder, *, tiles_template=""):
    return Server(
        folder,
        seeds="tests.kiosks.browser_seed",
        settings="tests.kiosks.browser_settings",
        env={"TEST_MAP_TILES_URL": tiles_template},
        workers=2,
        ready="/kiosk/terem-1/",
    )

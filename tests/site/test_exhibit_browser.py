"""The 1956 exhibit's pages in headless Chromium, as a visitor on a phone or a desktop meets them:
what is on screen after each navigation, the size of the type, accessibility, and the map."""

import subprocess
import sys

import pytest

from tests.chromium import needs_chromium, serious_accessibility_violations
from tests.live_server import ROOT, Server

pytestmark = [pytest.mark.browser, needs_chromium]

PHONE, DESKTOP = {"width": 390, "height": 844}, {"width": 1366, "height": 768}


class ExhibitServer(Server):
    """The site with the 1956 fixtures and map tiles made by the test server (tests.site.tiles)."""

    def __init__(self, folder, **env):
        super().__init__(folder)
        self.env.update(DJANGO_SETTINGS_MODULE="tests.site.tiles_settings", **env)

    def seed(self, action="fixtures"):
        manage = [sys.executable, str(ROOT / "manage.py")]
        subprocess.run([*manage, "migrate", "-v0"], env=self.env, cwd=ROOT, check=True)
        fixtures = sorted(str(path) for path in (ROOT / "fixtures").glob("*.json"))
        subprocess.run([*manage, "loaddata", "-v0", *fixtures], env=self.env, cwd=ROOT, check=True)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("exhibit")
    server = ExhibitServer(folder)
    server.seed()
    server.start()
    yield server
    server.stop()


def screen(browser, viewport):  # noqa: F811
    context = browser.new_context(viewport=viewport, has_touch=viewport is PHONE, is_mobile=viewport is PHONE)
    return context, context.new_page()


def panel_at_centre(page):
    return page.evaluate(
        """() => {
            const element = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
            const panel = element && element.closest("section.panel");
            return panel ? panel.id : (element ? element.tagName + "." + element.className : null);
        }"""
    )


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_panel_a_visitor_goes_to_is_the_one_on_screen(site, browser, viewport):  # noqa: F811
    context, page = screen(browser, viewport)
    page.goto(f"{site.url}/en/exhibits/1956/")

    page.locator(".contents a[href='#panel-56-05']").click()
    page.wait_for_timeout(300)
    assert panel_at_centre(page) == "panel-56-05"

    day = page.locator(".day-strip a[data-day]").nth(4)
    day.click()
    page.wait_for_timeout(300)
    assert panel_at_centre(page) == day.get_attribute("href")[1:]
    assert page.locator(".day-strip a[aria-current]").get_attribute("data-day") == day.get_attribute(
        "data-day"
    )
    context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_type_is_as_large_as_the_label_layers_ask(site, browser, viewport):  # noqa: F811
    context, page = screen(browser, viewport)
    page.goto(f"{site.url}/hu/exhibits/1956/")

    size = page.evaluate(
        """selectors => Object.fromEntries(selectors.map(s => {
            const element = document.querySelector(s);
            return [s, parseFloat(getComputedStyle(element).fontSize)];
        }))""",
        [
            ".hero h1",
            ".panel h2",
            ".panel .body p",
            ".notes li",
            ".card-title",
            ".card-fact",
            ".content-note",
        ],
    )
    line = page.evaluate(
        "() => { const p = document.querySelector('.panel .body p');"
        " return p.getBoundingClientRect().width / parseFloat(getComputedStyle(p).fontSize); }"
    )

    assert size[".hero h1"] >= 40 and size[".panel h2"] >= 28
    assert 18 <= size[".panel .body p"] <= 20
    assert size[".notes li"] >= 14 and size[".card-fact"] >= 14 and size[".content-note"] >= 16
    assert line <= 36  # at most about 75 characters of Source Sans a line (0.48 em each)
    context.close()


PAGES = [
    "/{lang}/",
    "/{lang}/exhibits/1956/",
    "/{lang}/exhibits/1956/sources/",
    "/{lang}/exhibits/1956/glossary/",
    "/{lang}/events/bem-teri-nagygyules/",
    "/{lang}/figures/nagy-imre/",
    "/{lang}/places/kossuth-ter/",
    "/{lang}/timeline/",
    "/{lang}/timeline/?start=1956-02-31",
    "/{lang}/search/?q=Nagy",
]


@pytest.mark.parametrize("lang", ["hu", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_every_public_page_type_has_no_serious_accessibility_violation(site, browser, path, lang):  # noqa: F811
    context, page = screen(browser, PHONE)
    response = page.goto(f"{site.url}{path.format(lang=lang)}")
    assert response.status == 200
    page.wait_for_load_state("load")

    serious = serious_accessibility_violations(page)
    context.close()
    assert serious == []


def test_the_map_draws_the_tiles_of_the_configured_source_with_numbered_places(site, browser):  # noqa: F811
    context, page = screen(browser, DESKTOP)
    page.goto(f"{site.url}/en/places/kossuth-ter/")

    page.wait_for_selector("[data-map][data-tiles-loaded]", timeout=10_000)
    tiles = page.eval_on_selector_all(
        "img.leaflet-tile-loaded", "tiles => tiles.map(t => [t.naturalWidth, new URL(t.src).pathname])"
    )
    assert tiles and all(width == 256 and path.startswith("/test-tiles/") for width, path in tiles)
    assert page.locator(".map-marker").first.inner_text() == "1"
    assert page.get_by_text("Test tiles").is_visible()
    assert page.locator(".map-places li").first.is_visible()
    context.close()


def test_without_reachable_tiles_the_places_still_read_as_a_list(site, browser, tmp_path):  # noqa: F811
    offline = ExhibitServer(tmp_path, TEST_TILES_URL="http://127.0.0.1:9/{z}/{x}/{y}.png")
    offline.env["DATABASE_URL"] = site.env["DATABASE_URL"]
    offline.start()
    try:
        context, page = screen(browser, PHONE)
        page.goto(f"{offline.url}/hu/places/kossuth-ter/")
        page.wait_for_selector(".map.is-unavailable", state="attached", timeout=10_000)

        assert not page.locator(".map").is_visible()
        assert page.get_by_text("é. sz. 47,5062°, k. h. 19,0472°").first.is_visible()
        context.close()
    finally:
        offline.stop()

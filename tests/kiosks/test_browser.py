"""The kiosk as a visitor meets it: headless Chromium with a touch screen, 1920×1080 landscape and
1080×1920 portrait, against a gunicorn server of the 1956 exhibit under a strict CSP.

"On screen" means the element at the viewport's centre (document.elementFromPoint) belongs to the
screen, not merely that the screen is in the DOM or "visible" below the fold.
"""

import json
from pathlib import Path

import pytest

from tests.chromium import IN_CI, needs_chromium
from tests.kiosks.data import put_together
from tests.kiosks.map_tiles import TileServer
from tests.kiosks.server import kiosk_server

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SIZES = {"landscape": (1920, 1080), "portrait": (1080, 1920)}
KIOSK = "/kiosk/terem-1/"

pytestmark = [pytest.mark.browser, needs_chromium]


@pytest.fixture(scope="module")
def tiles():
    server = TileServer()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def server(tmp_path_factory, tiles):
    server = kiosk_server(tmp_path_factory.mktemp("kiosk"), tiles_template=tiles.template)
    server.seed()
    server.start()
    yield server
    server.stop()


def kiosk_context(browser, orientation="landscape", **options):
    width, height = SIZES[orientation]
    return browser.new_context(viewport={"width": width, "height": height}, has_touch=True, **options)


@pytest.fixture(params=["landscape", "portrait"])
def kiosk(request, browser):
    context = kiosk_context(browser, request.param, service_workers="block")
    page = context.new_page()
    page.orientation = request.param
    yield page
    context.close()


@pytest.fixture
def landscape(browser):
    context = kiosk_context(browser, service_workers="block")
    yield context.new_page()
    context.close()


def centre_screen(page):
    """The screen that the element at the centre of the viewport belongs to."""
    return page.evaluate(
        """() => {
            const element = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
            const screen = element && element.closest("[data-screen], .idle");
            return screen ? (screen.dataset.screen || "idle-warning") : null;
        }"""
    )


def tap(page, selector):
    page.locator(selector).first.tap()


def start(page, server, language="hu", path=KIOSK):
    page.goto(f"{server.url}{path}")
    tap(page, f"[data-start={language}]")
    assert centre_screen(page) == "home"


def exhibit_data(page):
    return put_together(json.loads(page.locator("#kiosk-exhibit").text_content()))


def text_px(page, selector):
    return page.eval_on_selector(selector, "element => parseFloat(getComputedStyle(element).fontSize)")


LONGEST_LINE = """element => {
    let longest = 0;
    const range = document.createRange();
    for (const paragraph of element.querySelectorAll("p")) {
        const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
        let top = null, count = 0;
        while (walker.nextNode()) {
            const node = walker.currentNode;
            for (let i = 0; i < node.length; i++) {
                range.setStart(node, i);
                range.setEnd(node, i + 1);
                const rect = range.getClientRects()[0];
                if (!rect) continue;
                if (top === null || rect.top > top + rect.height / 2) {
                    longest = Math.max(longest, count);
                    count = 0;
                    top = rect.top;
                }
                count += 1;
            }
        }
        longest = Math.max(longest, count);
    }
    return longest;
}"""


TILES_SHOWN = """() => document.querySelectorAll(".leaflet-tile-loaded").length > 0
    && [...document.querySelectorAll(".leaflet-tile")].every(tile => tile.complete && tile.naturalWidth)"""


def test_each_tap_brings_the_screen_tapped_to_the_centre_of_the_viewport(server, kiosk):
    kiosk.goto(f"{server.url}{KIOSK}")
    assert centre_screen(kiosk) == "attract"

    tap(kiosk, "[data-start=hu]")
    assert centre_screen(kiosk) == "home"
    tap(kiosk, "[data-go=panels]")
    assert centre_screen(kiosk) == "panels"
    tap(kiosk, '[data-go="panel:56-03"]')
    assert centre_screen(kiosk) == "panel:56-03"
    event = kiosk.locator('.side [data-go^="event:"]').first.get_attribute("data-go")
    tap(kiosk, f'.side [data-go="{event}"]')
    assert centre_screen(kiosk) == event
    place = kiosk.locator('.side [data-go^="place:"]').first.get_attribute("data-go")
    tap(kiosk, f'.side [data-go="{place}"]')
    assert centre_screen(kiosk) == place
    tap(kiosk, "[data-action=back]")
    assert centre_screen(kiosk) == event
    tap(kiosk, ".kiosk-bar [data-go=home]")
    tap(kiosk, "[data-go=timeline]")
    assert centre_screen(kiosk) == "timeline"
    tap(kiosk, '.day-button[data-day="1956-11-04"]')
    assert kiosk.locator("#day-1956-11-04 .card").first.is_visible()
    tap(kiosk, '#day-1956-11-04 [data-go^="event:"]')
    assert centre_screen(kiosk) == "event:szovjet-invazio"
    tap(kiosk, ".kiosk-bar [data-go=home]")
    tap(kiosk, "[data-go=people]")
    tap(kiosk, '[data-go="person:nagy-imre"]')
    assert centre_screen(kiosk) == "person:nagy-imre"
    tap(kiosk, '.side [data-go="panel:56-01"]')
    assert centre_screen(kiosk) == "panel:56-01"


def test_every_screen_has_a_way_back_within_a_seated_reach_and_a_way_on(server, kiosk):
    height = SIZES[kiosk.orientation][1]
    start(kiosk, server)
    visits = [
        ("home", None),
        ("panels", "[data-go=panels]"),
        ("panel:56-03", '[data-go="panel:56-03"]'),
        ("image:panel:56-03", ".media-button"),
        ("panel:56-03", "[data-action=back]"),
        ("event:tomeg-a-radional", '[data-go="event:tomeg-a-radional"]'),
        ("place:radio", '.side [data-go="place:radio"]'),
        ("timeline", None),
        ("people", None),
        ("person:gero-erno", '[data-go="person:gero-erno"]'),
        ("places", None),
        ("glossary", None),
    ]
    for expected, selector in visits:
        if selector is None:
            tap(kiosk, ".kiosk-bar [data-go=home]")
            if expected != "home":
                tap(kiosk, f"[data-go={expected}]")
        else:
            tap(kiosk, selector)
        assert centre_screen(kiosk) == expected

        back = kiosk.locator(".kiosk-bar [data-action=back]").bounding_box()
        assert back["y"] >= height / 3 and back["width"] >= 64 and back["height"] >= 64, expected
        onward = kiosk.locator("#kiosk-stage [data-go], #kiosk-stage [data-day]").count()
        assert onward or expected.startswith("image:"), f"{expected} leads nowhere"
    sizes = kiosk.eval_on_selector_all(
        "button", "buttons => buttons.filter(b => b.offsetParent).map(b => [b.offsetWidth, b.offsetHeight])"
    )
    assert sizes and all(width >= 64 and height >= 64 for width, height in sizes)


def test_text_is_sized_for_reading_at_arms_length_and_from_two_metres(server, landscape):
    start(landscape, server)
    assert text_px(landscape, "h1") >= 96
    tap(landscape, "[data-go=panels]")
    tap(landscape, '[data-go="panel:56-03"]')

    assert text_px(landscape, ".body p") >= 32
    assert text_px(landscape, "h1") >= 64
    assert text_px(landscape, ".media figcaption") >= 24
    assert text_px(landscape, ".card-title") >= 32
    assert landscape.eval_on_selector(".body", LONGEST_LINE) <= 72

    tap(landscape, "[data-action=large-text]")
    assert text_px(landscape, ".body p") >= 64
    assert landscape.locator("[data-action=large-text]").get_attribute("aria-pressed") == "true"


def test_lines_stay_under_seventy_characters_where_the_column_is_widest(server, kiosk):
    start(kiosk, server, "en")  # the introduction: no image beside it
    assert kiosk.eval_on_selector(".body", LONGEST_LINE) <= 72
    tap(kiosk, "[data-go=panels]")
    tap(kiosk, '[data-go="panel:56-00"]')
    assert kiosk.eval_on_selector(".body", LONGEST_LINE) <= 72


CONTRAST = """([a, b]) => {
    const luminance = (colour) => {
        const [r, g, b] = colour.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number).map((value) => {
            value /= 255;
            return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (light + 0.05) / (dark + 0.05);
}"""


def test_the_focus_ring_on_the_controls_stands_out_three_to_one(server, landscape):
    start(landscape, server, "en")
    landscape.locator(".kiosk-bar [data-action=back]").focus()
    landscape.keyboard.press("Tab")  # keyboard focus, so that the ring shows

    ring, bar = landscape.evaluate(
        """() => [getComputedStyle(document.activeElement).outlineColor,
                  getComputedStyle(document.getElementById("kiosk-bar")).backgroundColor]"""
    )
    assert landscape.evaluate("document.activeElement.closest('.kiosk-bar') !== null")
    assert landscape.evaluate(CONTRAST, [ring, bar]) >= 3


def test_a_long_body_scrolls_beside_its_image_in_landscape_and_under_it_in_portrait(server, kiosk):
    start(kiosk, server, "en")
    tap(kiosk, "[data-go=panels]")
    tap(kiosk, '[data-go="panel:56-03"]')

    image = kiosk.locator(".media img").bounding_box()
    text = kiosk.locator(".read .text").bounding_box()
    width, height = SIZES[kiosk.orientation]
    if kiosk.orientation == "landscape":
        assert image["x"] + image["width"] <= text["x"]
    else:
        assert image["y"] + image["height"] <= text["y"] and image["height"] <= height * 0.35
    assert text["y"] < height / 2 and text["y"] + text["height"] <= height
    assert "Bródy Sándor utca in the evening" in kiosk.locator(".media figcaption").inner_text()
    assert "Fortepan" in kiosk.locator(".media figcaption").inner_text()

    tap(kiosk, ".media-button")
    assert centre_screen(kiosk) == "image:panel:56-03"
    assert kiosk.locator(".screen-image figcaption").is_visible()


def test_a_content_note_comes_before_the_panel_it_warns_of(server, landscape):
    start(landscape, server, "en")
    assert landscape.locator(".content-note").is_visible()  # the exhibit's, at the start
    tap(landscape, "[data-go=panels]")
    tap(landscape, '[data-go="panel:56-06"]')

    note = landscape.locator(".content-note").bounding_box()
    body = landscape.locator(".body").bounding_box()
    assert note["y"] + note["height"] <= body["y"]
    assert "Content note" in landscape.locator(".content-note").inner_text()


def test_the_language_switch_keeps_the_screen_and_the_focus_and_retitles_the_page(server, kiosk):
    start(kiosk, server, "hu")
    tap(kiosk, "[data-go=panels]")
    tap(kiosk, '[data-go="panel:56-02"]')
    assert kiosk.get_by_role("button", name="English", exact=True).count() == 1
    assert kiosk.get_by_role("button", name="Magyar", exact=True).count() == 1

    kiosk.get_by_role("button", name="English", exact=True).tap()

    assert centre_screen(kiosk) == "panel:56-02"
    assert kiosk.locator("html").get_attribute("lang") == "en"
    assert kiosk.locator("h1").inner_text() == "Two speeches, one evening"
    assert kiosk.title().startswith("The Hungarian Revolution of 1956")
    assert kiosk.evaluate("document.activeElement.dataset.languageSwitch") == "en"
    assert kiosk.get_by_role("button", name="English", exact=True).get_attribute("aria-pressed") == "true"


def test_the_idle_warning_comes_before_the_reset_and_a_touch_cancels_it(server, kiosk):
    kiosk.goto(f"{server.url}/kiosk/idle-test/")
    tap(kiosk, "[data-start=hu]")
    tap(kiosk, "[data-go=panels]")
    tap(kiosk, "[data-action=large-text]")

    kiosk.wait_for_selector("#kiosk-idle:not([hidden])", timeout=10_000)
    assert centre_screen(kiosk) == "idle-warning"
    assert kiosk.get_by_role("alertdialog").get_by_role("heading").inner_text() == "Itt van még?"
    assert "Still there?" in kiosk.get_by_role("alertdialog").inner_text()
    assert "Itt van még?" in kiosk.locator("#kiosk-announcer").text_content()
    kiosk.touchscreen.tap(40, 40)
    assert kiosk.locator("#kiosk-idle").is_hidden()
    assert centre_screen(kiosk) == "panels"

    kiosk.wait_for_selector("#kiosk-idle:not([hidden])", timeout=10_000)
    kiosk.wait_for_selector("body[data-screen=attract]", timeout=10_000)

    assert centre_screen(kiosk) == "attract"
    assert kiosk.evaluate("document.activeElement.dataset.start") == "en"  # this kiosk's language
    assert kiosk.locator("html").get_attribute("lang") == "en"
    assert kiosk.locator("html.large-text").count() == 0


@pytest.mark.parametrize("motion", ["reduce", "no-preference"])
def test_the_start_screen_moves_slowly_through_the_panels_unless_asked_not_to(server, browser, motion):
    context = kiosk_context(browser, reduced_motion=motion, service_workers="block")
    page = context.new_page()
    page.goto(f"{server.url}{KIOSK}")
    titles = page.locator(".slide-title:not(.is-other)").all_inner_texts()
    assert titles[:2] == ["Előzmények, 1953–1956", "A Bem tértől a Parlamentig"]
    assert "Érintse meg a kezdéshez" in page.locator(".start").inner_text()
    assert "Touch to begin" in page.locator(".start").inner_text()

    if motion == "reduce":
        assert page.evaluate("document.getAnimations().length") == 0
    else:
        page.wait_for_selector(".slide.is-current >> text=A Bem tértől a Parlamentig", timeout=15_000)
        assert page.evaluate("document.getAnimations().length") > 0
    context.close()


def test_the_map_shows_kept_tiles_and_numbered_places_that_lead_to_them(server, landscape):
    start(landscape, server, "en")
    tap(landscape, "[data-go=places]")
    landscape.wait_for_function(TILES_SHOWN)
    assert landscape.locator(".map-marker").count() >= 10
    assert landscape.locator(".map-credit").inner_text() == "Test tiles © Tárló"
    assert landscape.locator(".card-number").first.inner_text() == "1"

    number = landscape.locator(".map-marker").first.inner_text()
    landscape.locator(".map-marker").first.tap()
    place = exhibit_data(landscape)["text"]["en"]["places"][int(number) - 1]["key"]
    assert centre_screen(landscape) == f"place:{place}"
    assert landscape.locator(".leaflet-tile").count() > 0


def test_with_no_tiles_reachable_the_map_is_a_list_with_coordinates(server, browser):
    context = kiosk_context(browser, service_workers="block")
    context.route("**/tiles/**", lambda route: route.abort())
    page = context.new_page()
    start(page, server, "hu")
    tap(page, "[data-go=places]")

    page.wait_for_selector(".screen-places.no-map")
    assert page.locator(".map-area").is_hidden()
    assert (
        page.locator('[data-go="place:bem-ter"] .card-coords').inner_text()
        == "é. sz. 47,5102°, k. h. 19,0376°"
    )
    tap(page, '[data-go="place:new-york"]')
    assert page.locator(".coords").inner_text() == "é. sz. 40,7489°, ny. h. 73,9680°"
    context.close()


@pytest.mark.parametrize("language", ["hu", "en"])
def test_a_visitor_can_tap_through_the_whole_1956_exhibit(server, landscape, language):
    start(landscape, server, language)
    text = exhibit_data(landscape)["text"][language]

    def title_of(item, field):
        return item[field][0] if isinstance(item[field], list) else item[field]

    tap(landscape, "[data-go=panels]")
    tap(landscape, f'[data-go="panel:{text["panels"][0]["key"]}"]')
    for panel in text["panels"]:
        assert centre_screen(landscape) == f"panel:{panel['key']}"
        assert landscape.locator("h1").inner_text() == title_of(panel, "title")
        if panel is not text["panels"][-1]:
            tap(landscape, ".pager-next")

    tap(landscape, ".kiosk-bar [data-go=home]")
    tap(landscape, "[data-go=timeline]")
    tap(landscape, f'[data-go="event:{text["events"][0]["key"]}"]')
    for event in text["events"]:
        assert centre_screen(landscape) == f"event:{event['key']}"
        assert landscape.locator("h1").inner_text() == title_of(event, "title")
        if event is not text["events"][-1]:
            tap(landscape, ".pager-next")

    for section, kind, items in [("people", "person", text["people"]), ("places", "place", text["places"])]:
        tap(landscape, ".kiosk-bar [data-go=home]")
        tap(landscape, f"[data-go={section}]")
        for item in items:
            tap(landscape, f'[data-go="{kind}:{item["key"]}"]')
            assert centre_screen(landscape) == f"{kind}:{item['key']}"
            assert landscape.locator("#kiosk-stage [data-go]").count() > 0
            tap(landscape, "[data-action=back]")
            assert centre_screen(landscape) == section

    tap(landscape, ".kiosk-bar [data-go=home]")
    tap(landscape, "[data-go=glossary]")
    assert landscape.locator(".glossary dt").count() == len(text["glossary"]) > 0


SCREENS = [
    ("home", []),
    ("panels", ["[data-go=panels]"]),
    ("panel with image and note", ["[data-go=panels]", '[data-go="panel:56-06"]']),
    ("full-screen image", ["[data-go=panels]", '[data-go="panel:56-06"]', ".media-button"]),
    ("timeline", ["[data-go=timeline]"]),
    ("event", ["[data-go=timeline]", '[data-go="event:lovesek-a-radional"]']),
    ("people", ["[data-go=people]"]),
    ("person with portrait", ["[data-go=people]", '[data-go="person:nagy-imre"]']),
    ("places", ["[data-go=places]"]),
    ("place", ["[data-go=places]", '[data-go="place:radio"]']),
    ("glossary", ["[data-go=glossary]"]),
]


@pytest.mark.parametrize("language", ["hu", "en"])
def test_no_kiosk_screen_has_serious_accessibility_violations(server, browser, language):
    if not AXE.exists():
        if IN_CI:
            pytest.fail("axe-core is missing: run `npm ci` first")
        pytest.skip("axe-core is not installed: run `npm ci`")
    # axe is injected as an inline script, which the kiosk's CSP would refuse.
    context = kiosk_context(browser, service_workers="block", bypass_csp=True)
    page = context.new_page()
    found = {}
    page.goto(f"{server.url}{KIOSK}")
    page.add_script_tag(path=str(AXE))
    found["attract"] = serious_violations(page)
    tap(page, f"[data-start={language}]")
    for name, taps in SCREENS:
        tap(page, ".kiosk-bar [data-go=home]")
        for selector in taps:
            tap(page, selector)
        page.wait_for_timeout(300)  # map tiles and fades settle
        found[name] = serious_violations(page)
    context.close()

    assert {name: violations for name, violations in found.items() if violations} == {}


def serious_violations(page):
    violations = page.evaluate("axe.run(document).then(result => result.violations)")
    return [
        (v["id"], [node["target"] for node in v["nodes"]])
        for v in violations
        if v["impact"] in {"serious", "critical"}
    ]


def test_the_kiosk_runs_under_a_policy_without_inline_script_or_style(server, landscape):
    landscape.add_init_script(
        "window.cspViolations = [];"
        "document.addEventListener('securitypolicyviolation', e => window.cspViolations.push(e.violatedDirective));"
    )
    response = landscape.goto(f"{server.url}{KIOSK}")
    html = response.text()
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert " style=" not in html and "<a " not in html

    tap(landscape, "[data-start=en]")
    for section in ["panels", "timeline", "people", "glossary", "places"]:
        tap(landscape, ".kiosk-bar [data-go=home]")
        tap(landscape, f"[data-go={section}]")
    tap(landscape, '[data-go="place:bem-ter"]')

    assert landscape.evaluate("window.cspViolations") == []


def test_the_kiosk_works_offline_with_its_map_and_picks_up_new_content_when_the_server_is_back(
    tmp_path_factory, tiles, browser
):
    server = kiosk_server(tmp_path_factory.mktemp("offline"), tiles_template=tiles.template)
    server.seed()
    token = server.issue_kiosk_token("terem-1")
    server.start()
    context = kiosk_context(browser)
    page = context.new_page()
    try:
        page.goto(f"{server.url}{KIOSK}#token={token}")  # set up as a technician does (README)
        page.wait_for_selector("html[data-offline=ready]", timeout=120_000)
        server.stop()

        page.reload()
        tap(page, "[data-start=hu]")
        tap(page, "[data-go=panels]")
        tap(page, '[data-go="panel:56-03"]')
        assert centre_screen(page) == "panel:56-03"
        assert page.locator("h1").inner_text() == "Lövések a Rádiónál"
        page.wait_for_function("() => document.querySelector('.media img').naturalWidth > 0")
        tap(page, ".kiosk-bar [data-go=home]")
        tap(page, "[data-go=places]")
        page.wait_for_function(TILES_SHOWN)
        assert page.locator(".screen-places.has-map").count() == 1

        while centre_screen(page) != "attract":
            tap(page, "[data-action=back]")
        server.seed("publish")
        server.start()

        page.wait_for_function(
            "() => document.getElementById('kiosk-exhibit').textContent.includes('Frissen közzétett tabló')",
            timeout=45_000,
        )
    finally:
        server.stop()
        context.close()

"""The visitors' side in a real headless Chromium, against a gunicorn server on 127.0.0.1."""

import subprocess
import sys

import pytest

from tests.chromium import launch, needs_chromium, serious_accessibility_violations
from tests.live_server import ROOT, Server

pytestmark = [
    pytest.mark.browser,
    needs_chromium,
]


def make_server(tmp_path_factory):
    server = Server(tmp_path_factory.mktemp("browser"))
    server.seed("setup")
    server.start()
    return server


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    server = make_server(tmp_path_factory)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1080, "height": 1920}, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 375, "height": 740}, has_touch=True, is_mobile=True)
    yield context.new_page()
    context.close()


def visible_screen(page):
    return page.locator(".kiosk-language:not([hidden]) [data-screen]:not([hidden])")


def test_the_language_switch_keeps_the_visitor_on_the_same_exhibit(server, phone):
    phone.goto(f"{server.url}/hu/exhibits/forradalom/")

    phone.get_by_role("link", name="English").click()

    phone.wait_for_url(f"{server.url}/en/exhibits/forradalom/")
    assert phone.locator("html").get_attribute("lang") == "en"
    assert phone.get_by_role("heading", name="English panel 2").is_visible()


def test_the_kiosk_language_switch_keeps_the_same_panel(server, page):
    page.goto(f"{server.url}/kiosk/terem-1/")
    page.locator(".kiosk-language:not([hidden]) .attract-button").click()
    page.locator(".kiosk-language:not([hidden])").get_by_role("button", name="Tablók").click()
    page.locator(".kiosk-language:not([hidden])").get_by_role("button", name="56-02 Magyar tabló 2").click()

    page.locator(".kiosk-language:not([hidden]) [data-language-switch=en]").click()

    assert visible_screen(page).get_attribute("data-screen") == "panel-56-02"
    assert visible_screen(page).get_by_role("heading", name="English panel 2").is_visible()
    assert page.locator("html").get_attribute("lang") == "en"


def test_an_idle_kiosk_returns_to_its_start_screen_language_and_text_size(server, page):
    page.goto(f"{server.url}/kiosk/terem-1/")
    page.locator(".kiosk-language:not([hidden]) .attract-button").click()
    page.locator(".kiosk-language:not([hidden]) [data-language-switch=en]").click()
    page.locator(".kiosk-language:not([hidden]) [data-action=large-text]").click()
    assert page.locator("html.large-text[lang=en]").count() == 1

    page.wait_for_timeout(12_000)
    assert visible_screen(page).get_attribute("data-screen") == "menu"  # not idle yet
    page.wait_for_selector("body[data-screen=attract]", timeout=8_000)

    assert page.locator("html").get_attribute("lang") == "hu"
    assert page.locator("html.large-text").count() == 0
    assert visible_screen(page).get_by_text("Érintse meg a képernyőt a kezdéshez").is_visible()


def test_the_kiosk_leads_nowhere_and_is_made_for_fingers(server, page):
    page.goto(f"{server.url}/kiosk/terem-1/")
    page.locator(".kiosk-language:not([hidden]) .attract-button").click()

    assert page.locator("a").count() == 0 and page.locator("form").count() == 0
    sizes = page.eval_on_selector_all(
        "button", "buttons => buttons.filter(b => b.offsetParent).map(b => [b.offsetWidth, b.offsetHeight])"
    )
    assert sizes and all(width >= 48 and height >= 48 for width, height in sizes)
    assert page.evaluate("getComputedStyle(document.documentElement).userSelect") == "none"
    prevented = page.evaluate(
        "() => !document.body.dispatchEvent(new MouseEvent('contextmenu', {bubbles: true, cancelable: true}))"
    )
    assert prevented


def test_the_kiosk_works_offline_and_picks_up_new_content_when_the_server_is_back(tmp_path_factory, page):
    server = make_server(tmp_path_factory)
    try:
        # Set up as a technician does: the kiosk's token in the address once (README).
        token = subprocess.run(
            [sys.executable, "-m", "tests.browser_seed", "kiosk-token"],
            env=server.env,
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        page.goto(f"{server.url}/kiosk/terem-1/#token={token}")
        page.wait_for_selector("html[data-offline=ready]", timeout=15_000)
        server.stop()

        page.reload()
        page.locator(".kiosk-language:not([hidden]) .attract-button").click()
        page.locator(".kiosk-language:not([hidden])").get_by_role("button", name="Tablók").click()
        page.locator(".kiosk-language:not([hidden])").get_by_role(
            "button", name="56-01 Magyar tabló 1"
        ).click()
        image = visible_screen(page).locator("img")
        image.scroll_into_view_if_needed()
        page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
        loaded_fonts = page.evaluate(
            "document.fonts.ready.then(() => [...document.fonts].filter(f => f.status === 'loaded')"
            ".map(f => f.family + ' ' + f.unicodeRange))"
        )
        assert any("Source Sans 3" in font and "U+100-2BA" in font.upper() for font in loaded_fonts), (
            loaded_fonts
        )

        page.locator(".kiosk-language:not([hidden]) [data-action=back]").click()
        page.locator(".kiosk-language:not([hidden]) [data-action=back]").click()
        page.locator(".kiosk-language:not([hidden]) [data-action=back]").click()
        server.seed("publish")
        server.start()

        page.wait_for_selector("text=Frissen közzétett tabló >> nth=0", state="attached", timeout=25_000)
    finally:
        if server.process.poll() is None:
            server.stop()


@pytest.mark.parametrize(
    "path",
    ["/hu/", "/en/exhibits/forradalom/", "/hu/exhibits/forradalom/", "/en/timeline/", "/kiosk/terem-1/"],
)
def test_pages_have_no_serious_accessibility_violations(server, phone, path):
    phone.goto(f"{server.url}{path}")

    serious = serious_accessibility_violations(phone)

    assert serious == []

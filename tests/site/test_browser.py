"""The visitors' side in a real headless Chromium, against a gunicorn server on 127.0.0.1."""

import pytest

from tests.chromium import needs_chromium, serious_accessibility_violations
from tests.live_server import Server

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


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 375, "height": 740}, has_touch=True, is_mobile=True)
    yield context.new_page()
    context.close()


def test_the_language_switch_keeps_the_visitor_on_the_same_exhibit(server, phone):
    phone.goto(f"{server.url}/hu/exhibits/forradalom/")

    phone.get_by_role("link", name="English").click()

    phone.wait_for_url(f"{server.url}/en/exhibits/forradalom/")
    assert phone.locator("html").get_attribute("lang") == "en"
    assert phone.get_by_role("heading", name="English panel 2").is_visible()


@pytest.mark.parametrize(
    "path",
    ["/hu/", "/en/exhibits/forradalom/", "/hu/exhibits/forradalom/", "/en/timeline/"],
)
def test_pages_have_no_serious_accessibility_violations(server, phone, path):
    phone.goto(f"{server.url}{path}")

    serious = serious_accessibility_violations(phone)

    assert serious == []

"""Search as a visitor meets it: typed into the search box on a phone, in a real headless Chromium."""

import pytest

from tests.chromium import needs_chromium, serious_accessibility_violations
from tests.live_server import Server

pytestmark = [pytest.mark.browser, needs_chromium]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    server = Server(tmp_path_factory.mktemp("search"))
    server.seed("setup")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    yield context.new_page()
    context.close()


def test_a_visitor_types_a_word_without_accents_and_sees_it_marked_in_the_results(server, phone):
    phone.goto(f"{server.url}/hu/search/")

    phone.get_by_label("Nevek, helyszínek, események vagy szavak a tablókról").fill("tuntetes")
    phone.keyboard.press("Enter")

    phone.wait_for_url("**/hu/search/?q=tuntetes")
    assert phone.get_by_role("heading", name="Események").is_visible()
    assert phone.get_by_role("link", name="Tüntetés a Bem téren").first.is_visible()
    assert "tüntetés" in [text.lower() for text in phone.locator(".search-snippet mark").all_inner_texts()]


def test_a_query_without_words_is_answered_in_the_visitors_language(server, phone):
    phone.goto(f"{server.url}/en/search/?q=%3C!--%20%3E%20%22")

    assert phone.get_by_role("status").inner_text() == (
        '“<!-- > "” holds no word to search for: type letters or numbers.'
    )


def test_the_results_page_has_no_serious_accessibility_violations(server, phone):
    phone.goto(f"{server.url}/en/search/?q=demonstration")

    assert phone.locator(".search-results li").count() > 0
    assert serious_accessibility_violations(phone) == []

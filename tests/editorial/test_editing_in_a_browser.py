"""Curators editing in a real Chromium, against gunicorn: the forms as browsers send them (CRLF
line ends, every inline form and hidden field), and what the curator then reads on the screen
and finds in the database."""

import pytest

from tests.browser_seed import EDITOR_PASSWORD
from tests.chromium import needs_chromium
from tests.live_server import Server

pytestmark = [pytest.mark.browser, needs_chromium]

ADDED = "Este a tömeg a Parlament elé vonult."


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    server = Server(tmp_path_factory.mktemp("editing"))
    server.seed("editorial")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def sign_in(browser, server):
    """A function opening a signed-in admin session for a user, in Hungarian, as a new browser."""
    contexts = []

    def sign_in(username):
        context = browser.new_context(locale="hu-HU", viewport={"width": 1366, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.goto(f"{server.url}/admin/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", EDITOR_PASSWORD)
        page.click("[type=submit]")
        page.wait_for_url(f"{server.url}/admin/")
        return page

    yield sign_in
    for context in contexts:
        context.close()


def open_change_page(page, server, model, link_text):
    """Open an object's change page the way a curator does: from its list."""
    page.goto(f"{server.url}/admin/exhibits/{model}/")
    page.get_by_role("link", name=link_text, exact=True).first.click()
    page.wait_for_selector("#content-main form")
    return int(page.url.rstrip("/").split("/")[-2])


def translation_state_of(page, field_label, language):
    """The state the change page shows for a field's translation, e.g. "elavult"."""
    row = (
        page.locator("table.translation-state tr")
        .filter(has=page.locator("th", has_text=field_label))
        .filter(has=page.locator("td", has_text=language))
    )
    return row.locator("td").nth(1).inner_text().strip()


def test_a_hungarian_edit_marks_the_english_stale_everywhere_and_the_diff_shows_only_it(server, sign_in):
    anna = sign_in("anna")
    panel_id = open_change_page(anna, server, "panel", "56-01")
    body = anna.locator("#id_body_hu")
    body.fill(f"{body.input_value()}\n\n{ADDED}")

    anna.click("[name=_continue]")
    anna.wait_for_selector("#content-main form")

    assert translation_state_of(anna, "törzsszöveg", "en") == "elavult"
    assert translation_state_of(anna, "cím", "en") == "naprakész"
    anna.goto(f"{server.url}/admin/exhibits/panel/")
    row = anna.locator("#result_list tbody tr").filter(has_text="56-01")
    assert "en elavult" in row.inner_text()
    exhibit_id = server.rows("SELECT exhibit_id FROM exhibits_panel WHERE id = ?", panel_id)[0][0]
    anna.goto(f"{server.url}/admin/exhibits/exhibit/{exhibit_id}/translations/")
    overview = (
        anna.locator("table.translation-overview tr").filter(has_text="56-01").filter(has_text="törzsszöveg")
    )
    assert "elavult" in overview.inner_text()

    petra = sign_in("petra")
    petra.goto(f"{server.url}/admin/exhibits/panel/{panel_id}/publish/")
    changes = petra.locator("h2:has-text('Mi változik') + table tbody tr")
    assert changes.count() == 1  # the Hungarian body only: no phantom whitespace edits
    assert [text.strip() for text in changes.locator("ins").all_inner_texts()] == [ADDED]
    assert changes.locator("del").count() == 0


def test_saving_the_exhibits_introduction_makes_no_draft_of_any_panel(server, sign_in):
    panel_drafts = server.drafts("panel")  # what other tests on this server left
    anna = sign_in("anna")
    exhibit_id = open_change_page(anna, server, "exhibit", "Forradalom 1956")
    introduction = anna.locator("#id_introduction_hu")
    introduction.fill(f"{introduction.input_value()}\nEgy új mondat a bevezetőben.")

    anna.click("[name=_save]")
    anna.wait_for_url(f"{server.url}/admin/exhibits/exhibit/")

    assert server.drafts("panel") == panel_drafts
    assert server.drafts("exhibit")[exhibit_id]["introduction_hu"].endswith("Egy új mondat a bevezetőben.")
    assert "függő piszkozat" in anna.locator("ul.messagelist").inner_text()


@pytest.mark.parametrize(
    "model, link_text, field",
    [("exhibit", "Forradalom 1956", "introduction_hu"), ("panel", "56-02", "body_hu")],
)
def test_of_two_people_editing_one_page_the_second_is_refused_and_the_first_kept(
    server, sign_in, model, link_text, field
):
    anna, bela = sign_in("anna"), sign_in("bela")
    object_id = open_change_page(anna, server, model, link_text)
    open_change_page(bela, server, model, link_text)

    anna.fill(
        f"#id_{field}",
        "Anna változata, amely elsőként került mentésre, elég hosszan ahhoz, hogy megfeleljen.",
    )
    anna.click("[name=_continue]")
    anna.wait_for_selector("#content-main form")
    bela.fill(f"#id_{field}", "Béla változata.")
    bela.click("[name=_continue]")
    bela.wait_for_selector("#content-main form")

    refusal = bela.locator(".errorlist.nonfield").inner_text()
    assert (
        refusal.startswith("Nincs mentve: anna")
        and "Béla változata." == bela.locator(f"#id_{field}").input_value()
    )
    assert server.drafts(model)[object_id][field].startswith("Anna változata")

"""The curators' admin in a real headless Chromium, against a gunicorn server with the 1956 exhibit."""

import subprocess
import sys

import pytest

from tests.chromium import needs_chromium, serious_accessibility_violations
from tests.live_server import ROOT, Server

pytestmark = [pytest.mark.browser, needs_chromium]

THEMES = ["light", "dark"]
PAGES = {
    "index": "/admin/",
    "exhibit": "/admin/exhibits/exhibit/{revolution}/change/",
    "panel": "/admin/exhibits/panel/{first_panel}/change/",
    "translations": "/admin/exhibits/exhibit/{revolution}/translations/",
}


class AdminServer(Server):
    def seed_admin(self):
        """Prepare the database; return the signed-in curator's session key."""
        result = subprocess.run(
            [sys.executable, "-m", "tests.admin.browser_seed"],
            env=self.env,
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        )
        return result.stdout.split()[-1]

    def pk(self, table, **where):
        ((pk,),) = self.rows(
            f"SELECT id FROM exhibits_{table} WHERE {' AND '.join(f'{k} = ?' for k in where)}",
            *where.values(),
        )
        return pk


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    server = AdminServer(tmp_path_factory.mktemp("admin-browser"))
    server.session = server.seed_admin()
    server.start()
    server.urls = {
        name: path.format(
            revolution=server.pk("exhibit", slug="1956"),
            first_panel=server.pk("panel", code="56-01"),
        )
        for name, path in PAGES.items()
    }
    yield server
    server.stop()


def curator_page(browser, server, *, theme="light", width=1366, height=768):
    """A signed-in curator's tab, Hungarian, with the admin's theme chosen as its toggle keeps it."""
    context = browser.new_context(viewport={"width": width, "height": height}, locale="hu-HU")
    context.add_cookies([{"name": "sessionid", "value": server.session, "url": server.url}])
    context.add_init_script(f"window.localStorage.setItem('theme', '{theme}')")
    return context.new_page()


@pytest.fixture
def page(browser, server):
    page = curator_page(browser, server)
    yield page
    page.context.close()


def panel_orders(server, exhibit_slug):
    return server.rows(
        "SELECT p.code, p.'order' FROM exhibits_panel p JOIN exhibits_exhibit e ON e.id = p.exhibit_id "
        "WHERE e.slug = ? ORDER BY p.'order', p.id",
        exhibit_slug,
    )


def drafted_orders(server):
    """Panel code → the order its pending draft gives it."""
    codes = dict(server.rows("SELECT id, code FROM exhibits_panel"))
    return {codes[pk]: data["order"] for pk, data in server.drafts("panel").items()}


def row(page, code):
    return page.locator(f".panel-row[data-code='{code}']")


def save(page):
    page.get_by_role("button", name="Mentés és a szerkesztés folytatása").click()
    page.wait_for_load_state()


def test_dragging_an_unpublished_panel_to_the_top_reorders_the_exhibit(server, page):
    page.goto(f"{server.url}/admin/exhibits/exhibit/{server.pk('exhibit', slug='proba')}/change/")

    row(page, "P-3").locator(".panel-handle").drag_to(row(page, "P-1"), target_position={"x": 10, "y": 2})
    save(page)

    assert [code for code, _order in panel_orders(server, "proba")] == ["P-3", "P-1", "P-2"]
    assert page.locator(".panel-row").evaluate_all("rows => rows.map(r => r.dataset.code)") == [
        "P-3",
        "P-1",
        "P-2",
    ]


def test_moving_a_published_panel_makes_a_pending_draft_and_leaves_the_others_alone(server, page):
    before = panel_orders(server, "1956")
    page.goto(f"{server.url}{server.urls['exhibit']}")

    row(page, "56-05").locator(".panel-handle").drag_to(row(page, "56-03"), target_position={"x": 10, "y": 2})
    save(page)

    assert panel_orders(server, "1956") == before  # visitors keep the published order
    drafted, published = drafted_orders(server), dict(before)
    # 56-05 moved up past 56-03 and 56-04; 56-01 keeps the draft of its image, at its own place.
    assert set(drafted) == {"56-01", "56-03", "56-04", "56-05"} and drafted["56-01"] == published["56-01"]
    assert drafted["56-05"] < drafted["56-03"] < drafted["56-04"] < published["56-06"]
    shown = page.locator(".panel-row").evaluate_all("rows => rows.map(r => r.dataset.code)")
    assert shown.index("56-05") == shown.index("56-03") - 1


def test_the_arrow_buttons_move_a_panel_from_the_keyboard(server, page):
    page.goto(f"{server.url}/admin/exhibits/exhibit/{server.pk('exhibit', slug='proba')}/change/")
    order = page.locator(".panel-row").evaluate_all("rows => rows.map(r => r.dataset.code)")

    page.get_by_role("button", name=f"{order[-1]} feljebb").focus()
    page.keyboard.press("Enter")

    assert page.locator(".panel-row").evaluate_all("rows => rows.map(r => r.dataset.code)") == [
        *order[:-2],
        order[-1],
        order[-2],
    ]
    assert (
        page.locator("[data-order-announcer]").text_content()
        == f"{order[-1]} most a(z) {len(order) - 1}. helyen."
    )


@pytest.mark.parametrize("width, height", [(1366, 768), (1920, 1080)])
@pytest.mark.parametrize("name", ["exhibit", "panel"])
def test_the_actions_menu_never_covers_the_objects_title(browser, server, name, width, height):
    page = curator_page(browser, server, width=width, height=height)
    page.goto(f"{server.url}{server.urls[name]}")
    title = page.locator("#content > h2").first
    menu = page.locator("details.object-menu > summary")

    def apart(a, b):
        return (
            a["y"] + a["height"] <= b["y"]
            or b["y"] + b["height"] <= a["y"]
            or (a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"])
        )

    heading = page.locator("#content > h1").bounding_box()
    assert apart(title.bounding_box(), menu.bounding_box()) and apart(heading, menu.bounding_box())
    menu.click()
    panel = page.locator(".object-menu-panel")
    assert panel.is_visible()
    assert apart(title.bounding_box(), panel.bounding_box()) and apart(heading, panel.bounding_box())
    box = title.bounding_box()
    on_top = page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('h2')?.textContent",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
    )
    assert on_top == title.text_content()
    page.keyboard.press("Escape")
    assert not panel.is_visible()
    page.context.close()


def test_the_image_picker_shows_thumbnails_of_the_chosen_image_and_of_the_choices(server, page):
    page.goto(f"{server.url}{server.urls['panel']}")
    chosen = page.locator(".field-image .select2-selection .image-choice")

    assert "tüntetők a bem téren" in chosen.text_content().lower()
    assert "thumbnail" in chosen.locator("img").get_attribute("src") or chosen.locator("img").evaluate(
        "img => img.naturalWidth > 0"
    )
    page.locator(".field-image .select2-selection").click()
    page.get_by_role("searchbox", name="Kép").fill("Rádió")
    choice = page.locator(".select2-results__option .image-choice").first
    choice.wait_for()

    assert "Rádió" in choice.text_content()
    assert choice.locator("img").evaluate("img => img.complete && img.naturalWidth > 0")


CONTRAST = """
selector => {
  const parse = (colour) => (colour.match(/[\\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => {
    const channel = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const background = (element) => {
    for (let node = element; node; node = node.parentElement) {
      const colour = parse(getComputedStyle(node).backgroundColor);
      if (colour.length === 3 || (colour.length === 4 && colour[3] > 0)) return colour;
    }
    return [255, 255, 255];
  };
  return [...document.querySelectorAll(selector)].filter((e) => e.offsetParent).map((element) => {
    const [a, b] = [luminance(parse(getComputedStyle(element).color)), luminance(background(element))];
    return [element.textContent.trim(), (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)];
  });
}
"""


@pytest.mark.parametrize("theme", THEMES)
def test_translation_and_status_labels_have_at_least_4_5_to_1_contrast(browser, server, theme):
    page = curator_page(browser, server, theme=theme)
    seen = {}
    trial = f"/admin/exhibits/exhibit/{server.pk('exhibit', slug='proba')}/change/"
    for path in [server.urls["exhibit"], server.urls["translations"], trial]:
        page.goto(f"{server.url}{path}")
        for text, ratio in page.evaluate(CONTRAST, ".translation-badge, .status, div.breadcrumbs a"):
            seen[text] = min(ratio, seen.get(text, ratio))
    page.context.close()

    assert {"naprakész", "elavult", "hiányzik", "közzétéve"} <= set(seen)
    assert {text: ratio for text, ratio in seen.items() if ratio < 4.5} == {}


def test_breadcrumb_links_are_underlined(server, page):
    page.goto(f"{server.url}{server.urls['panel']}")

    decorations = page.locator("div.breadcrumbs a").evaluate_all(
        "links => links.map(a => getComputedStyle(a).textDecorationLine)"
    )

    assert decorations and all(decoration == "underline" for decoration in decorations)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_no_serious_violation(browser, server, name, theme):
    page = curator_page(browser, server, theme=theme)
    page.goto(f"{server.url}{server.urls[name]}")
    page.wait_for_load_state("networkidle")

    serious = serious_accessibility_violations(page)
    page.context.close()

    assert serious == []

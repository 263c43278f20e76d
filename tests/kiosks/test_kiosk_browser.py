"""The kiosk's token and the Content-Security-Policy in a real headless Chromium, under gunicorn."""

import subprocess
import sys

import pytest

from tests.chromium import launch, needs_chromium
from tests.site.test_browser import ROOT, make_server

pytestmark = [pytest.mark.browser, needs_chromium]

COLLECT_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(`${event.effectiveDirective} ${event.blockedURI || "inline"}`);
});
"""


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    server = make_server(tmp_path_factory)
    yield server
    server.stop()


def in_site(server, code):
    """Run Python `code` against the server's database and return what it prints."""
    script = f"import django; django.setup()\n{code}"
    return subprocess.run(
        [sys.executable, "-c", script], env=server.env, cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.strip()


def issue_token(server):
    return in_site(
        server,
        "from exhibits.kiosks import tokens; from exhibits.models import Kiosk\n"
        "print(tokens.issue(kiosk=Kiosk.objects.get(slug='terem-1'), user=None))",
    )


def test_a_kiosk_set_up_with_its_token_reports_with_it_and_forgets_the_address(server, page):
    token = issue_token(server)

    with page.expect_response(lambda response: response.url.endswith("/heartbeat/")) as first:
        page.goto(f"{server.url}/kiosk/terem-1/#token={token}")
    page.wait_for_function("() => !window.location.hash")
    with page.expect_response(lambda response: response.url.endswith("/heartbeat/")) as after_reload:
        page.reload()

    assert first.value.status == 200 and after_reload.value.status == 200
    assert after_reload.value.request.headers["authorization"] == f"Bearer {token}"
    assert in_site(
        server, "from exhibits.models import Kiosk; print(Kiosk.objects.get(slug='terem-1').last_seen_at)"
    )
    assert token not in page.content()


def test_a_kiosk_without_its_token_is_refused(server, browser):
    issue_token(server)
    context = browser.new_context()
    fresh = context.new_page()

    with fresh.expect_response(lambda response: response.url.endswith("/heartbeat/")) as beat:
        fresh.goto(f"{server.url}/kiosk/terem-1/")

    context.close()
    assert beat.value.status == 401


def test_pages_break_no_rule_of_the_content_security_policy(server, page):
    page.add_init_script(COLLECT_VIOLATIONS)
    in_site(
        server,
        "from django.contrib.auth.models import User\n"
        "User.objects.filter(username='csp').exists() or User.objects.create_superuser('csp', '', 'a long passphrase')",
    )
    found = {}
    for path in ["/hu/", "/hu/exhibits/forradalom/", "/en/timeline/", "/kiosk/terem-1/", "/admin/login/"]:
        page.goto(f"{server.url}{path}")
        page.wait_for_load_state("load")
        page.wait_for_timeout(500)
        found[path] = page.evaluate("window.cspViolations")
    page.fill("#id_username", "csp")
    page.fill("#id_password", "a long passphrase")
    page.click("input[type=submit]")
    page.wait_for_url(f"{server.url}/admin/")
    for path in [
        "/admin/",
        "/admin/exhibits/kiosk/1/change/",
        "/admin/exhibits/kiosk/1/token/",
        "/admin/exhibits/panel/add/",
    ]:
        page.goto(f"{server.url}{path}")
        page.wait_for_load_state("load")
        page.wait_for_timeout(500)
        found[path] = page.evaluate("window.cspViolations")

    assert found == {path: [] for path in found}

"""The kiosk's token and the Content-Security-Policy in a real headless Chromium, under gunicorn."""

import pytest

from tests.chromium import needs_chromium
from tests.site.test_browser import make_server

pytestmark = [pytest.mark.browser, needs_chromium]

COLLECT_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(`${event.effectiveDirective} ${event.blockedURI || "inline"}`);
});
"""


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


def test_a_kiosk_set_up_with_its_token_reports_with_it_and_forgets_the_address(server, page):
    token = server.issue_kiosk_token("terem-1")

    with page.expect_response(lambda response: response.url.endswith("/heartbeat/")) as first:
        page.goto(f"{server.url}/kiosk/terem-1/#token={token}")
    page.wait_for_function("() => !window.location.hash")
    with page.expect_response(lambda response: response.url.endswith("/heartbeat/")) as after_reload:
        page.reload()

    assert first.value.status == 200 and after_reload.value.status == 200
    assert after_reload.value.request.headers["authorization"] == f"Bearer {token}"
    assert server.run_python(
        "from exhibits.models import Kiosk; print(Kiosk.objects.get(slug='terem-1').last_seen_at)"
    )
    assert token not in page.content()


def test_a_kiosk_without_its_token_is_refused(server, browser):
    server.issue_kiosk_token("terem-1")
    context = browser.new_context()
    fresh = context.new_page()

    with fresh.expect_response(lambda response: response.url.endswith("/heartbeat/")) as beat:
        fresh.goto(f"{server.url}/kiosk/terem-1/")

    context.close()
    assert beat.value.status == 401


def test_pages_break_no_rule_of_the_content_security_policy(server, page):
    page.add_init_script(COLLECT_VIOLATIONS)
    server.run_python(
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

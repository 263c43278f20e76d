"""The API's documentation page in headless Chromium, as a developer opens it: Swagger UI, served
from the site's own static files under the site's strict Content-Security-Policy, shows every
operation and runs one against the live API."""

import subprocess
import sys
import urllib.request

import pytest

from tests.chromium import needs_chromium
from tests.live_server import ROOT, Server

pytestmark = [pytest.mark.browser, needs_chromium]

OPERATIONS = 15  # the paths of exhibits/api/urls.py: 7 lists, 8 single objects

COLLECT_CSP_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", event => {
  window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


class ApiServer(Server):
    """The site with the 1956 fixtures."""

    def seed(self, action="fixtures"):
        manage = [sys.executable, str(ROOT / "manage.py")]
        subprocess.run([*manage, "migrate", "-v0"], env=self.env, cwd=ROOT, check=True)
        fixtures = sorted(str(path) for path in (ROOT / "fixtures").glob("*.json"))
        subprocess.run([*manage, "loaddata", "-v0", *fixtures], env=self.env, cwd=ROOT, check=True)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    server = ApiServer(tmp_path_factory.mktemp("api"))
    server.seed()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def docs(site, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.add_init_script(COLLECT_CSP_VIOLATIONS)
    page.goto(f"{site.url}/api/v1/docs/")
    page.locator(".opblock").nth(OPERATIONS - 1).wait_for()
    yield page, errors
    context.close()


def test_the_documentation_shows_every_operation_under_the_strict_policy(site, docs, tmp_path):
    page, errors = docs

    page.screenshot(path=tmp_path / "api-docs.png", full_page=True)

    assert page.locator(".opblock").count() == OPERATIONS
    assert page.locator(".info .title").inner_text().startswith("Tárló public API")
    assert page.evaluate("window.cspViolations") == []
    assert errors == []
    policy = urllib.request.urlopen(f"{site.url}/api/v1/docs/").headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe" not in policy


def test_a_developer_can_try_an_operation_from_the_documentation(docs):
    page, errors = docs
    operation = page.locator("#operations-exhibits-exhibits_list")

    operation.locator(".opblock-summary").click()
    operation.get_by_role("button", name="Try it out").click()
    operation.get_by_role("button", name="Execute").click()

    status = operation.locator(".live-responses-table .response .response-col_status").first
    status.wait_for()
    assert status.inner_text().strip() == "200"
    assert "Az 1956-os forradalom és szabadságharc" in operation.locator(".live-responses-table").inner_text()
    assert page.evaluate("window.cspViolations") == []
    assert errors == []

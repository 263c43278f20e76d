"""The visitors' side in a real headless Chromium, against a gunicorn server on 127.0.0.1."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.chromium import IN_CI, launch, needs_chromium

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

pytestmark = [
    pytest.mark.browser,
    needs_chromium,
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn serving a prepared SQLite database on a free 127.0.0.1 port; can be stopped."""

    def __init__(self, folder):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.settings",
            "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
            "MEDIA_ROOT": str(folder / "media"),
            "DEBUG": "1",  # serves media and the apps' static files without collectstatic
            "ALLOWED_HOSTS": "127.0.0.1",
        }
        self.env.pop("REDIS_URL", None)
        self.process = None

    def seed(self, action):
        subprocess.run(
            [sys.executable, "-m", "tests.browser_seed", action], env=self.env, cwd=ROOT, check=True
        )

    def start(self):
        gunicorn = Path(sys.executable).parent / "gunicorn"
        self.process = subprocess.Popen(
            [
                str(gunicorn),
                "museum.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "1",
                "--log-level",
                "warning",
            ],
            env=self.env,
            cwd=ROOT,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.url}/hu/", timeout=1)
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("the test server did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


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
    if not AXE.exists():
        if IN_CI:
            pytest.fail("axe-core is missing: run `npm ci` first")
        pytest.skip("axe-core is not installed: run `npm ci`")
    phone.goto(f"{server.url}{path}")
    phone.add_script_tag(path=str(AXE))

    violations = phone.evaluate("axe.run().then(result => result.violations)")

    serious = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]])
        for v in violations
        if v["impact"] in {"serious", "critical"}
    ]
    assert serious == []

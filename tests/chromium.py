"""Debian's headless Chromium, as the browser tests start it (Playwright cannot fetch its own here)."""

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium keeps calling out of this closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
IN_CI = bool(os.environ.get("CI"))

# In CI the browser tests must run: a missing Chromium fails them rather than skipping them.
needs_chromium = pytest.mark.skipif(not CHROMIUM.exists() and not IN_CI, reason="Chromium is not installed")


def launch(playwright):
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"


def serious_accessibility_violations(page, *, context=None):
    """axe-core's serious and critical violations on `page` (or in `context`, a CSS selector).

    axe is evaluated through the DevTools protocol rather than added as a <script>: the pages'
    Content-Security-Policy rightly refuses inline scripts.
    """
    if not AXE.exists():
        if IN_CI:
            pytest.fail("axe-core is missing: run `npm ci` first")
        pytest.skip("axe-core is not installed: run `npm ci`")
    page.evaluate(AXE.read_text())
    violations = page.evaluate(
        "context => axe.run(context || document).then(result => result.violations)", context
    )
    return [
        (violation["id"], violation["impact"], [node["target"] for node in violation["nodes"]])
        for violation in violations
        if violation["impact"] in {"serious", "critical"}
    ]

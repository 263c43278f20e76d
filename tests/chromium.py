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

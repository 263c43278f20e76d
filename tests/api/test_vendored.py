"""The documentation page's Swagger UI is the release package.json pins, as npm installs it."""

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
VENDORED = ROOT / "exhibits" / "api" / "static" / "api" / "vendor" / "swagger-ui"
INSTALLED = ROOT / "node_modules" / "swagger-ui-dist"


def test_the_vendored_swagger_ui_is_the_pinned_release():
    if not INSTALLED.exists():
        pytest.skip("swagger-ui-dist is not installed: run `npm ci`")
    pinned = json.loads((ROOT / "package.json").read_text())["dependencies"]["swagger-ui-dist"]

    assert json.loads((INSTALLED / "package.json").read_text())["version"] == pinned
    for vendored in sorted(VENDORED.iterdir()):
        assert vendored.read_bytes() == (INSTALLED / vendored.name).read_bytes(), vendored.name

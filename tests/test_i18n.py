import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from exhibits.i18n import LOCALE_DIR, is_compiled

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def catalogue():
    return polib.pofile(str(LOCALE_DIR / "hu" / "LC_MESSAGES" / "django.po"))


def test_every_interface_string_has_a_hungarian_translation():
    po = catalogue()

    assert [entry.msgid for entry in po.untranslated_entries()] == []
    assert [entry.msgid for entry in po.fuzzy_entries()] == []


def test_the_shipped_compiled_catalogue_says_what_the_po_says():
    # The site reads the .mo; nothing compiles it when gunicorn starts. After editing the .po:
    # python -c "from exhibits.i18n import compile_catalogues; compile_catalogues()"
    assert is_compiled(LOCALE_DIR / "hu" / "LC_MESSAGES" / "django.po")


@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="not a git checkout")
def test_the_compiled_catalogue_is_committed_not_ignored():
    mo = LOCALE_DIR / "hu" / "LC_MESSAGES" / "django.mo"

    ignored = subprocess.run(["git", "check-ignore", "-q", str(mo)], cwd=ROOT)

    assert ignored.returncode == 1


def test_translations_keep_every_placeholder():
    for entry in catalogue().translated_entries():
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for translated in translations:
            assert sorted(set(PLACEHOLDER.findall(entry.msgid))) == sorted(
                set(PLACEHOLDER.findall(translated))
            ), entry.msgid


@pytest.mark.skipif(not shutil.which("xgettext"), reason="GNU gettext is not installed")
def test_no_interface_string_is_missing_from_the_catalogue(tmp_path):
    app = tmp_path / "exhibits"
    shutil.copytree(ROOT / "exhibits", app, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "hu", "--no-location"],
        cwd=app,
        env={**os.environ, "PYTHONPATH": str(ROOT), "DJANGO_SETTINGS_MODULE": "tests.settings"},
        check=True,
        capture_output=True,
    )
    extracted = polib.pofile(str(app / "locale" / "hu" / "LC_MESSAGES" / "django.po"))

    assert [entry.msgid for entry in extracted.untranslated_entries()] == []


def test_catalogues_compiled_after_django_has_started_take_effect(tmp_path):
    for name in ["museum", "exhibits", "benchmarks", "tests"]:
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    script = (
        "import django; django.setup(); from django.utils import translation; "
        "from exhibits.i18n import compile_catalogues; compile_catalogues(); "
        "translation.activate('hu'); print(translation.gettext('events'))"
    )

    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(tmp_path), "DJANGO_SETTINGS_MODULE": "tests.settings"},
        capture_output=True,
        text=True,
    )

    assert result.stdout.strip() == "események", result.stderr

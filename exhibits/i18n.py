"""Compiling the interface translations without GNU gettext, so setup needs only Python."""

from pathlib import Path

import polib
from django.utils.translation.reloader import translation_file_changed

LOCALE_DIR = Path(__file__).resolve().parent / "locale"


def compile_catalogues(locale_dir=LOCALE_DIR):
    """Write a .mo beside every .po that is newer than its .mo; return the paths written."""
    written = []
    for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
        # Catalogues already loaded by this process must be read again.
        translation_file_changed(sender=None, file_path=mo_path)
        written.append(mo_path)
    return written

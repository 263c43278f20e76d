"""The interface translations: compiled catalogues (.mo) are shipped beside their .po files.

Every way of starting the site (gunicorn, runserver, a command) reads the committed .mo, so it
must say what its .po says; tests/test_i18n.py fails when it does not. After editing a .po, run
`python -c "from exhibits.i18n import compile_catalogues; compile_catalogues()"` (plain Python,
no GNU gettext needed) and commit both files.
"""

from pathlib import Path

import polib
from django.utils.translation.reloader import translation_file_changed

LOCALE_DIR = Path(__file__).resolve().parent / "locale"


def translations(catalogue):
    """{(context, msgid): msgstr, or a tuple of plural forms} of a polib POFile or MOFile, with its plural rule."""
    found = {(None, "Plural-Forms"): catalogue.metadata.get("Plural-Forms")}
    for entry in catalogue:
        if entry.obsolete or "fuzzy" in getattr(entry, "flags", ()):
            continue
        if entry.msgid_plural:
            value = tuple(entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural))
        else:
            value = entry.msgstr
        if entry.msgid and any(value if isinstance(value, tuple) else [value]):
            found[(entry.msgctxt, entry.msgid)] = value
    return found


def is_compiled(po_path):
    """Whether the .mo beside `po_path` holds exactly its translations (contents, not file times)."""
    mo_path = Path(po_path).with_suffix(".mo")
    if not mo_path.exists():
        return False
    return translations(polib.mofile(str(mo_path))) == translations(polib.pofile(str(po_path)))


def compile_catalogues(locale_dir=LOCALE_DIR):
    """Write a .mo beside every .po whose .mo does not hold its translations; return those written."""
    written = []
    for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
        if is_compiled(po_path):
            continue
        mo_path = po_path.with_suffix(".mo")
        polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
        # Catalogues already loaded by this process must be read again.
        translation_file_changed(sender=None, file_path=mo_path)
        written.append(mo_path)
    return written

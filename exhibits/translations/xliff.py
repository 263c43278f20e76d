"""XLIFF 1.2, what CAT tools read: one unit per translatable text, written as it streams.

Each unit's id is stable ("panel/12/body"). Besides the standard source, target and target
state, a unit carries fingerprints of the source and target texts as exported
(`tarlo:source-hash`, `tarlo:target-hash`), so that an import can tell whether either has
changed since, and the translation state (`tarlo:state`: missing, up_to_date or stale).
"""

from xml.sax.saxutils import escape, quoteattr

from django.utils.translation import gettext_lazy

from exhibits.exports.base import Exporter
from exhibits.exports.records import text_hash
from exhibits.translations.inline import XLIFF_NS, to_xliff
from exhibits.translations.state import TranslationState, source_language

TARLO_NS = "urn:tarlo:xliff:1"

TARGET_STATES = {
    TranslationState.UP_TO_DATE: "translated",
    TranslationState.STALE: "needs-review-translation",
}


class XliffExporter(Exporter):
    name = "xliff"
    label = gettext_lazy("XLIFF 1.2 (for translators)")
    content_type = "application/x-xliff+xml"
    file_extension = ".xlf"

    def write(self, records, stream):
        write = stream.write
        write(
            b'<?xml version="1.0" encoding="UTF-8"?>\n'
            + f'<xliff version="1.2" xmlns="{XLIFF_NS}" xmlns:tarlo="{TARLO_NS}">\n'.encode()
        )
        for language in records.languages:
            write(self.file_open(records, language).encode())
            for unit in records.text_units():
                if unit.source:
                    write(self.unit(unit, language).encode())
            write(b"</body>\n</file>\n")
        write(b"</xliff>\n")

    def file_open(self, records, language):
        return (
            f'<file original={quoteattr("exhibit/" + records.exhibit.slug)} datatype="plaintext"'
            f' source-language="{source_language()}" target-language="{language}">\n'
            '<header><tool tool-id="tarlo" tool-name="Tárló"/></header>\n<body>\n'
        )

    def unit(self, unit, language):
        source = unit.source
        target = unit.target(language)
        state = unit.state(language)
        lines = [
            f'<trans-unit id={quoteattr(unit.id)} resname={quoteattr(unit.id)} xml:space="preserve"'
            f' tarlo:state="{state.value}" tarlo:source-hash="{text_hash(source)}"'
            f' tarlo:target-hash="{text_hash(target)}">',
            f'<source xml:lang="{source_language()}">{to_xliff(source, is_markup=unit.is_markup)}</source>',
        ]
        if target:
            lines.append(
                f'<target xml:lang="{language}" state="{TARGET_STATES.get(state, "needs-translation")}">'
                f"{to_xliff(target, is_markup=unit.is_markup)}</target>"
            )
        note = f"{unit.kind}: {unit.label} — {unit.field_label}"
        lines.append(f'<note from="tarlo">{escape(note)}</note>')
        return "\n".join(lines) + "\n</trans-unit>\n"

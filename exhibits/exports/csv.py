"""CSV: one row per text, opening correctly in Excel (UTF-8 with a byte-order mark)."""

import csv
import io

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from exhibits.exports.base import Exporter

# A cell starting with one of these is run as a formula by spreadsheets (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralise(value):
    """Return `value` so that no spreadsheet runs it as a formula: a leading quote shows it as text."""
    value = str(value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def language_name(code):
    return str(dict(settings.LANGUAGES)[code])


class CsvExporter(Exporter):
    name = "csv"
    label = gettext_lazy("CSV (spreadsheet)")
    content_type = "text/csv; charset=utf-8"
    file_extension = ".csv"

    def write(self, records, stream):
        text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="", write_through=True)
        try:
            writer = csv.writer(text)
            writer.writerow(self.header(records))
            for unit in records.text_units():
                writer.writerow([neutralise(cell) for cell in self.row(records, unit)])
        finally:
            text.flush()
            text.detach()

    def header(self, records):
        source = language_name(settings.MODELTRANSLATION_DEFAULT_LANGUAGE)
        columns = [_("id"), _("object"), _("field"), source]
        for language in records.languages:
            columns += [
                language_name(language),
                _("state (%(language)s)") % {"language": language_name(language)},
            ]
        columns.append(_("words (%(language)s)") % {"language": source})
        columns += [
            _("words (%(language)s)") % {"language": language_name(lang)} for lang in records.languages
        ]
        return columns

    def row(self, records, unit):
        row = [unit.id, f"{unit.kind}: {unit.label}", unit.field_label, unit.source]
        for language in records.languages:
            row += [unit.target(language), unit.state(language).label]
        row.append(unit.word_count())
        row += [unit.word_count(language) for language in records.languages]
        return row

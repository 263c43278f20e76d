"""Exports of an exhibit: one module per format behind `Exporter`, found through a registry.

Admin downloads and `manage.py export_exhibit` both go through `get_exporter()` and
`export_exhibit()`, so a format behaves the same wherever it is asked for.
"""

from django.utils.module_loading import import_string
from django.utils.text import slugify
from django.utils.translation import gettext as _

from exhibits.exports.records import exhibit_records

FORMATS = {
    "csv": "exhibits.exports.csv.CsvExporter",
    "json": "exhibits.exports.json.JsonExporter",
    "xliff": "exhibits.translations.xliff.XliffExporter",
    "docx": "exhibits.exports.docx.DocxExporter",
    "labels": "exhibits.exports.labels.LabelsExporter",
    "labels-stacked": "exhibits.exports.labels.StackedLabelsExporter",
}


class UnknownFormat(ValueError):
    """There is no exporter of that name."""


def get_exporter(name):
    """Return the exporter registered as `name`, or raise UnknownFormat naming the choices."""
    try:
        path = FORMATS[name]
    except KeyError:
        raise UnknownFormat(
            _("Unknown export format “%(name)s”; choose one of: %(formats)s.")
            % {"name": name, "formats": ", ".join(FORMATS)}
        ) from None
    return import_string(path)()


def export_exhibit(*, exhibit, format, stream):
    """Write `exhibit` in `format` to the binary `stream`; return the exporter used."""
    exporter = get_exporter(format)
    exporter.write(exhibit_records(exhibit), stream)
    return exporter


def export_filename(exhibit, exporter):
    return f"{slugify(exhibit.slug) or 'exhibit'}{exporter.file_extension}"

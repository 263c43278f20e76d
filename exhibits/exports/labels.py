"""Labels: a printable bilingual label sheet, HTML with print CSS, one panel a page."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy

from exhibits.content import markup
from exhibits.exports.base import Exporter
from exhibits.exports.docx import image_credit
from exhibits.translations.state import source_language


class LabelsExporter(Exporter):
    name = "labels"
    label = gettext_lazy("Label sheet (HTML to print)")
    content_type = "text/html; charset=utf-8"
    file_extension = ".html"

    def write(self, records, stream):
        languages = [source_language(), *records.languages]
        names = dict(settings.LANGUAGES)
        contents = records.saved
        panels = (
            {
                "code": panel.code,
                "texts": [
                    {
                        "language": language,
                        "name": names[language],
                        "title": getattr(panel, f"title_{language}") or "",
                        "body": markup.to_html(getattr(panel, f"body_{language}") or ""),
                    }
                    for language in languages
                ],
                "credit": image_credit(contents.image_of(panel)),
            }
            for panel in contents.panels
        )
        html = render_to_string("exports/labels.html", {"exhibit": records.exhibit, "panels": panels})
        stream.write(html.encode())

"""Labels: a printable bilingual label sheet, HTML with print CSS, one panel a page.

Each label carries a QR code of its panel's short address (exhibits.site.short_links) on the
site's public address (PUBLIC_URL), as inline SVG so that it prints sharp at any size, and the
address written under it for those who type it.
"""

import segno
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, gettext_lazy

from exhibits.content import markup
from exhibits.exports.base import Exporter, ExportError
from exhibits.exports.docx import image_credit
from exhibits.site.short_links import public_url, short_url
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
        try:
            public_url("/")
        except ImproperlyConfigured:
            raise ExportError(
                gettext(
                    "The labels' QR codes need the site's public address: set PUBLIC_URL, "
                    "e.g. https://tarlo.museum.example."
                )
            ) from None
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
                **qr_code(panel),
            }
            for panel in contents.panels
        )
        html = render_to_string("exports/labels.html", {"exhibit": records.exhibit, "panels": panels})
        stream.write(html.encode())


def qr_code(panel):
    """The panel's short address, as printed, and its QR code as inline SVG."""
    url = short_url(panel)
    code = segno.make(url, error="m", micro=False)
    return {
        "short_url": url.split("://", 1)[1],
        # segno writes only numbers and fixed names into the SVG: nothing of the panel's text.
        "qr_svg": mark_safe(code.svg_inline(omitsize=True, border=4, svgclass="qr", lineclass=None)),
    }

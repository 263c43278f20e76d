"""DOCX for proofreading: per panel its code, title and body in every language side by side,
with word counts and the image credit."""

import docx
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from docx.text.run import Run

from exhibits.content import markup
from exhibits.content.fields import word_limits
from exhibits.content.models import Panel
from exhibits.exports.base import Exporter
from exhibits.translations.inline import BULLET, NUMBERED, blocks
from exhibits.translations.state import source_language

LIST_STYLES = {BULLET: "List Bullet", NUMBERED: "List Number"}


class Styles:
    """Style ids looked up once: python-docx looks a style up by name on every use, which
    makes a 1,000-panel document take seconds; the ids are set on the XML directly."""

    def __init__(self, document):
        self.ids = {style.name: style.style_id for style in document.styles}

    def paragraph(self, paragraph, name):
        paragraph._p.style = self.ids[name]
        return paragraph

    def table(self, table, name):
        table._tbl.tblStyle_val = self.ids[name]
        return table


def write_markup(cell, text, styles):
    """Write markup `text` into a table cell: paragraphs and list items, bold and italic runs.

    Return the number of words written.
    """
    words = 0
    paragraph = cell.paragraphs[0]
    for index, (kind, children) in enumerate(blocks(text)):
        if index:
            paragraph = cell.add_paragraph()
        if kind in LIST_STYLES:
            styles.paragraph(paragraph, LIST_STYLES[kind])
        words += markup.count_words("".join(child.content for child in children if child.type == "text"))
        bold = italic = False
        for child in children:
            if child.type in {"text", "text_special"}:
                run = add_run(paragraph, child.content)
                if bold:
                    run.bold = True
                if italic:
                    run.italic = True
            elif child.type in {"strong_open", "strong_close"}:
                bold = child.type == "strong_open"
            elif child.type in {"em_open", "em_close"}:
                italic = child.type == "em_open"
    return words


def add_run(paragraph, text):
    """paragraph.add_run(text): plain text as one <w:t>, where python-docx appends it character
    by character to turn tabs and line breaks into elements of their own."""
    if any(character in text for character in "\t\n\r"):
        return paragraph.add_run(text)
    run = paragraph._p.add_r()
    run.add_t(text)
    return Run(run, paragraph)


def image_credit(image):
    if image is None:
        return ""
    parts = [part for part in [image.credit, image.licence] if part]
    return _("Image: %(credit)s") % {"credit": " — ".join(parts) or _("no credit given")}


class DocxExporter(Exporter):
    name = "docx"
    label = gettext_lazy("DOCX (for proofreading)")
    content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    file_extension = ".docx"

    def write(self, records, stream):
        document = docx.Document()
        styles = Styles(document)
        exhibit = records.exhibit
        document.add_heading(exhibit.title_hu or exhibit.slug, level=0)
        languages = [source_language(), *records.languages]
        names = dict(settings.LANGUAGES)
        limit = word_limits(Panel, "body")[1]
        contents = records.saved
        for panel in contents.panels:
            styles.paragraph(document.add_paragraph(f"{panel.code} {panel.title_hu}"), "Heading 1")
            table = styles.table(document.add_table(rows=4, cols=len(languages)), "Table Grid")
            rows = [row.cells for row in table.rows]
            for column, language in enumerate(languages):
                cells = [row[column] for row in rows]
                cells[0].text = str(names[language])
                cells[1].paragraphs[0].add_run(getattr(panel, f"title_{language}") or "").bold = True
                count = write_markup(cells[2], getattr(panel, f"body_{language}") or "", styles)
                cells[3].text = _("%(count)s / %(limit)s words") % {"count": count, "limit": limit}
            credit = image_credit(contents.image_of(panel))
            if credit:
                document.add_paragraph(credit)
        document.save(stream)

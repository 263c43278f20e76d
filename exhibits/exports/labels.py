"""Labels: a printable bilingual label sheet, HTML with print CSS, one panel an A4 page.

As VISITOR-DESIGN.md's "Print labels" asks: the label code small top left, the title at 48 pt,
the body at 20–24 pt in every language that has text, side by side or one above the other (the
curator picks the format: `labels` or `labels-stacked`), the image's caption and credit at
14 pt, and bottom right a QR code of the panel's short address (exhibits.site.short_links) on the
site's public address (PUBLIC_URL), as inline SVG so that it prints sharp at any size, with the
address written under it for those who type it.

The texts are the site's: the same fields through the same markup renderer. The sheet carries
the site's typeface (Source Sans 3) inside it, so that it prints alike on any computer and the
sizes chosen for a panel's length (`text_sizes()`) fit the page wherever it is printed.
"""

import base64
import math
import re
from functools import cache, lru_cache

import segno
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import ImproperlyConfigured
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, gettext_lazy

from exhibits.content import markup
from exhibits.exports import label_widths
from exhibits.exports.base import Exporter, ExportError
from exhibits.exports.docx import image_credit
from exhibits.site.short_links import public_url, short_url
from exhibits.translations.state import source_language

SIDE_BY_SIDE = "side-by-side"
STACKED = "stacked"

# The (title, body) sizes in points, largest first: VISITOR-DESIGN.md's 48 pt title over a
# 20–24 pt body, then smaller ones for texts too long for one page even so (the sheet then says
# so on screen, not on paper).
DESIGN_SIZES = ((48, 24), (48, 22), (48, 20))
SMALLER_SIZES = (
    (44, 19),
    (40, 18),
    (38, 17),
    (36, 16),
    (34, 15),
    (32, 14),
    (30, 13),
    (28, 12),
    (26, 11),
    (24, 10),
)
SIZES = (*DESIGN_SIZES, *SMALLER_SIZES)

# The page as labels.html lays it out, in points (1 mm = 2.835 pt).
MM = 72 / 25.4
PAGE_HEIGHT = 185.5 * MM
PAGE_WIDTH = 269 * MM
# The longest line of a body as wide as the page: 32 ems (some 75 characters), at least 215 mm.
MEASURE_EMS, MEASURE = 32, 215 * MM
CODE_HEIGHT = 13 * 1.3 + 5 * MM
QR_HEIGHT = 4 * MM + 26 * MM + 1 * MM + 11 * 1.3
COLUMN_GAP = 14.4 * MM
STACK_GAP = 11.4 * MM
TITLE_LEADING, TITLE_GAP = 1.05, 4 * MM
BODY_LEADING, PARAGRAPH_GAP = 1.3, 0.45
CAPTION_SIZE, CAPTION_LEADING, CAPTION_WIDTH = 14, 1.3, 205 * MM
LINE_FILL = 0.95  # room for bold words, and for how browsers round
SAFETY = 2 * MM


class LabelsExporter(Exporter):
    name = "labels"
    label = gettext_lazy("Label sheet, languages side by side (HTML to print)")
    content_type = "text/html; charset=utf-8"
    file_extension = ".html"
    layout = SIDE_BY_SIDE

    def write(self, records, stream):
        try:
            public_url("/")
        except ImproperlyConfigured:
            raise ExportError(
                gettext(
                    "The labels' QR codes need the site's public address: set PUBLIC_URL, "
                    "e.g. https://tarlo.museum.example."
                )
            ) from None
        contents = records.saved
        languages = [source_language(), *records.languages]
        panels = [panel_label(panel, contents, languages, self.layout) for panel in contents.panels]
        html = render_to_string(
            "exports/labels.html",
            {
                "exhibit": records.exhibit,
                "panels": panels,
                "layout": self.layout,
                "sizes": SIZES,
                "font_css": font_css(),
            },
        )
        stream.write(html.encode())


class StackedLabelsExporter(LabelsExporter):
    name = "labels-stacked"
    label = gettext_lazy("Label sheet, languages one above the other (HTML to print)")
    layout = STACKED


def panel_label(panel, contents, languages, layout):
    """What one label prints: the texts of the languages the panel has, its image's caption and
    credit, and its QR code."""
    names = dict(settings.LANGUAGES)
    source_body = getattr(panel, f"body_{languages[0]}") or ""
    texts = []
    for language in languages:
        title = getattr(panel, f"title_{language}") or ""
        body = getattr(panel, f"body_{language}") or ""
        # A language not yet translated is left out rather than printed as an empty column.
        if language == languages[0] or (title and (body or not source_body)):
            texts.append({"language": language, "name": names[language], "title": title, "body": body})
    image = contents.image_of(panel)
    captions = [
        {"language": text["language"], "text": getattr(image, f"caption_{text['language']}")}
        for text in texts
        if image is not None and getattr(image, f"caption_{text['language']}", "")
    ]
    credit = image_credit(image)
    title_size, body_size = text_sizes(texts, layout, [caption["text"] for caption in captions] + [credit])
    return {
        "code": panel.code,
        "texts": [{**text, "body": markup.to_html(text["body"])} for text in texts],
        "title_size": title_size,
        "body_size": body_size,
        "below_design_size": (title_size, body_size) not in DESIGN_SIZES,
        "captions": captions,
        "credit": credit,
        **qr_code(panel),
    }


def text_sizes(texts, layout, captions=()):
    """The largest (title, body) sizes in points at which `texts` (title and markup body by
    language) fit one page in `layout` over a foot holding `captions`; the smallest if none do.
    """
    for title_size, body_size in SIZES:
        height = texts_height(texts, layout, title_size, body_size)
        if CODE_HEIGHT + height + foot_height(captions) + SAFETY <= PAGE_HEIGHT:
            return title_size, body_size
    return SIZES[-1]


def texts_height(texts, layout, title_size, body_size):
    if layout == STACKED or len(texts) == 1:
        heights = [text_height(text, title_size, body_size, PAGE_WIDTH) for text in texts]
        return sum(heights) + STACK_GAP * (len(texts) - 1)
    width = (PAGE_WIDTH - COLUMN_GAP) / len(texts)
    return max(text_height(text, title_size, body_size, width) for text in texts)


def text_height(text, title_size, size, width):
    title = lines(text["title"], width / title_size, bold=True) * title_size * TITLE_LEADING + TITLE_GAP
    width = min(width, max(MEASURE_EMS * size, MEASURE))
    paragraphs = plain_paragraphs(text["body"])
    body = sum(lines(paragraph, width / size) for paragraph in paragraphs) * size * BODY_LEADING
    return title + body + len(paragraphs) * size * PARAGRAPH_GAP


def foot_height(captions):
    caption_lines = sum(lines(caption, CAPTION_WIDTH / CAPTION_SIZE) for caption in captions if caption)
    return max(QR_HEIGHT, 4 * MM + caption_lines * CAPTION_SIZE * CAPTION_LEADING)


@lru_cache(maxsize=4096)
def plain_paragraphs(body):
    """The paragraphs of markup `body` as plain text (each size tried measures them again)."""
    return [line for line in markup.to_plain_text(body).split("\n") if line.strip()]


def lines(text, width, *, bold=False):
    """How many lines `text` takes in a box `width` ems wide, set in the bold or regular face:
    words wrapped one after another as the browser does, a word wider than the box broken."""
    width *= LINE_FILL
    space = _word_width(" ", bold)
    count, used = 1, 0
    for word in text.split():
        word_width = _word_width(word, bold)
        if used and used + space + word_width > width:
            count, used = count + 1, 0
        if word_width > width:
            count += math.ceil(word_width / width) - 1
            word_width %= width
        used += (space if used else 0) + word_width
    return count


# The width of a word is a pure function of the word and the face; each size tried measures
# the same words again.
@lru_cache(maxsize=65536)
def _word_width(word, bold):
    widths = label_widths.BOLD if bold else label_widths.REGULAR
    return sum(widths.get(character, label_widths.UNLISTED) for character in word)


def qr_code(panel):
    """The panel's short address, as printed, and its QR code as inline SVG."""
    url = short_url(panel)
    code = segno.make(url, error="m", micro=False)
    return {
        "short_url": url.split("://", 1)[1],
        # segno writes only numbers and fixed names into the SVG: nothing of the panel's text.
        "qr_svg": mark_safe(code.svg_inline(omitsize=True, border=4, svgclass="qr", lineclass=None)),
    }


@cache
def font_css():
    """The site's @font-face rules with each font file inside them, as a data: address."""
    path = finders.find("site/fonts.css")
    with open(path, encoding="utf-8") as file:
        css = file.read()

    def embed(match):
        with open(finders.find(f"site/{match[1]}"), "rb") as font:
            data = base64.b64encode(font.read()).decode("ascii")
        return f'url("data:font/woff2;base64,{data}")'

    return mark_safe(re.sub(r'url\("(fonts/[\w.-]+\.woff2)"\)', embed, css))

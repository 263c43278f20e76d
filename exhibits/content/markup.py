"""The small markup of exhibit texts: paragraphs, *emphasis*, **strong** and lists.

Bullet lists start with "- "; numbered lists with "1) ". A line that starts "1956. október"
is an ordinary Hungarian date, never a list: "N." at the start of a line is kept as text.

It is a subset of Markdown with raw HTML, links and images switched off, so it cannot carry
HTML: whatever a curator types is escaped. Every renderer (web pages, exports) starts from
the same `parse()`.
"""

import re

from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

_markdown = MarkdownIt("zero", {"html": False}).enable(["emphasis", "list", "escape"])

_ORDINAL_AT_LINE_START = re.compile(r"^(\s*(?:[-*+]\s+)?\d+)\.(?=\s|$)", re.MULTILINE)
_WORD = re.compile(r"\w+(?:[-’'.]\w+)*")


def parse(text):
    """Return the markdown-it tokens of `text`."""
    return _markdown.parse(_ORDINAL_AT_LINE_START.sub(r"\1\\.", text or ""))


def to_html(text) -> SafeString:
    """Render `text` as HTML that is safe by construction."""
    return mark_safe(_markdown.renderer.render(parse(text), _markdown.options, {}))


def to_plain_text(text):
    """Return the words of `text` without markup, one paragraph or list item per line."""
    lines = []
    for token in parse(text):
        if token.type == "inline":
            lines.append("".join(child.content for child in token.children if child.type == "text"))
    return "\n".join(lines)


def word_count(text):
    """Count the words a visitor reads in `text`."""
    return count_words(to_plain_text(text))


def count_words(plain_text):
    """Count the words of text without markup."""
    return len(_WORD.findall(plain_text))

"""Glossary terms explained where they first appear on a page.

A term is found by its word and its other forms (one per line: "ÁVH-sok", "államvédelmisek"),
as whole words, case ignored, in the text of already rendered exhibit HTML (never inside a
tag). Its first appearance on the page becomes a link to the exhibit's glossary, described by
a note holding the definition: screen readers announce it with the link, sighted readers see it
when they point at or focus the word.
"""

import functools
import html
import re

from markupsafe import Markup, escape

from exhibits.site.rendering import plain_text, shown

_TAG = re.compile(r"(<[^>]*>)")


class Glossary:
    """The terms of one page; `mark()` the page's texts in the order they are printed."""

    def __init__(self, terms, *, url_of):
        """`terms`: GlossaryTerm objects; `url_of(term)`: the glossary page (with #anchor) or ""."""
        self.entries = {}
        forms = []
        for term in terms:
            word, lang = shown(term, "term")
            other_forms, _lang = shown(term, "other_forms")
            definition, definition_lang = shown(term, "definition")
            entry = {
                "id": f"term-{term.slug}",
                "url": url_of(term),
                "definition": plain_text(definition),
                "lang": definition_lang,
            }
            for form in [word, *other_forms.splitlines()]:
                form = form.strip()
                if form and form.casefold() not in self.entries:
                    self.entries[form.casefold()] = entry
                    forms.append(form)
        self.pattern = _pattern(tuple(forms))
        self.seen = set()
        self.language = None

    def mark(self, text_html, *, language):
        """`text_html` with the first appearance on this page of each term explained."""
        if self.pattern is None or not text_html:
            return text_html
        self.language = language
        parts = _TAG.split(str(text_html))
        for index in range(0, len(parts), 2):  # text between tags
            if parts[index]:
                parts[index] = self.pattern.sub(self._explained, parts[index])
        return Markup("".join(parts))

    def _explained(self, match):
        entry = self.entries[html.unescape(match.group(0)).casefold()]
        if entry["id"] in self.seen:
            return match.group(0)
        self.seen.add(entry["id"])
        lang = f' lang="{entry["lang"]}"' if entry["lang"] != self.language else ""
        word = match.group(0)
        note = (
            f'<span class="term-note" id="{entry["id"]}-note" role="tooltip"{lang}>'
            f"{escape(entry['definition'])}</span>"
        )
        if entry["url"]:
            return (
                f'<span class="term"><a class="term-word" href="{escape(entry["url"])}" '
                f'aria-describedby="{entry["id"]}-note">{word}</a>{note}</span>'
            )
        return f'<span class="term"><dfn class="term-word" tabindex="0" aria-describedby="{entry["id"]}-note">{word}</dfn>{note}</span>'


@functools.lru_cache(maxsize=64)
def _pattern(forms):
    """One regular expression finding any of `forms` as a whole word; longer forms first."""
    if not forms:
        return None
    alternatives = "|".join(
        re.escape(html.escape(form, quote=False)) for form in sorted(forms, key=len, reverse=True)
    )
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)

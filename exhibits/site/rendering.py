"""Work a visitor page needs done once, in Python, rather than again for every node of a template.

What is remembered is remembered under its whole input (a text, a slug and language), so it can
never be stale: a changed text is a new key.
"""

import functools

from django.template.loader import render_to_string
from django.urls import get_script_prefix, reverse
from django.utils import translation
from django.utils.translation import get_language
from modeltranslation.utils import resolution_order

from exhibits.content import markup
from exhibits.content.dates import format_event_when

DEFAULT_IMAGE_SIZES = "(min-width: 60em) 50vw, 100vw"


def shown(obj, field, language):
    """(text, lang) of translated `field` as visitors see it: `language`'s text, else the fallback's.

    The same rule as django-modeltranslation's fallbacks, with the language the text is really in,
    for the element's lang attribute.
    """
    for code in _resolution_order(language):
        text = getattr(obj, f"{field}_{code}", None)
        if text:
            return text, code
    return "", language


_resolution_order = functools.lru_cache(maxsize=None)(resolution_order)


def markup_html(text):
    """Exhibit markup as safe HTML."""
    return _markup_html(text or "")


# Rendering is a pure function of the text, so remembering it can never serve stale content.
@functools.lru_cache(maxsize=2048)
def _markup_html(text):
    return markup.to_html(text)


def detail_path(view_name, slug, language=None):
    """reverse(view_name, slug) in `language` (the active one by default), remembered per slug."""
    return _detail_path(get_script_prefix(), language or get_language(), view_name, slug)


@functools.lru_cache(maxsize=8192)
def _detail_path(script_prefix, language, view_name, slug):
    with translation.override(language):
        return reverse(view_name, kwargs={"slug": slug})


def event_when(event, language=None):
    """dates.format_event_when(event) in `language` (the active one by default)."""
    with translation.override(language or get_language()):
        return format_event_when(event)


def image_html(image, *, size="", sizes=DEFAULT_IMAGE_SIZES):
    """`image` through site/_image.html in the active language; "" for no image."""
    if image is None:
        return ""
    return render_to_string("site/_image.html", {"image": image, "size": size, "sizes": sizes})

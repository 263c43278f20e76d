"""Work a visitor page needs done once, in Python, rather than again for every node of a template.

Each helper remembers only what is a pure function of its arguments (text, slug, image field
values, language), so nothing remembered can ever be stale: a changed text or image is a new key.
"""

import functools
import json
from types import SimpleNamespace

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import get_script_prefix, reverse
from django.utils import translation
from django.utils.translation import get_language
from modeltranslation.utils import resolution_order

from exhibits.content import markup
from exhibits.content.dates import format_event_when
from exhibits.models import Image

DEFAULT_IMAGE_SIZES = "(min-width: 60em) 50vw, 100vw"
IMAGE_CACHE_LIMIT = 4096


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
    """dates.format_event_when(event) in `language` (the active one by default), remembered per
    language and the fields it reads."""
    language = language or get_language()
    return _event_when(
        language,
        event.start_date,
        event.start_time,
        event.end_date,
        event.precision,
        getattr(event, f"time_label_{language}", ""),
        event.is_approximate,
        event.is_uncertain,
    )


@functools.lru_cache(maxsize=8192)
def _event_when(
    language, start_date, start_time, end_date, precision, time_label, is_approximate, is_uncertain
):
    fields = {
        "start_date": start_date,
        "start_time": start_time,
        "precision": precision,
        "end_date": end_date,
        f"time_label_{language}": time_label,
        "is_approximate": is_approximate,
        "is_uncertain": is_uncertain,
    }
    with translation.override(language):
        return format_event_when(SimpleNamespace(**fields))


# Every field of an image that site/_image.html reads.
IMAGE_FIELDS = [
    "pk",
    "file",
    "width",
    "height",
    "focal_point_x",
    "focal_point_y",
    "credit",
    "licence",
    "renditions",
    *(f"{field}_{code}" for field in ("alt_text", "caption") for code, _name in settings.LANGUAGES),
]
_images = {}


def image_html(image, *, size="", sizes=DEFAULT_IMAGE_SIZES):
    """`image` through site/_image.html in the active language, rendered once per state of the image.

    `image` is an Image, or any object with its IMAGE_FIELDS (a file as its name). The key holds
    every one of them, so an edited text, a new file or new renditions render again; while
    renditions are still being made, nothing is kept.
    """
    if image is None:
        return ""
    key = _image_key(image, size, sizes)
    html = _images.get(key)
    if html is None:
        if not isinstance(image, Image):
            image = Image(**{("id" if name == "pk" else name): getattr(image, name) for name in IMAGE_FIELDS})
        html = render_to_string("site/_image.html", {"image": image, "size": size, "sizes": sizes})
        if key == _image_key(image, size, sizes):
            if len(_images) >= IMAGE_CACHE_LIMIT:
                _images.clear()
            _images[key] = html
    return html


def _image_key(image, size, sizes):
    values = [getattr(image, name) for name in IMAGE_FIELDS]
    values[IMAGE_FIELDS.index("file")] = str(values[IMAGE_FIELDS.index("file")] or "")
    values[IMAGE_FIELDS.index("renditions")] = json.dumps(
        values[IMAGE_FIELDS.index("renditions")], sort_keys=True
    )
    return (get_language(), size, sizes, *values)

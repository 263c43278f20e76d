"""Work a visitor page needs done once, in Python, rather than again for every node of a template.

Each helper remembers only what is a pure function of its arguments (text, slug, image field
values, language), so nothing remembered can ever be stale: a changed text or image is a new key.
"""

import functools
import json

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import get_script_prefix, reverse
from django.utils.translation import get_language
from modeltranslation.utils import resolution_order

from .. import markup

DEFAULT_IMAGE_SIZES = "(min-width: 60em) 50vw, 100vw"
IMAGE_CACHE_LIMIT = 4096


def shown(obj, field, language):
    """(text, lang) of translated `field` as visitors see it: `language`'s text, else the fallback's.

    The same rule as django-modeltranslation's fallbacks, with the language the text is really in,
    for the element's lang attribute.
    """
    for code in resolution_order(language):
        text = getattr(obj, f"{field}_{code}", None)
        if text:
            return text, code
    return "", language


def markup_html(text):
    """Exhibit markup as safe HTML."""
    return _markup_html(text or "")


@functools.lru_cache(maxsize=2048)
def _markup_html(text):
    return markup.to_html(text)


def detail_path(view_name, slug):
    """reverse(view_name, slug) in the active language, remembered per language and slug."""
    return _detail_path(get_script_prefix(), get_language(), view_name, slug)


@functools.lru_cache(maxsize=8192)
def _detail_path(script_prefix, language, view_name, slug):
    return reverse(view_name, kwargs={"slug": slug})


_images = {}


def image_html(image, *, size="", sizes=DEFAULT_IMAGE_SIZES):
    """`image` through exhibits/_image.html in the active language, rendered once per state of the image.

    The key holds every field the template reads, so an edited text, a new file or new renditions
    render again; while renditions are still being made, nothing is kept.
    """
    if image is None:
        return ""
    key = _image_key(image, size, sizes)
    html = _images.get(key)
    if html is None:
        html = render_to_string("exhibits/_image.html", {"image": image, "size": size, "sizes": sizes})
        if key == _image_key(image, size, sizes):
            if len(_images) >= IMAGE_CACHE_LIMIT:
                _images.clear()
            _images[key] = html
    return html


def _image_key(image, size, sizes):
    return (
        get_language(),
        size,
        sizes,
        image.pk,
        image.file.name,
        image.width,
        image.height,
        image.focal_point_x,
        image.focal_point_y,
        image.credit,
        image.licence,
        *(getattr(image, f"{field}_{code}") for field in ("alt_text", "caption") for code, _name in settings.LANGUAGES),
        json.dumps(image.renditions, sort_keys=True),
    )


"""Work a visitor page needs done once, in Python, rather than again for every node of a template.

What is remembered is remembered under its whole input (a text; every argument of a pure
function), so it can never be stale: a changed text is a new key.
"""

import functools
import re

import orjson
from django.conf import settings
from django.templatetags.static import static
from django.urls import get_script_prefix, reverse
from django.utils import formats, translation
from django.utils.translation import get_language, gettext
from markupsafe import Markup
from modeltranslation.utils import resolution_order

from exhibits.content import images, markup
from exhibits.content.dates import format_event_time, format_event_when

DEFAULT_IMAGE_SIZES = "(min-width: 60em) 44rem, 100vw"
DESCRIPTION_LENGTH = 160
ROMAN_MONTHS = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def remember(memo, key, compute, *, limit=4096):
    """memo[key], computed once with `compute()`; `memo` forgets everything once it holds `limit`
    entries. Only for what `key` holds the whole input of, so that it can never be stale."""
    value = memo.get(key)
    if value is None:
        if len(memo) >= limit:
            memo.clear()
        value = memo[key] = compute()
    return value


def active_language():
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def shown(obj, field, language=None):
    """(text, lang) of translated `field` as visitors see it: `language`'s text, else the fallback's.

    The same rule as django-modeltranslation's fallbacks, with the language the text is really in,
    for the element's lang attribute.
    """
    language = language or active_language()
    for name, code in _fields_in_order(field, language):
        text = getattr(obj, name, None)
        if text:
            return text, code
    return "", language


@functools.lru_cache(maxsize=1024)
def _fields_in_order(field, language):
    """(attribute, language) of translated `field`, `language` first and then its fallbacks."""
    return tuple((f"{field}_{code}", code) for code in resolution_order(language))


_LANG_ATTRIBUTES = {}


def lang_attr(lang, page_language=None):
    """` lang="…"` for text in `lang` on a page in another language (the active one by default);
    "" on a page in `lang`."""
    if lang == (page_language or active_language()):
        return ""
    if lang not in _LANG_ATTRIBUTES:
        _LANG_ATTRIBUTES[lang] = Markup(' lang="{}"').format(lang)
    return _LANG_ATTRIBUTES[lang]


def text_lang(obj, field):
    """The language `obj`'s translated `field` is shown in: the active one, or its fallback."""
    return shown(obj, field)[1]


# A static file's address is a pure function of its name once the files are collected.
static_url = functools.lru_cache(maxsize=256)(static)


def markup_html(text):
    """Exhibit markup as safe HTML."""
    return _markup_html(text or "")


# Rendering is a pure function of the text, so remembering it can never serve stale content.
@functools.lru_cache(maxsize=4096)
def _markup_html(text):
    return markup.to_html(text)


@functools.lru_cache(maxsize=4096)
def plain_text(text):
    """The words of exhibit markup `text`, paragraphs joined by spaces."""
    return " ".join(line.strip() for line in markup.to_plain_text(text or "").splitlines() if line.strip())


def description(text, length=DESCRIPTION_LENGTH):
    """The first words of markup `text`, at most `length` characters, for a meta description."""
    words = plain_text(text)
    if len(words) <= length:
        return words
    return words[: length - 1].rsplit(" ", 1)[0].rstrip(",;:–-") + "…"


_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[A-ZÁÉÍÓÖŐÚÜŰ„“])")


def pull_quote(text, *, words=28):
    """The first sentence of markup `text`, if it is short enough to set large; else ""."""
    first = _SENTENCE_END.split(plain_text(text), maxsplit=1)[0]
    return first if 3 <= len(first.split()) <= words else ""


def detail_path(view_name, slug, language=None, prefix=None):
    """reverse(view_name, slug) in `language` (the active one by default) under the script `prefix`
    (this request's by default), remembered per slug. A page making many passes both: each lookup
    of a request's language or prefix costs as much as the rest of this."""
    return _detail_path(prefix or get_script_prefix(), language or active_language(), view_name, slug)


@functools.lru_cache(maxsize=8192)
def _detail_path(script_prefix, language, view_name, slug):
    with translation.override(language):
        return reverse(view_name, kwargs={"slug": slug})


def named_path(view_name, language=None, prefix=None):
    """reverse(view_name), for a view without arguments, in `language` (the active one by default)
    under the script `prefix` (this request's by default), remembered."""
    return _named_path(prefix or get_script_prefix(), language or active_language(), view_name)


@functools.lru_cache(maxsize=256)
def _named_path(script_prefix, language, view_name):
    with translation.override(language):
        return reverse(view_name)


def event_when(event, language=None):
    """dates.format_event_when(event) in `language` (the active one by default), remembered per
    every value it reads."""
    return _event_when(
        language or active_language(),
        event.start_date,
        event.start_time,
        event.end_date,
        event.precision,
        getattr(event, "time_label_hu", ""),
        getattr(event, "time_label_en", ""),
        event.is_approximate,
        event.is_uncertain,
    )


class _EventValues:
    __slots__ = (
        "start_date",
        "start_time",
        "end_date",
        "precision",
        "time_label_hu",
        "time_label_en",
        "is_approximate",
        "is_uncertain",
    )

    def __init__(self, *values):
        for name, value in zip(self.__slots__, values, strict=True):
            setattr(self, name, value)


@functools.lru_cache(maxsize=8192)
def _event_when(language, *values):
    with translation.override(language):
        return format_event_when(_EventValues(*values))


def event_time(event, language=None):
    """dates.format_event_time(event) in `language`: the time of day of `event` as the sources
    put it, or "", remembered per every value it reads."""
    language = language or active_language()
    return _event_time(
        language, event.start_time, event.precision, getattr(event, f"time_label_{language}", "")
    )


@functools.lru_cache(maxsize=8192)
def _event_time(language, start_time, precision, time_label):
    values = _EventValues(None, start_time, None, precision, time_label, time_label, False, False)
    return format_event_time(values, language)


def short_day(day, language=None):
    """A day as the day strip and panel bands show it: "X. 23." / "23 Oct"."""
    return _short_day(day, language or active_language())


@functools.lru_cache(maxsize=1024)
def _short_day(day, language):
    if language == "hu":
        return f"{ROMAN_MONTHS[day.month]}. {day.day}."
    with translation.override(language):
        return formats.date_format(day, "j M")


def short_days(first, last, language=None):
    """Two days as a panel band shows them: "X. 23–24." / "23–24 Oct"; one day as `short_day`."""
    language = language or active_language()
    if first == last:
        return short_day(first, language)
    if first.month != last.month:
        return f"{short_day(first, language)} – {short_day(last, language)}"
    if language == "hu":
        return f"{ROMAN_MONTHS[first.month]}. {first.day}–{last.day}."
    with translation.override(language):
        return f"{first.day}–{last.day} {formats.date_format(first, 'M')}"


def short_month(day, language=None):
    """The month of a day as the day strip marks it: "X." / "Oct"."""
    language = language or active_language()
    if language == "hu":
        return f"{ROMAN_MONTHS[day.month]}."
    with translation.override(language):
        return formats.date_format(day, "M")


def long_day(day, language=None):
    return _long_day(day, language or active_language())


@functools.lru_cache(maxsize=1024)
def _long_day(day, language):
    with translation.override(language):
        return formats.date_format(day, "DATE_FORMAT")


def period(start, end, language=None):
    """An exhibit's period: "1956. október 23. – november 4." / "23 October – 4 November 1956"."""
    return _period(start, end, language or active_language())


@functools.lru_cache(maxsize=256)
def _period(start, end, language):
    with translation.override(language):
        if start.year != end.year:
            return f"{formats.date_format(start, 'DATE_FORMAT')} – {formats.date_format(end, 'DATE_FORMAT')}"
        if language == "hu":
            return f"{formats.date_format(start, 'DATE_FORMAT')} – {formats.date_format(end, 'F j.')}"
        return f"{formats.date_format(start, 'j F')} – {formats.date_format(end, 'DATE_FORMAT')}"


def coordinates(latitude, longitude, language=None):
    """Coordinates as visitors write them: "47.5102° N, 19.0376° E" / "é. sz. 47,5102°, k. h. 19,0376°"."""
    return _coordinates(float(latitude), float(longitude), language or active_language())


@functools.lru_cache(maxsize=2048)
def _coordinates(latitude, longitude, language):
    with translation.override(language):
        north = formats.number_format(abs(latitude), 4, use_l10n=True)
        east = formats.number_format(abs(longitude), 4, use_l10n=True)
        latitude_text = (gettext("%(degrees)s° N") if latitude >= 0 else gettext("%(degrees)s° S")) % {
            "degrees": north
        }
        longitude_text = (gettext("%(degrees)s° E") if longitude >= 0 else gettext("%(degrees)s° W")) % {
            "degrees": east
        }
        return f"{latitude_text}, {longitude_text}"


def image_html(image, *, size="", sizes=DEFAULT_IMAGE_SIZES, lazy=True):
    """`image` as <figure> with its responsive <picture>, caption and credit; "" for no image.

    Remembered per every value of the image it prints and every argument, in the active language.
    """
    if image is None or not image.file:
        return ""
    key = (active_language(), size, sizes, lazy, *image_values(image))
    return remember(_IMAGE_HTML, key, lambda: _image_html(image, size=size, sizes=sizes, lazy=lazy))


def _image_html(image, *, size, sizes, lazy):
    from django.template import engines  # the engines are set up after this module is imported

    template = engines["jinja2"].env.get_template("site/_image.html")
    return Markup(template.render(image=image, picture=picture(image, size=size, sizes=sizes, lazy=lazy)))


_IMAGE_HTML = {}


def image_values(image):
    """Every value of `image` a page prints: with the language, the whole input of its HTML."""
    return (
        image.file.name,
        image.width,
        image.height,
        image.credit,
        image.licence,
        orjson.dumps(image.renditions),
        *[getattr(image, name) for name in _translated_attributes(type(image))],
    )


@functools.lru_cache(maxsize=64)
def _translated_attributes(model):
    return tuple(f"{name}_{code}" for name in model.translated_fields for code, _name in settings.LANGUAGES)


def picture(image, *, sizes="100vw", size="", lazy=True):
    """What a <picture> of `image` needs: srcsets in WebP and the image's format, fallback src,
    size, alt text with its lang. With `size` (a name from TARLO_IMAGE_RENDITIONS) it is one file
    of that size instead: kiosks know their screen and keep exactly the files they show offline."""
    alt, alt_lang = shown(image, "alt_text")
    base = {"alt": alt, "alt_lang": alt_lang, "lazy": lazy, "sizes": sizes, "srcset": "", "webp_srcset": ""}
    # Renditions are made when the image is saved (exhibits.content.signals), never while a page renders.
    if size:
        rendition = images.sized(image, size)
        return base | {
            "src": images.sized_url(image, size),
            "width": rendition["width"] if rendition else image.width,
            "height": rendition["height"] if rendition else image.height,
        }
    by_format = {}
    renditions = [r for r in image.renditions if r["source"] == image.file.name]
    for rendition in sorted(renditions, key=lambda item: item["width"]):
        by_format.setdefault(rendition["format"], []).append(rendition)
    fallback_format = next((name for name in by_format if name != "WEBP"), "WEBP")
    fallback = by_format.get(fallback_format, [])
    largest = fallback[-1] if fallback else None
    return base | {
        "webp_srcset": _srcset(image, by_format.get("WEBP", [])) if fallback_format != "WEBP" else "",
        "srcset": _srcset(image, fallback),
        "src": images.rendition_url(image, fallback[min(1, len(fallback) - 1)])
        if fallback
        else image.file.url,
        "width": largest["width"] if largest else image.width,
        "height": largest["height"] if largest else image.height,
    }


def image_url(image, size="large"):
    """One address of `image` at `size`, for Open Graph cards; "" for no image."""
    if image is None or not image.file:
        return ""
    return images.sized_url(image, size)


def _srcset(image, renditions):
    return ", ".join(
        f"{images.rendition_url(image, rendition)} {rendition['width']}w" for rendition in renditions
    )

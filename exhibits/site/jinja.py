"""The Jinja2 environment of the visitors' pages (exhibits/site/jinja2/).

Autoescaping is on (Django's Jinja2 backend turns it on); `_()`, `gettext()` and `ngettext()` are
Django's own translations (`_()` remembered per language), so `makemessages` and the Hungarian
catalogue serve both engines; `static()` and `url()` are Django's.
"""

import functools
from typing import NamedTuple

from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.translation import get_language_info, gettext, ngettext, pgettext
from jinja2 import Environment, pass_context, pass_environment
from markupsafe import Markup

from exhibits.site import places as places_module
from exhibits.site import rendering


def environment(**options):
    env = Environment(**{"extensions": ["jinja2.ext.i18n"], **options})
    env.install_gettext_callables(gettext, ngettext, newstyle=True)
    env.globals.update(
        _=_translated,
        static=rendering.static_url,
        url=url,
        pgettext=pgettext,
        language=rendering.active_language,
        language_versions=language_versions,
        lang_of=rendering.text_lang,
        lang_attr=_lang_attr,
        shown=rendering.shown,
        image=rendering.image_html,
        map_settings=places_module.map_settings,
        remembered=remembered,
        place_map=place_map,
    )
    env.filters.update(
        markup=rendering.markup_html,
        event_when=rendering.event_when,
        short_day=rendering.short_day,
        coordinates=rendering.coordinates,
        plain=rendering.plain_text,
    )
    return env


@pass_context
def _translated(context, message):
    """`_("…")`: Django's translation of `message`, safe as newstyle gettext makes it, worked out
    once per language (the catalogues are loaded once per process)."""
    return _translation(message, context.get("page_language") or rendering.active_language())


@functools.lru_cache(maxsize=2048)
def _translation(message, language):
    with translation.override(language):
        return Markup(gettext(message))


@pass_context
def _lang_attr(context, lang):
    """rendering.lang_attr on a page whose view named its language (`page_language`)."""
    return rendering.lang_attr(lang, context.get("page_language"))


@pass_environment
def remembered(env, template_name, **values):
    """`template_name` rendered with `values` alone, remembered per every value and the page's
    language (`page_language` among them, else the active one): a pure function of them, as
    rendering.markup_html is of its text, so a changed text is a new key and never a stale part.
    For the parts a page repeats (its panels) or every page has (the site's header and footer).

    The values must be values: text, numbers, dates and tuples of them (NamedTuple views), so
    that they are their own key. A field holds HTML or text, never one or the other by turns,
    so that HTML is never taken for the same text escaped.
    """
    language = values.get("page_language") or rendering.active_language()
    key = (template_name, language, *sorted(values.items()))
    return rendering.remember(
        _REMEMBERED, key, lambda: Markup(env.get_template(template_name).render(values))
    )


_REMEMBERED = {}


@pass_context
def place_map(context, places, map_id):
    """The map of `places` with their list (site/_place_map.html), remembered."""
    return remembered(
        context.environment,
        "site/_place_map.html",
        places=tuple(places),
        id=map_id,
        map=places_module.map_settings(),
        preview_query=context.get("preview_query", ""),
        page_language=context.get("page_language"),
    )


@pass_context
def url(context, name, *args, **kwargs):
    """Django's reverse(); a view without arguments in the page's language and script prefix, as
    its view looked them up (`page_language`, `script_prefix`), remembered."""
    if args or kwargs:
        return reverse(name, args=args or None, kwargs=kwargs or None)
    return rendering.named_path(name, context.get("page_language"), context.get("script_prefix"))


class Version(NamedTuple):
    """A page in one language; values, so that it can key a remembered fragment."""

    code: str
    name: str  # in that language
    path: str
    url: str  # absolute
    is_current: bool


def language_versions(request):
    """This page in every language."""
    query = request.META.get("QUERY_STRING", "")
    current = rendering.active_language()
    versions = []
    for code, _name in settings.LANGUAGES:
        path = _translated_path(request.path, code)
        if query:
            path = f"{path}?{query}"
        versions.append(
            Version(
                code=code,
                name=get_language_info(code)["name_local"].capitalize(),
                path=path,
                url=request.build_absolute_uri(path),
                is_current=code == current,
            )
        )
    return tuple(versions)


@functools.lru_cache(maxsize=4096)
def _translated_path(path, code):
    return translate_url(path, code)

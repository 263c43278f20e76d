"""The Jinja2 environment of the visitors' pages (exhibits/site/jinja2/).

Autoescaping is on (Django's Jinja2 backend turns it on); `_()`, `gettext()` and `ngettext()` are
Django's own translations through Jinja2's i18n extension, so `makemessages` and the Hungarian
catalogue serve both engines; `static()` and `url()` are Django's.
"""

import functools

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse, translate_url
from django.utils.translation import get_language_info, gettext, ngettext, pgettext
from jinja2 import Environment, pass_context

from exhibits.site import places, rendering


def environment(**options):
    env = Environment(**{"extensions": ["jinja2.ext.i18n"], **options})
    env.install_gettext_callables(gettext, ngettext, newstyle=True)
    env.globals.update(
        static=_static,
        url=url,
        pgettext=pgettext,
        language=rendering.active_language,
        language_versions=language_versions,
        lang_of=rendering.text_lang,
        lang_attr=_lang_attr,
        shown=rendering.shown,
        image=rendering.image_html,
        map_settings=places.map_settings,
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
def _lang_attr(context, lang):
    """rendering.lang_attr on a page whose view named its language (`page_language`)."""
    return rendering.lang_attr(lang, context.get("page_language"))


# A static file's address is a pure function of its name once the files are collected.
_static = functools.lru_cache(maxsize=256)(static)


def url(name, *args, **kwargs):
    return reverse(name, args=args or None, kwargs=kwargs or None)


def language_versions(request):
    """This page in every language: code, local name, path, absolute url and whether it is this one."""
    query = request.META.get("QUERY_STRING", "")
    current = rendering.active_language()
    versions = []
    for code, _name in settings.LANGUAGES:
        path = _translated_path(request.path, code)
        if query:
            path = f"{path}?{query}"
        versions.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"].capitalize(),
                "path": path,
                "url": request.build_absolute_uri(path),
                "is_current": code == current,
            }
        )
    return versions


@functools.lru_cache(maxsize=4096)
def _translated_path(path, code):
    return translate_url(path, code)

"""Template helpers of the public site and kiosks."""

import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import translate_url
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info

from exhibits.content.dates import format_event_when
from exhibits.site.rendering import markup_html

register = template.Library()

_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def markup(text):
    """Render exhibit markup as safe HTML."""
    return markup_html(text)


@register.filter
def event_when(event):
    return format_event_when(event)


@register.filter
def text_lang(obj, field):
    """The language a translated field is shown in: the active one, or the fallback when empty."""
    language = get_language()
    if getattr(obj, f"{field}_{language}", None):
        return language
    return settings.MODELTRANSLATION_DEFAULT_LANGUAGE


@register.filter
def json_ld(data):
    """Serialise `data` for a <script type="application/ld+json"> element, safely."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=None)
    return mark_safe(text.translate(_JSON_SCRIPT_ESCAPES))


@register.simple_tag(takes_context=True)
def language_versions(context):
    """This page in every language: dicts with code, name, path and absolute url."""
    request = context["request"]
    query = request.META.get("QUERY_STRING", "")
    versions = []
    for code, _name in settings.LANGUAGES:
        path = translate_url(request.path, code)
        if query:
            path = f"{path}?{query}"
        versions.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "path": path,
                "url": request.build_absolute_uri(path),
                "is_current": code == get_language(),
            }
        )
    return versions

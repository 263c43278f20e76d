"""The API's own kinds of values: language maps, links to the public pages, authority links."""

import functools

from django.conf import settings
from django.urls import get_script_prefix, reverse
from django.utils import translation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from exhibits.content.fields import is_markup
from exhibits.site.jsonld import same_as
from exhibits.site.rendering import markup_html


def languages():
    return [code for code, _name in settings.LANGUAGES]


def _language_map(name, child):
    return type(name, (serializers.Serializer,), {code: child() for code in languages()})


# How the schema describes a language map: one key for each language of settings.LANGUAGES.
LanguageMap = _language_map("LanguageMap", lambda: serializers.CharField(allow_null=True))
PageLinks = _language_map("PageLinks", serializers.URLField)


@extend_schema_field(LanguageMap)
class LanguageMapField(serializers.Field):
    """A translated text as {"hu": …, "en": …}: null where a language has no text.

    With `html`, the text is markup (exhibits.content.markup) and each language is rendered as HTML.
    """

    def __init__(self, *, field, html=False, **kwargs):
        self.field, self.html = field, html
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        texts = {code: getattr(obj, f"{self.field}_{code}", None) or None for code in languages()}
        if self.html:
            return {code: str(markup_html(text)) if text else None for code, text in texts.items()}
        return texts


def texts(model):
    """The names under which the API shows `model`'s translated fields: each, and after a markup
    field its HTML as `<name>_html`."""
    names = []
    for name in model.translated_fields:
        names.append(name)
        if is_markup(model, name):
            names.append(f"{name}_html")
    return names


@extend_schema_field(OpenApiTypes.URI)
class ApiUrlField(serializers.Field):
    """The object's absolute address in this API: the router's `<kind>-detail` by its id."""

    def __init__(self, kind, **kwargs):
        self.view_name = f"api:{kind}-detail"
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        path = _detail_path_template(get_script_prefix(), self.view_name).format(pk=obj.pk)
        return self.context["request"].build_absolute_uri(path)


@functools.lru_cache(maxsize=64)
def _detail_path_template(script_prefix, view_name):
    """The path of `view_name` with `{pk}` for the id: reversed once, not for every object of a
    list (reversing was most of a list's time). A detail path ends with the id and a slash."""
    return reverse(view_name, kwargs={"pk": 1}).removesuffix("1/") + "{pk}/"


@extend_schema_field(PageLinks)
class PageField(serializers.Field):
    """The object's public page in each language, as absolute URLs; `path(obj, language)` gives
    the path, or None for an object without a page (then the field is null)."""

    def __init__(self, path, **kwargs):
        self.path = path
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        request = self.context["request"]
        paths = {code: self.path(obj, code) for code in languages()}
        if None in paths.values():
            return None
        return {code: request.build_absolute_uri(path) for code, path in paths.items()}


@extend_schema_field({"type": "array", "items": {"type": "string", "format": "uri"}})
class SameAsField(serializers.Field):
    """The same thing in the authority files: Wikidata, and for places GeoNames."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        return same_as(obj)  # as in the pages' JSON-LD


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class LinesField(serializers.Field):
    """Text of one item a line, as a list of the lines that are not empty."""

    def to_representation(self, value):
        return [line.strip() for line in (value or "").splitlines() if line.strip()]


@extend_schema_field(LanguageMap)
class InEachLanguageField(serializers.Field):
    """What `function(obj)` says in each language: a date as its readers write it, a label."""

    def __init__(self, function, **kwargs):
        self.function = function
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        said = {}
        for code in languages():
            with translation.override(code):
                said[code] = str(self.function(obj)) or None
        return said


class OptionalCharField(serializers.CharField):
    """A text that may be left empty: null then, rather than ""."""

    def __init__(self, **kwargs):
        super().__init__(allow_null=True, read_only=True, **kwargs)

    def to_representation(self, value):
        return str(value) if value else None


@extend_schema_field(
    {
        "type": "string",
        "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$",
        "nullable": True,
        "description": "HH:MM, the local time of the place the sources give (no time zone).",
    }
)
class LocalTimeField(serializers.TimeField):
    """A time of day as the sources give it: local, without a time zone, to the minute."""

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", allow_null=True, read_only=True, **kwargs)

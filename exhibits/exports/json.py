"""JSON: the whole exhibit, to move it between sites (`manage.py import_exhibit` reads it back).

The shape, version 2:

    {
      "format": "tarlo-exhibit", "version": 2, "source_language": "hu", "languages": ["hu", "en"],
      "images": [...], "sources": [...], "glossary": [...], "places": [...], "figures": [...],
      "events": [...], "exhibit": {...}, "panels": [...]
    }

Each object holds its model's editable fields, named as the model names them: a translated text
is an object of language code → text (or null); a date is ISO 8601; a link to another object,
one or many, is that object's reference: its slug, a panel's label code, an image's "id" in
this file. Each object with translations also keeps `translated_from`, the record of the source
text each translation was written from, so translation states survive the move. Image files
are not included: an image's "file" is its name in media storage, to be copied alongside.

What the file holds, and its order, come from the models themselves (`KINDS`, `serialise()`):
a field added to a model is exported and imported without an edit here. Version 1 files (the
same shape without the glossary) are still read.
"""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy

from exhibits.content.models import Event, Exhibit, Figure, GlossaryTerm, Image, Panel, Place, Source
from exhibits.exports.base import Exporter
from exhibits.translations.state import source_language

FORMAT_NAME = "tarlo-exhibit"
VERSION = 2
READABLE_VERSIONS = {1, 2}

# In the order an import creates them: each refers only to kinds before it. (The exhibit is one
# object, not a list; panels belong to it.)
KINDS = [
    ("images", Image),
    ("sources", Source),
    ("glossary", GlossaryTerm),
    ("places", Place),
    ("figures", Figure),
    ("events", Event),
    ("exhibit", Exhibit),
    ("panels", Panel),
]
# Implied by where the object is in the file.
IMPLIED = {(Panel, "exhibit")}


def languages():
    return [code for code, _name in settings.LANGUAGES]


def reference(model, obj):
    """How the file refers to `obj`: an image by its id, a panel by its code, anything else by slug."""
    if model is Image:
        return obj.pk
    return obj.code if model is Panel else obj.slug


def exported_fields(model):
    """The fields of `model` the file holds: editable, not the key, each translated text once,
    and an image's dimensions (so that it is imported before its file is copied)."""
    translated = set(getattr(model, "translated_fields", ()))
    localized = {f"{name}_{code}" for name in translated for code in languages()}
    dimensions = {
        name
        for field in model._meta.concrete_fields
        if isinstance(field, models.ImageField)
        for name in (field.width_field, field.height_field)
        if name
    }
    return [
        field
        for field in [*model._meta.concrete_fields, *model._meta.many_to_many]
        if (field.editable or field.name in dimensions)
        and not field.primary_key
        and field.name not in localized
        and (model, field.name) not in IMPLIED
    ]


def serialise(obj, references):
    """The exported fields of `obj`; `references` maps (model, pk) to a linked object's reference."""
    model = type(obj)
    translated = set(getattr(model, "translated_fields", ()))
    data = {}
    for field in exported_fields(model):
        if field.name in translated:
            data[field.name] = {code: getattr(obj, f"{field.name}_{code}") for code in languages()}
        elif field.many_to_many:
            data[field.name] = sorted(
                references[(field.related_model, pk)] for pk in references.linked(obj, field.name)
            )
        elif field.many_to_one:
            pk = getattr(obj, field.attname)
            data[field.name] = references[(field.related_model, pk)] if pk is not None else None
        elif isinstance(field, models.FileField):
            data[field.name] = getattr(obj, field.name).name
        else:
            data[field.name] = field.value_from_object(obj)
    if translated:
        data["translated_from"] = obj.translated_from
    if model is Image:
        data["id"] = obj.pk
    return data


class References(dict):
    """(model, pk) → reference of every object of an exhibit's contents, and their links."""

    def __init__(self, contents):
        super().__init__()
        self.contents = contents
        for obj in contents.objects():
            self[(type(obj), obj.pk)] = reference(type(obj), obj)

    def linked(self, obj, name):
        return [item.pk for item in self.contents.linked(obj, name)]


class JsonExporter(Exporter):
    name = "json"
    label = gettext_lazy("JSON (the whole exhibit)")
    content_type = "application/json"
    file_extension = ".json"

    def write(self, records, stream):
        contents = records.saved
        references = References(contents)
        objects = {
            Image: list(contents.images.values()),
            Source: contents.sources,
            GlossaryTerm: contents.glossary,
            Place: contents.places,
            Figure: contents.figures,
            Event: contents.events,
            Panel: contents.panels,
        }
        document = {
            "format": FORMAT_NAME,
            "version": VERSION,
            "source_language": source_language(),
            "languages": languages(),
        }
        for key, model in KINDS:
            if model is Exhibit:
                document[key] = serialise(contents.exhibit, references)
            else:
                document[key] = [serialise(obj, references) for obj in objects[model]]
        stream.write(json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1).encode())

"""JSON: the whole exhibit, to move it between sites (`manage.py import_exhibit` reads it back).

The shape, version 1 (every translated text is an object of language code → text or null; dates are
ISO 8601; objects refer to each other by slug, panels by label code, images by their "id"
in this file):

    {
      "format": "tarlo-exhibit", "version": 1, "source_language": "hu", "languages": ["hu", "en"],
      "exhibit": {"slug", "status", "period_start", "period_end", "image", "title", "introduction",
                  "translated_from"},
      "panels": [{"code", "order", "status", "image", "events", "figures", "places", "sources",
                  "title", "body", "translated_from"}],
      "events": [{"slug", "status", "category", "start_date", "start_time", "end_date", "end_time",
                  "precision", "is_approximate", "is_uncertain", "place", "figures", "sources",
                  "title", "summary", "time_label", "translated_from"}],
      "figures": [{"slug", "status", "other_names", "born", "died", "portrait",
                   "name", "sort_name", "role", "biography", "translated_from"}],
      "places": [{"slug", "status", "latitude", "longitude", "name", "description", "translated_from"}],
      "sources": [{"slug", "citation", "url", "note"}],
      "images": [{"id", "file", "width", "height", "credit", "licence", "focal_point_x",
                  "focal_point_y", "alt_text", "caption", "translated_from"}]
    }

`translated_from` keeps each translation's record of the source text it was written from,
so translation states survive the move. Image files themselves are not included: "file" is
the name in media storage, to be copied alongside.
"""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.translation import gettext_lazy

from exhibits.exports.base import Exporter
from exhibits.models import Event, Exhibit, Figure, Image, Panel, Place, Source
from exhibits.translations.state import source_language, translated_fields

FORMAT_NAME = "tarlo-exhibit"
VERSION = 1

# The plain (not translated, not related) fields of each kind, in the order they are written.
FIELDS = {
    Exhibit: ["slug", "status", "period_start", "period_end"],
    Panel: ["code", "order", "status"],
    Event: [
        "slug",
        "status",
        "category",
        "start_date",
        "start_time",
        "end_date",
        "end_time",
        "precision",
        "is_approximate",
        "is_uncertain",
    ],
    Figure: ["slug", "status", "other_names", "born", "died"],
    Place: ["slug", "status", "latitude", "longitude"],
    Source: ["slug", "citation", "url", "note"],
    Image: ["width", "height", "credit", "licence", "focal_point_x", "focal_point_y"],
}


def languages():
    return [code for code, _name in settings.LANGUAGES]


def serialise(obj):
    """The plain and translated fields of `obj`, as the shape above names them."""
    model = type(obj)
    data = {field: getattr(obj, field) for field in FIELDS[model]}
    if model is not Source:
        for field in translated_fields(model):
            data[field] = {code: getattr(obj, f"{field}_{code}") for code in languages()}
        data["translated_from"] = obj.translated_from
    return data


def slugs(related):
    return sorted(obj.slug for obj in related.all())


class JsonExporter(Exporter):
    name = "json"
    label = gettext_lazy("JSON (the whole exhibit)")
    content_type = "application/json"
    file_extension = ".json"

    def write(self, records, stream):
        document = {
            "format": FORMAT_NAME,
            "version": VERSION,
            "source_language": source_language(),
            "languages": languages(),
            "exhibit": {**serialise(records.exhibit), "image": records.exhibit.image_id},
            "panels": [self.panel(panel) for panel in records.panels()],
            "events": [self.event(event) for event in records.events().order_by("pk")],
            "figures": [
                {**serialise(figure), "portrait": figure.portrait_id}
                for figure in records.figures().order_by("pk")
            ],
            "places": [serialise(place) for place in records.places().order_by("pk")],
            "sources": [serialise(source) for source in records.sources().order_by("pk")],
            "images": [
                {"id": image.pk, "file": image.file.name, **serialise(image)} for image in records.images()
            ],
        }
        stream.write(json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1).encode())

    def panel(self, panel):
        return {
            **serialise(panel),
            "image": panel.image_id,
            "events": slugs(panel.events),
            "figures": slugs(panel.figures),
            "places": slugs(panel.places),
            "sources": slugs(panel.sources),
        }

    def event(self, event):
        return {
            **serialise(event),
            "place": event.place.slug if event.place else None,
            "figures": slugs(event.figures),
            "sources": slugs(event.sources),
        }

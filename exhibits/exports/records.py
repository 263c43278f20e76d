"""What an export of an exhibit holds, apart from how each format writes it.

`exhibit_records()` is the one place that decides which objects and texts belong to an
exhibit: its panels in order, and every event, figure, place, source and image they link to
(directly, or through a linked event). Panels and text units are produced lazily, a chunk of
rows at a time, so that formats which stream keep a flat memory profile.

The text units are what translators work on, so they hold what will be published: for
published content with a pending draft (exhibits.drafts), the draft's text. That is also what
an import of translations checks against and writes into (exhibits.services.translations).
"""

import hashlib
from dataclasses import dataclass
from functools import cached_property

from django.db.models import Q

from exhibits.content import fields, markup
from exhibits.editorial import drafts
from exhibits.models import Event, Exhibit, Figure, Image, Panel, Place, Source
from exhibits.translations.state import source_text, state, target_languages, target_text, translated_fields

CHUNK_SIZE = 500


# The models whose texts are translated, by the name used in text unit ids.
TRANSLATED_MODELS = {model._meta.model_name: model for model in [Exhibit, Panel, Event, Figure, Place, Image]}


def text_hash(text):
    """A short fingerprint of `text`, to tell later whether it has changed."""
    return hashlib.sha256((text or "").encode()).hexdigest()[:20]


def unit_id(obj, field):
    """The stable id of `obj`'s `field`, e.g. "panel/12/body"."""
    return f"{obj._meta.model_name}/{obj.pk}/{field}"


@dataclass(frozen=True)
class TextUnit:
    """One translatable text: a field of an object, in every language."""

    obj: object
    field: str

    @property
    def id(self):
        return unit_id(self.obj, self.field)

    @property
    def kind(self):
        return str(self.obj._meta.verbose_name)

    @property
    def label(self):
        return str(self.obj)

    @property
    def field_label(self):
        return str(self.obj._meta.get_field(self.field).verbose_name)

    @property
    def is_markup(self):
        return fields.is_markup(type(self.obj), self.field)

    @property
    def source(self):
        return source_text(self.obj, self.field)

    def target(self, language):
        return target_text(self.obj, self.field, language)

    def state(self, language):
        return state(self.obj, self.field, language)

    def word_count(self, language=None):
        return markup.word_count(self.source if language is None else self.target(language))


class ExhibitRecords:
    """An exhibit and everything an export of it needs, read lazily."""

    def __init__(self, exhibit):
        self.exhibit = exhibit
        self.languages = target_languages()

    def panels(self, *, links=True):
        """The exhibit's panels in order, with their image and (if `links`) links, a chunk at a time."""
        panels = self.exhibit.panels.in_order().select_related("image")
        if links:
            panels = panels.prefetch_related("events", "figures", "places", "sources")
        return panels.iterator(chunk_size=CHUNK_SIZE)

    @cached_property
    def _linked_events(self):
        return Panel.events.through.objects.filter(panel__exhibit=self.exhibit).values("event_id")

    def _linked(self, model, relation):
        through = getattr(Panel, relation).through.objects.filter(panel__exhibit=self.exhibit)
        via_events = getattr(Event, relation).through.objects.filter(event_id__in=self._linked_events)
        column = f"{model._meta.model_name}_id"
        return model.objects.filter(Q(pk__in=through.values(column)) | Q(pk__in=via_events.values(column)))

    def events(self):
        return (
            Event.objects.filter(pk__in=self._linked_events)
            .select_related("place")
            .prefetch_related("figures", "sources")
        )

    def figures(self):
        return self._linked(Figure, "figures")

    def sources(self):
        return self._linked(Source, "sources")

    def places(self):
        return Place.objects.filter(
            Q(pk__in=Panel.places.through.objects.filter(panel__exhibit=self.exhibit).values("place_id"))
            | Q(pk__in=Event.objects.filter(pk__in=self._linked_events).values("place_id"))
        )

    def images(self):
        return Image.objects.filter(
            Q(pk=self.exhibit.image_id)
            | Q(pk__in=self.exhibit.panels.values("image_id"))
            | Q(pk__in=self.figures().values("portrait_id"))
        ).order_by("pk")

    def text_units(self):
        """Every translatable text of the exhibit: its own, its panels', then linked objects';
        pending drafts applied."""
        yield from _units(drafts.with_pending_draft(self.exhibit))
        querysets = [
            self.exhibit.panels.in_order(),
            *(
                queryset.order_by("pk")
                for queryset in [self.events(), self.figures(), self.places(), self.images()]
            ),
        ]
        for queryset in querysets:
            for chunk in _chunks(queryset.iterator(chunk_size=CHUNK_SIZE), CHUNK_SIZE):
                for obj in drafts.with_pending_drafts(chunk):
                    yield from _units(obj)


def _chunks(iterable, size):
    chunk = []
    for item in iterable:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _units(obj):
    for field in fields_in_order(type(obj)):
        yield TextUnit(obj, field)


def fields_in_order(model):
    """The translated fields of `model` in the order the model declares them."""
    order = [field.name for field in model._meta.get_fields()]
    return sorted(translated_fields(model), key=order.index)


def exhibit_records(exhibit):
    """Return the format-neutral records of `exhibit` that every export format writes."""
    return ExhibitRecords(exhibit)

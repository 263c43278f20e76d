"""What belongs to an exhibit: the one definition, read once for every part that shows,
prints or checks it (the exhibit page, the kiosk, every export, the content check).

An exhibit holds:

- its panels, in their order;
- its events: those its panels link to, and those dated within its period;
- its people: those its panels or its events link to;
- its places: those its panels link to, and where its events happened;
- its glossary terms;
- its sources: its bibliography, and every source its panels, events, people, places and
  terms cite;
- its images: its own, its panels' and the people's portraits.

`read_exhibit(exhibit)` reads what visitors see: published objects as they are live, links to
anything unpublished left out, internal sources left out. With `drafts=True` it reads what
staff work on: every object whatever its status, each with its pending draft applied to its
values and its links (exhibits.editorial.drafts). With `unpublished=True` alone, every object
as it is saved. The number of queries is fixed, however many panels the exhibit has.
"""

import functools
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Q

from exhibits.content import queries
from exhibits.content.models import Event, Exhibit, Figure, GlossaryTerm, Image, Panel, Place, Source


def read_exhibit(exhibit, *, drafts=False, unpublished=None, internal=False):
    """Return the `Contents` of `exhibit`; `internal` keeps the curators' internal sources."""
    unpublished = drafts if unpublished is None else unpublished
    return _Reader(exhibit, drafts=drafts, unpublished=unpublished, internal=internal).read()


def published_exhibit(*, slug=None, pk=None):
    """The published exhibit at `slug` (or with primary key `pk`), read for visitors, or None."""
    shape, value = (_exhibit_at, slug) if pk is None else (_exhibit_numbered, pk)
    found = queries.run(shape, published=True, lean=True, value=value)
    return found[0] if found else None


@dataclass
class Contents:
    """An exhibit and everything that belongs to it, with the links between them."""

    exhibit: Exhibit
    panels: list
    events: list
    figures: list
    places: list
    glossary: list
    sources: list
    images: dict  # primary key → Image
    links: dict = field(default_factory=dict)  # (model, pk, field name) → [primary keys]

    def __post_init__(self):
        self._by_kind = {
            model: {obj.pk: obj for obj in objects}
            for model, objects in [
                (Panel, self.panels),
                (Event, self.events),
                (Figure, self.figures),
                (Place, self.places),
                (GlossaryTerm, self.glossary),
                (Source, self.sources),
            ]
        }
        self._position = {
            model: {pk: index for index, pk in enumerate(objects)} for model, objects in self._by_kind.items()
        }

    def linked(self, obj, name):
        """What `obj` links to through many-to-many field `name` that belongs here, in this
        exhibit's order of that kind (events by date, people and places alphabetically)."""
        pks = self.links.get((type(obj), obj.pk, name))
        if not pks:
            return []
        model = _related_model(type(obj), name)
        found = self._by_kind.get(model, {})
        here = [pk for pk in pks if pk in found]
        if not here:
            return []
        here.sort(key=self._position[model].__getitem__)
        return [found[pk] for pk in here]

    def linking(self, obj, model, name):
        """The `model` objects here whose many-to-many field `name` links to `obj`."""
        return [
            item
            for item in self._by_kind[model].values()
            if obj.pk in self.links.get((model, item.pk, name), [])
        ]

    def place_of(self, event):
        return self._by_kind[Place].get(event.place_id)

    def image_of(self, obj, name="image"):
        """The image `obj` shows through foreign key `name` (e.g. "portrait"), or None."""
        return self.images.get(getattr(obj, f"{name}_id"))

    def objects(self):
        """Every object of the exhibit once: the exhibit, panels, events, people, places, terms,
        images and sources."""
        return [
            self.exhibit,
            *self.panels,
            *self.events,
            *self.figures,
            *self.places,
            *self.glossary,
            *self.images.values(),
            *self.sources,
        ]


class _Reader:
    def __init__(self, exhibit, *, drafts, unpublished, internal):
        self.exhibit = exhibit
        self.drafts = drafts
        self.unpublished = unpublished
        self.internal = internal
        self.links = {}

    def read(self):
        with connection.cursor() as self.cursor:  # one for every query: a cursor costs as much as a query
            return self._read()

    def _read(self):
        exhibit = self.with_drafts([self.exhibit])[0]
        panels = self.select(Panel, exhibit=exhibit.pk)
        self.read_links([exhibit, *panels])
        events = self.select(
            Event,
            pks=self.targets(panels, "events"),
            period_start=exhibit.period_start,
            period_end=exhibit.period_end,
        )
        self.read_links(events)
        figures = self.select(Figure, pks=self.targets(panels, "figures") | self.targets(events, "figures"))
        place_pks = self.targets(panels, "places") | {event.place_id for event in events if event.place_id}
        places = self.select(Place, pks=place_pks)
        glossary = self.select(GlossaryTerm, pks=self.targets([exhibit], "glossary"))
        self.read_links([*figures, *places, *glossary])
        cited = set().union(
            *(
                self.targets(objects, "sources")
                for objects in [[exhibit], panels, events, figures, places, glossary]
            )
        )
        sources = self.run(_sources, internal=self.internal, pks=cited)
        image_pks = {
            exhibit.image_id,
            *(panel.image_id for panel in panels),
            *(figure.portrait_id for figure in figures),
        }
        images = {image.pk: image for image in self.run(_images, pks=image_pks - {None})}
        return Contents(
            exhibit=exhibit,
            panels=panels,
            events=events,
            figures=figures,
            places=places,
            glossary=glossary,
            sources=sources,
            images=images,
            links=self.links,
        )

    def select(self, model, **values):
        """The `model` objects of the exhibit matching `values` (see `_QUERIES`), drafts applied."""
        return self.with_drafts(self.run(_QUERIES[model], published=not self.unpublished, **values))

    def run(self, shape, **values):
        if "pks" in values and not values["pks"] and "period_start" not in values:
            return []  # nothing to find (an exhibit's events are also found by their dates)
        return queries.run(shape, lean=not self.unpublished, cursor=self.cursor, **values)

    def with_drafts(self, objects):
        from exhibits.editorial.drafts import with_pending_drafts  # editorial builds on content

        objects = list(objects)
        return with_pending_drafts(objects) if self.drafts else objects

    def read_links(self, objects):
        """Note every many-to-many link of `objects`, a draft's own links kept: one query for all."""
        by_model = defaultdict(list)
        for obj in objects:
            by_model[type(obj)].append(obj)
        fields, owners = [], []
        for model, items in by_model.items():
            keys = [item.pk for item in items]
            drafted = (
                [getattr(item, "draft_links", {}) for item in items] if self.drafts else [{}] * len(items)
            )
            for link in model._meta.many_to_many:
                for pk, draft_links in zip(keys, drafted, strict=True):
                    self.links[(model, pk, link.name)] = list(draft_links.get(link.name, []))
                wanted = [
                    pk for pk, draft_links in zip(keys, drafted, strict=True) if link.name not in draft_links
                ]
                if wanted:
                    fields.append(link)
                    owners.append(wanted)
        if not fields:
            return
        sql, params = _links_query(tuple(fields), owners)
        self.cursor.execute(sql, params)
        for index, owner, linked in self.cursor.fetchall():
            link = fields[index]
            self.links[(link.model, owner, link.name)].append(linked)

    def targets(self, objects, name):
        """The primary keys `objects` link to through field `name`."""
        return {pk for obj in objects for pk in self.links.get((type(obj), obj.pk, name), [])}


@functools.cache
def _related_model(model, name):
    return model._meta.get_field(name).related_model


def _links_query(fields, owners):
    """(sql, params) selecting (index, owner, linked) from the table of each many-to-many field of
    `fields`, for its `owners` (lists of primary keys): the SQL the same for every reading."""
    if connection.vendor in queries.PKS_FROM_JSON:
        return _links_sql(connection.vendor, fields), queries.parameter_names(
            queries.pks_parameter(pks) for pks in owners
        )
    counts = tuple(len(pks) for pks in owners)
    return _links_sql(connection.vendor, fields, counts), [pk for pks in owners for pk in pks]


@functools.lru_cache(maxsize=256)
def _links_sql(vendor, fields, counts=None):
    quote = connection.ops.quote_name
    selects = []
    for index, link in enumerate(fields):
        through = link.remote_field.through._meta
        source = through.get_field(link.m2m_field_name()).column
        target = through.get_field(link.m2m_reverse_field_name()).column
        owners = queries.PKS_FROM_JSON[vendor] if counts is None else ", ".join(["%s"] * counts[index])
        selects.append(
            f"SELECT {index}, {quote(source)}, {quote(target)} FROM {quote(through.db_table)} "
            f"WHERE {quote(source)} IN ({owners})"
        )
    sql = " UNION ALL ".join(selects)
    return queries.named_parameters(sql) if counts is None else sql


# The shapes of the reader's queries (exhibits.content.queries).
def _exhibit_at(p):
    return Exhibit.objects.filter(slug=p.value("value"))


def _exhibit_numbered(p):
    return Exhibit.objects.filter(pk=p.value("value"))


def _panels(p):
    return Panel.objects.filter(exhibit=p.value("exhibit")).order_by("order", "pk")


def _events(p):
    period = (p.value("period_start"), p.value("period_end"))
    return Event.objects.filter(Q(pk__in=p.pks("pks")) | Q(start_date__range=period)).chronological()


def _alphabetical(model):
    return lambda p: model.objects.filter(pk__in=p.pks("pks")).alphabetical()


def _sources(p):
    return Source.objects.filter(pk__in=p.pks("pks")).order_by("citation", "pk")


def _images(p):
    return Image.objects.filter(pk__in=p.pks("pks")).order_by("pk")


_QUERIES = {
    Panel: _panels,
    Event: _events,
    Figure: _alphabetical(Figure),
    Place: _alphabetical(Place),
    GlossaryTerm: _alphabetical(GlossaryTerm),
}

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

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Q

from exhibits.content.models import Event, Exhibit, Figure, GlossaryTerm, Image, Panel, Place, Source


def read_exhibit(exhibit, *, drafts=False, unpublished=None, internal=False):
    """Return the `Contents` of `exhibit`; `internal` keeps the curators' internal sources."""
    unpublished = drafts if unpublished is None else unpublished
    return _Reader(exhibit, drafts=drafts, unpublished=unpublished, internal=internal).read()


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
        model = obj._meta.get_field(name).related_model
        pks = self.links.get((type(obj), obj.pk, name), [])
        position = self._position.get(model, {})
        found = self._by_kind.get(model, {})
        return [found[pk] for pk in sorted((pk for pk in pks if pk in found), key=position.__getitem__)]

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
        exhibit = self.with_drafts([self.exhibit])[0]
        panels = self.with_drafts(
            self.visible(Panel.objects.filter(exhibit=exhibit.pk)).order_by("order", "pk")
        )
        self.read_links([exhibit, *panels])
        linked_events = self.targets(panels, "events")
        events = self.with_drafts(
            self.visible(Event.objects.all())
            .filter(Q(pk__in=linked_events) | Q(start_date__range=(exhibit.period_start, exhibit.period_end)))
            .chronological()
        )
        self.read_links(events)
        figures = self.with_drafts(
            self.visible(Figure.objects.all())
            .filter(pk__in=self.targets(panels, "figures") | self.targets(events, "figures"))
            .alphabetical()
        )
        place_pks = self.targets(panels, "places") | {event.place_id for event in events if event.place_id}
        places = self.with_drafts(self.visible(Place.objects.all()).filter(pk__in=place_pks).alphabetical())
        glossary = self.with_drafts(
            self.visible(GlossaryTerm.objects.all())
            .filter(pk__in=self.targets([exhibit], "glossary"))
            .alphabetical()
        )
        self.read_links([*figures, *places, *glossary])
        cited = set().union(
            *(
                self.targets(objects, "sources")
                for objects in [[exhibit], panels, events, figures, places, glossary]
            )
        )
        sources = Source.objects.filter(pk__in=cited).order_by("citation", "pk")
        if not self.internal:
            sources = sources.filter(is_internal=False)
        image_pks = {
            exhibit.image_id,
            *(panel.image_id for panel in panels),
            *(figure.portrait_id for figure in figures),
        }
        images = {image.pk: image for image in Image.objects.filter(pk__in=image_pks - {None}).order_by("pk")}
        return Contents(
            exhibit=exhibit,
            panels=panels,
            events=events,
            figures=figures,
            places=places,
            glossary=glossary,
            sources=list(sources),
            images=images,
            links=self.links,
        )

    def visible(self, queryset):
        return queryset if self.unpublished else queryset.published()

    def with_drafts(self, objects):
        from exhibits.editorial.drafts import with_pending_drafts  # editorial builds on content

        objects = list(objects)
        return with_pending_drafts(objects) if self.drafts else objects

    def read_links(self, objects):
        """Note every many-to-many link of `objects`, a draft's own links kept: one query for all."""
        by_model = defaultdict(list)
        for obj in objects:
            by_model[type(obj)].append(obj)
        selects, params, names = [], [], []
        for model, items in by_model.items():
            for link in model._meta.many_to_many:
                for item in items:
                    self.links[(model, item.pk, link.name)] = list(
                        getattr(item, "draft_links", {}).get(link.name, [])
                    )
                wanted = [item.pk for item in items if link.name not in getattr(item, "draft_links", {})]
                if wanted:
                    selects.append(_link_select(link, len(names), len(wanted)))
                    params += wanted
                    names.append((model, link.name))
        if not selects:
            return
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(selects), params)
            for index, owner, linked in cursor.fetchall():
                model, name = names[index]
                self.links[(model, owner, name)].append(linked)

    def targets(self, objects, name):
        """The primary keys `objects` link to through field `name`."""
        return {pk for obj in objects for pk in self.links.get((type(obj), obj.pk, name), [])}


def _link_select(link, index, count):
    """SQL selecting (index, owner, linked) from many-to-many field `link`'s table for `count` owners."""
    quote = connection.ops.quote_name
    through = link.remote_field.through._meta
    source = through.get_field(link.m2m_field_name()).column
    target = through.get_field(link.m2m_reverse_field_name()).column
    placeholders = ", ".join(["%s"] * count)
    return (
        f"SELECT {int(index)}, {quote(source)}, {quote(target)} FROM {quote(through.db_table)} "
        f"WHERE {quote(source)} IN ({placeholders})"
    )

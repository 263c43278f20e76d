"""What the public site and kiosks read: whole exhibits in few queries."""

import functools
from types import SimpleNamespace

from django.db.models import Prefetch, Q

from exhibits.models import Event, Figure, Panel, Place, Status


def visible(queryset, *, drafts):
    """All of `queryset` when previewing drafts, else only its published rows."""
    return queryset if drafts else queryset.published()


def panels_of(exhibit, *, drafts=False):
    """The exhibit's panels in order, with their image, events, figures and places: 4 queries."""
    return (
        visible(exhibit.panels.all(), drafts=drafts)
        .select_related("image")
        .order_by("order", "pk")
        .prefetch_related(
            Prefetch("events", queryset=visible(Event.objects.all(), drafts=drafts).chronological()),
            Prefetch("figures", queryset=visible(Figure.objects.all(), drafts=drafts)),
            Prefetch("places", queryset=visible(Place.objects.all(), drafts=drafts)),
        )
    )


def events_of(exhibit, *, drafts=False):
    """The events of the exhibit's period and those its panels mention, in date order."""
    return (
        visible(Event.objects.all(), drafts=drafts)
        .filter(Q(start_date__range=(exhibit.period_start, exhibit.period_end)) | Q(panels__exhibit=exhibit))
        .distinct()
        .select_related("place")
        .chronological()
    )


def figures_of(exhibit, events, *, drafts=False):
    """The people the exhibit's panels or events mention, with their portraits."""
    return (
        visible(Figure.objects.all(), drafts=drafts)
        .filter(Q(panels__exhibit=exhibit) | Q(events__in=events))
        .distinct()
        .select_related("portrait")
    )


def places_of(exhibit, events, *, drafts=False):
    """The places the exhibit's panels or events mention."""
    return (
        visible(Place.objects.all(), drafts=drafts)
        .filter(Q(panels__exhibit=exhibit) | Q(events__in=events))
        .distinct()
    )


def published_panels(exhibit, fields, image_fields):
    """The exhibit's published panels in order as namespaces of `fields`, each with `image` a
    namespace of `image_fields` or None: 1 query, no model instances."""
    panels = []
    for row in _published_panels_query(exhibit.pk, tuple(fields), tuple(image_fields)).all():
        panel = SimpleNamespace(**dict(zip(fields, row[: len(fields)], strict=True)))
        image_id, image_values = row[len(fields)], row[len(fields) + 1 :]
        panel.image = (
            SimpleNamespace(**dict(zip(image_fields, image_values, strict=True))) if image_id else None
        )
        panels.append(panel)
    return panels


def published_panel_links(exhibit, relation, fields, *, order_by):
    """{panel id: [objects]} of the published objects `relation` links to the exhibit's published
    panels, ordered by `order_by` (lookups from the link table, e.g. "event__start_date"): 1 query.

    The objects are plain namespaces holding only `fields`, read as values: a page that only prints
    a few fields of each need not build model instances through prefetch_related.
    """
    links = {}
    for panel_id, *values in _published_links_query(
        exhibit.pk, relation, tuple(fields), tuple(order_by)
    ).all():
        links.setdefault(panel_id, []).append(SimpleNamespace(**dict(zip(fields, values, strict=True))))
    return links


# Building a queryset costs more than running it, so these are built once per exhibit and shape
# and run with .all() on each request, as a generic view does with its `queryset` attribute.
# They hold no content, only the query: each .all() reads the database afresh.
@functools.lru_cache(maxsize=512)
def _published_panels_query(exhibit_id, fields, image_fields):
    return (
        Panel.objects.filter(exhibit_id=exhibit_id)
        .published()
        .order_by("order", "pk")
        .values_list(*fields, "image_id", *(f"image__{name}" for name in image_fields))
    )


@functools.lru_cache(maxsize=512)
def _published_links_query(exhibit_id, relation, fields, order_by):
    field = Panel._meta.get_field(relation)
    target = field.m2m_reverse_field_name()
    return (
        field.remote_field.through._default_manager.filter(
            panel__exhibit_id=exhibit_id,
            panel__status=Status.PUBLISHED,
            **{f"{target}__status": Status.PUBLISHED},
        )
        .order_by(*order_by, f"{target}_id")
        .values_list("panel_id", *(f"{target}__{name}" for name in fields))
    )

"""Places on a map: the numbered list that is always there (the map for screen readers and for
when tiles cannot be had) and what the map script reads from it (exhibits/site/static/site/map.js)."""

from typing import NamedTuple

from django.conf import settings

from exhibits.site.rendering import coordinates, detail_path, shown


class MappedPlace(NamedTuple):
    number: int
    name: str
    lang: str
    area: str
    area_lang: str
    url: str
    coordinates: str
    latitude: str
    longitude: str


class MapSettings(NamedTuple):
    tiles: str
    attribution: str


def mapped(places, language):
    """`places` with coordinates, numbered in order, as the map list prints them."""
    found = []
    for place in places:
        if place.latitude is None or place.longitude is None:
            continue
        name, lang = shown(place, "name", language)
        area, area_lang = shown(place, "area", language)
        found.append(
            MappedPlace(
                number=len(found) + 1,
                name=name,
                lang=lang,
                area=area,
                area_lang=area_lang,
                url=detail_path("exhibits:place-detail", place.slug, language),
                coordinates=coordinates(place.latitude, place.longitude, language),
                latitude=f"{float(place.latitude):.6f}",
                longitude=f"{float(place.longitude):.6f}",
            )
        )
    return tuple(found)


def map_settings():
    """The tile source of maps (settings.TARLO_MAP_TILES_URL): without one, only the list shows."""
    return MapSettings(tiles=settings.TARLO_MAP_TILES_URL, attribution=settings.TARLO_MAP_ATTRIBUTION)

"""The kiosk's maps: what each map shows, which tiles a kiosk keeps to show it offline, and
coordinates written as visitors read them.

A kiosk map does not pan or zoom: it shows one fixed view, so the tiles of that view are all it
ever needs, and they fit in its offline copy. Views are worked out here, in Web Mercator tile
coordinates (the OpenStreetMap scheme that TARLO_MAP_TILES_URL follows), and the page sets the
map to exactly that centre and zoom.
"""

import math
from dataclasses import dataclass

from django.utils import formats
from django.utils.translation import pgettext

TILE_SIZE = 256
PLACE_ZOOM = 15
# The largest map a kiosk screen draws, in CSS pixels: every view keeps the tiles for this much.
VIEW_WIDTH, VIEW_HEIGHT = 1400, 1000
# The smallest map the overview must fit its places into (the portrait screen's).
OVERVIEW_WIDTH, OVERVIEW_HEIGHT = 900, 640
OVERVIEW_ZOOMS = range(15, 5, -1)
# The overview shows the places around the exhibit's busiest spot: a map of Budapest with a
# dot in New York would show neither. Places further away are on their own screens' maps.
OVERVIEW_RADIUS_KM = 12
EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True)
class View:
    latitude: float
    longitude: float
    zoom: int

    def tiles(self):
        """The (z, x, y) tiles covering the largest map drawn of this view."""
        x, y = world_pixel(self.latitude, self.longitude, self.zoom)
        count = 2**self.zoom
        left, right = (x - VIEW_WIDTH / 2) // TILE_SIZE, (x + VIEW_WIDTH / 2) // TILE_SIZE
        top, bottom = (y - VIEW_HEIGHT / 2) // TILE_SIZE, (y + VIEW_HEIGHT / 2) // TILE_SIZE
        return {
            (self.zoom, int(column) % count, int(row))
            for column in range(int(left), int(right) + 1)
            for row in range(max(0, int(top)), min(count - 1, int(bottom)) + 1)
        }


def world_pixel(latitude, longitude, zoom):
    """The Web Mercator pixel of a point at `zoom`."""
    size = TILE_SIZE * 2**zoom
    sine = math.sin(math.radians(max(-85.0511, min(85.0511, latitude))))
    x = (longitude + 180) / 360 * size
    y = (0.5 - math.log((1 + sine) / (1 - sine)) / (4 * math.pi)) * size
    return x, y


def point_of(x, y, zoom):
    """The (latitude, longitude) of a Web Mercator pixel at `zoom`."""
    size = TILE_SIZE * 2**zoom
    longitude = x / size * 360 - 180
    latitude = math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y / size))))
    return latitude, longitude


def distance_km(a, b):
    """Great-circle distance between two (latitude, longitude) points."""
    (lat1, lon1), (lat2, lon2) = (map(math.radians, point) for point in (a, b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def place_view(point):
    return View(point[0], point[1], PLACE_ZOOM)


def overview(points):
    """(view, indices of `points` it shows) for the map of all places, or (None, []) for none."""
    if not points:
        return None, []
    near = [
        [j for j, other in enumerate(points) if distance_km(point, other) <= OVERVIEW_RADIUS_KM]
        for point in points
    ]
    shown = max(near, key=len)
    for zoom in OVERVIEW_ZOOMS:
        xs, ys = zip(*(world_pixel(*points[i], zoom) for i in shown), strict=True)
        margin = 2 * 48  # room for a marker at either edge
        if max(xs) - min(xs) + margin <= OVERVIEW_WIDTH and max(ys) - min(ys) + margin <= OVERVIEW_HEIGHT:
            break
    latitude, longitude = point_of((max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2, zoom)
    return View(round(latitude, 6), round(longitude, 6), zoom), shown


def coordinates(latitude, longitude):
    """A point as visitors of the active language write it: "47.5102° N, 19.0376° E",
    "é. sz. 47,5102°, k. h. 19,0376°"."""
    north = formats.number_format(abs(latitude), 4)
    east = formats.number_format(abs(longitude), 4)
    latitude_text = (
        pgettext("latitude", "%(degrees)s° N") if latitude >= 0 else pgettext("latitude", "%(degrees)s° S")
    ) % {"degrees": north}
    longitude_text = (
        pgettext("longitude", "%(degrees)s° E") if longitude >= 0 else pgettext("longitude", "%(degrees)s° W")
    ) % {"degrees": east}
    return f"{latitude_text}, {longitude_text}"

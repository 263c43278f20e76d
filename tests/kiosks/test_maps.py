import pytest
from django.utils import translation

from exhibits.kiosks import maps

BUDAPEST = [(47.5102, 19.0376), (47.5071, 19.0457), (47.4917, 19.0629), (47.4857, 19.0708)]
NEW_YORK = (40.7489, -73.968)


@pytest.mark.parametrize(
    ("language", "point", "written"),
    [
        ("en", (47.5102, 19.0376), "47.5102° N, 19.0376° E"),
        ("hu", (47.5102, 19.0376), "é. sz. 47,5102°, k. h. 19,0376°"),
        ("en", NEW_YORK, "40.7489° N, 73.9680° W"),
        ("hu", NEW_YORK, "é. sz. 40,7489°, ny. h. 73,9680°"),
        ("en", (-33.8568, 151.2153), "33.8568° S, 151.2153° E"),
        ("hu", (-33.8568, 151.2153), "d. sz. 33,8568°, k. h. 151,2153°"),
    ],
)
def test_coordinates_are_written_as_visitors_of_each_language_write_them(language, point, written):
    with translation.override(language):
        assert maps.coordinates(*point) == written


def test_the_overview_shows_the_busiest_area_and_leaves_far_places_to_their_own_maps():
    view, shown = maps.overview([*BUDAPEST, NEW_YORK])

    assert shown == [0, 1, 2, 3]
    assert 47.48 < view.latitude < 47.52 and 19.03 < view.longitude < 19.08
    for point in BUDAPEST:  # every shown place fits the smallest overview map
        x, y = maps.world_pixel(*point, view.zoom)
        centre_x, centre_y = maps.world_pixel(view.latitude, view.longitude, view.zoom)
        assert abs(x - centre_x) <= maps.OVERVIEW_WIDTH / 2 and abs(y - centre_y) <= maps.OVERVIEW_HEIGHT / 2


def test_a_view_keeps_the_tiles_of_the_largest_map_drawn_of_it():
    view = maps.place_view(BUDAPEST[0])

    tiles = view.tiles()

    columns = {x for _z, x, _y in tiles}
    rows = {y for _z, _x, y in tiles}
    assert len(columns) * maps.TILE_SIZE >= maps.VIEW_WIDTH and len(rows) * maps.TILE_SIZE >= maps.VIEW_HEIGHT
    assert len(tiles) == len(columns) * len(rows) <= 48


def test_a_view_across_the_date_line_wraps_round_the_world():
    tiles = maps.View(0.0, 179.999, 3).tiles()

    assert {x for _z, x, _y in tiles} >= {0, 7}

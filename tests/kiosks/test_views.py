import datetime
import json
import math
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from exhibits.content.reading import read_exhibit
from exhibits.kiosks import tiles, tokens
from exhibits.kiosks.kiosk_page import kiosk_tiles
from exhibits.models import Kiosk, Status
from tests import factories
from tests.kiosks.data import put_together

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


@pytest.fixture
def kiosk():
    exhibit = factories.exhibit()
    factories.linked_panel(exhibit, title_hu="Bem tér", title_en="Bem Square")
    kiosk = factories.kiosk(exhibit, idle_timeout=45, default_language="en")
    kiosk.token = tokens.issue(kiosk=kiosk, user=None)
    return kiosk


def script_data(page, name):
    return json.loads(
        re.search(rf'<script type="application/json" id="{name}">(.*?)</script>', page).group(1)
    )


def config(page):
    return script_data(page, "kiosk-config")


def exhibit_data(page):
    return put_together(script_data(page, "kiosk-exhibit"))


def slippy_tile(latitude, longitude, zoom):
    """The OpenStreetMap tile of a point, by the formula of the OSM wiki's "Slippy map tilenames"."""
    count = 2**zoom
    x = (longitude + 180) / 360 * count
    y = (1 - math.asinh(math.tan(math.radians(latitude))) / math.pi) / 2 * count
    return int(x), int(y)


def beat(client, kiosk, body, token=None):
    """POST a heartbeat as kiosk.js does, with the kiosk's token (`kiosk.token`) unless given."""
    token = kiosk.token if token is None else token
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.post(
        f"/kiosk/{kiosk.slug}/heartbeat/", body, content_type="application/json", headers=headers
    )


def test_the_kiosk_holds_its_exhibit_in_both_languages(client, kiosk):
    page = client.get(f"/kiosk/{kiosk.slug}/").content.decode()

    text = exhibit_data(page)["text"]
    assert [panel["title"] for panel in text["hu"]["panels"]] == ["Bem tér"]
    assert [panel["title"] for panel in text["en"]["panels"]] == ["Bem Square"]
    assert text["hu"]["ui"]["touchToBegin"] == "Érintse meg a kezdéshez"
    assert text["en"]["ui"]["touchToBegin"] == "Touch to begin"
    assert config(page)["idleSeconds"] == 45 and config(page)["defaultLanguage"] == "en"
    assert '<html lang="en"' in page and "<title>Revolution 1956 · kiosk</title>" in page


def test_a_text_missing_in_english_is_shown_in_hungarian_and_says_so(client):
    exhibit = factories.exhibit()
    factories.panel(exhibit, title_en="", body_en="")
    kiosk = factories.kiosk(exhibit)

    panel = exhibit_data(client.get(f"/kiosk/{kiosk.slug}/").content.decode())["text"]["en"]["panels"][0]

    assert panel["title"][1] == "hu" and panel["body"][1] == "hu"


def test_what_every_language_shares_is_in_the_page_once(client, kiosk):
    data = script_data(client.get(f"/kiosk/{kiosk.slug}/").content.decode(), "kiosk-exhibit")

    panel = data["shared"]["panels"][0]
    assert panel["key"] and panel["events"] and panel["people"] and panel["places"]
    for code in data["languages"]:
        for kind, entries in data["shared"].items():
            own = data["text"][code][kind]
            assert len(own) == len(entries) and not any(
                {"key", "events", "panels"} & set(entry) for entry in own
            )


def test_links_lead_both_ways_between_panels_events_people_and_places(client, kiosk):
    text = exhibit_data(client.get(f"/kiosk/{kiosk.slug}/").content.decode())["text"]["en"]
    panel = text["panels"][0]
    person = next(p for p in text["people"] if p["key"] == panel["people"][0])
    place = next(p for p in text["places"] if p["key"] == panel["places"][0])

    assert person["panels"] == [panel["key"]]
    assert place["panels"] == [panel["key"]] and sorted(place["events"]) == sorted(panel["events"])
    assert all(event["panels"] == [panel["key"]] for event in text["events"])


def test_content_notes_and_coordinates_are_given_in_the_visitors_language(client):
    exhibit = factories.exhibit(
        content_note_hu="Erőszakról is szól.", content_note_en="It tells of violence."
    )
    panel = factories.panel(exhibit, content_note_hu="Lövések.", content_note_en="Shots.")
    panel.places.add(factories.place(latitude="40.7489", longitude="-73.968"))
    kiosk = factories.kiosk(exhibit)

    text = exhibit_data(client.get(f"/kiosk/{kiosk.slug}/").content.decode())["text"]

    assert (
        text["en"]["exhibit"]["note"] == "It tells of violence."
        and text["hu"]["panels"][0]["note"] == "Lövések."
    )
    assert text["en"]["places"][0]["coords"] == "40.7489° N, 73.9680° W"
    assert text["hu"]["places"][0]["coords"] == "é. sz. 40,7489°, ny. h. 73,9680°"


def test_the_kiosk_page_has_no_links_inline_scripts_or_inline_styles(client, kiosk):
    page = client.get(f"/kiosk/{kiosk.slug}/").content.decode()

    assert "<a " not in page and "/admin" not in page and " style=" not in page
    scripts = re.findall(r"<script([^>]*)>", page)
    assert scripts and all(
        "src=" in attributes or 'type="application/json"' in attributes for attributes in scripts
    )


def test_texts_cannot_break_out_of_the_data_block(client):
    exhibit = factories.exhibit(title_en="</script><script>alert(1)</script>")
    kiosk = factories.kiosk(exhibit)

    page = client.get(f"/kiosk/{kiosk.slug}/").content.decode()

    assert "<script>alert" not in page
    assert exhibit_data(page)["text"]["en"]["exhibit"]["title"] == "</script><script>alert(1)</script>"


def test_the_offline_copy_lists_the_page_fonts_and_images(client, kiosk):
    page = client.get(f"/kiosk/{kiosk.slug}/").content.decode()
    assets = config(page)["assets"]

    shown = {exhibit_data(page)["text"]["en"]["panels"][0]["image"]["src"]}
    assert shown <= set(assets)
    assert f"/kiosk/{kiosk.slug}/" in assets
    assert any(asset.endswith("latin-ext-wght-normal.woff2") for asset in assets)


def test_without_a_tile_source_the_kiosk_has_no_map_but_its_places_and_coordinates(client, kiosk, settings):
    settings.TARLO_MAP_TILES_URL = ""

    page = client.get(f"/kiosk/{kiosk.slug}/").content.decode()

    assert exhibit_data(page)["map"] is None and "leaflet" not in page
    assert not any("/tiles/" in asset for asset in config(page)["assets"])
    assert exhibit_data(page)["text"]["en"]["places"][0]["coords"] == "47.5101° N, 19.0377° E"


def test_with_a_tile_source_the_offline_copy_keeps_every_tile_its_maps_show(client, kiosk, settings):
    settings.TARLO_MAP_TILES_URL = "https://tiles.example/{z}/{x}/{y}.png"

    page = client.get(f"/kiosk/{kiosk.slug}/").content.decode()

    data = exhibit_data(page)
    assert data["map"]["tiles"] == f"/kiosk/{kiosk.slug}/tiles/{{z}}/{{x}}/{{y}}"
    assert data["map"]["overview"]["places"] == [data["text"]["en"]["places"][0]["key"]]
    kept = {asset for asset in config(page)["assets"] if "/tiles/" in asset}
    x, y = slippy_tile(47.5101, 19.0377, 15)  # Bem tér, and its map keeps the tiles around it
    around = {f"/kiosk/{kiosk.slug}/tiles/15/{x + dx}/{y + dy}" for dx in (-1, 0, 1) for dy in (-1, 0, 1)}
    assert around <= kept
    assert "site/vendor/leaflet/leaflet.js" in page


@pytest.mark.parametrize("panels", [5, 50])
def test_the_kiosk_page_costs_the_same_queries_however_many_panels(client, panels):
    exhibit = factories.exhibit(image=factories.image())
    for _ in range(panels):
        factories.linked_panel(exhibit)
    kiosk = factories.kiosk(exhibit)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/kiosk/{kiosk.slug}/")

    assert len(exhibit_data(response.content.decode())["text"]["hu"]["panels"]) == panels
    assert len(queries) == 11


def test_a_kiosk_of_an_unpublished_exhibit_is_not_found(client, kiosk):
    kiosk.exhibit.status = Status.DRAFT
    kiosk.exhibit.save()

    assert client.get(f"/kiosk/{kiosk.slug}/").status_code == 404


def test_staff_preview_a_kiosk_with_drafts_and_without_offline_copy(staff_client, kiosk):
    factories.panel(kiosk.exhibit, status=Status.DRAFT, title_hu="Készülő tabló")

    page = staff_client.get(f"/kiosk/{kiosk.slug}/?preview").content.decode()

    assert "Készülő tabló" in page and config(page)["isPreview"] is True


def test_changing_the_kiosks_settings_changes_its_version(client, kiosk):
    before = client.get(f"/kiosk/{kiosk.slug}/")["ETag"]
    kiosk.idle_timeout = 60
    kiosk.save()

    assert client.get(f"/kiosk/{kiosk.slug}/")["ETag"] != before


def test_the_idle_warning_gives_twenty_seconds_or_half_a_short_timeout(client, kiosk):
    assert config(client.get(f"/kiosk/{kiosk.slug}/").content.decode())["warningSeconds"] == 20
    kiosk.idle_timeout = 16
    kiosk.save()

    assert config(client.get(f"/kiosk/{kiosk.slug}/").content.decode())["warningSeconds"] == 8


def test_the_service_worker_is_served_from_the_kiosk_path(client):
    response = client.get("/kiosk/sw.js")

    assert response.status_code == 200 and response["Content-Type"] == "text/javascript"
    assert "caches.open" in response.content.decode()


class TestMapTiles:
    @pytest.fixture
    def fetched(self, monkeypatch, settings):
        settings.TARLO_MAP_TILES_URL = "https://{s}.tiles.example/{z}/{x}/{y}.png"
        calls = []

        def fetch(url):
            calls.append(url)
            return b"\x89PNG\r\n\x1a\n" + url.encode()

        monkeypatch.setattr(tiles, "fetch", fetch)
        return calls

    def a_shown_tile(self, kiosk):
        return sorted(kiosk_tiles(read_exhibit(kiosk.exhibit)))[0]

    def test_a_tile_the_kiosk_shows_is_fetched_once_and_then_served_from_the_museums_copy(
        self, client, kiosk, fetched
    ):
        z, x, y = self.a_shown_tile(kiosk)

        first = client.get(f"/kiosk/{kiosk.slug}/tiles/{z}/{x}/{y}")
        second = client.get(f"/kiosk/{kiosk.slug}/tiles/{z}/{x}/{y}")

        assert first.status_code == second.status_code == 200 and first["Content-Type"] == "image/png"
        assert second.content == first.content and fetched == [f"https://a.tiles.example/{z}/{x}/{y}.png"]
        assert "max-age" in first["Cache-Control"]

    def test_a_tile_no_map_shows_is_not_fetched(self, client, kiosk, fetched):
        assert client.get(f"/kiosk/{kiosk.slug}/tiles/3/1/1").status_code == 404
        assert fetched == []

    def test_no_tiles_are_served_without_a_tile_source(self, client, kiosk, fetched, settings):
        z, x, y = self.a_shown_tile(kiosk)
        settings.TARLO_MAP_TILES_URL = ""

        assert client.get(f"/kiosk/{kiosk.slug}/tiles/{z}/{x}/{y}").status_code == 404

    def test_a_tile_server_that_does_not_answer_with_an_image_is_a_bad_gateway(
        self, client, kiosk, monkeypatch, settings
    ):
        settings.TARLO_MAP_TILES_URL = "https://tiles.example/{z}/{x}/{y}.png"
        z, x, y = self.a_shown_tile(kiosk)

        def fail(url):
            raise tiles.TileUnavailable("timed out")

        monkeypatch.setattr(tiles, "fetch", fail)

        assert client.get(f"/kiosk/{kiosk.slug}/tiles/{z}/{x}/{y}").status_code == 502


class TestHeartbeat:
    def test_records_last_contact_and_version(self, client, kiosk):
        response = beat(client, kiosk, {"content_version": "abc123"})

        kiosk.refresh_from_db()
        assert response.status_code == 200 and kiosk.content_version == "abc123"
        assert timezone.now() - kiosk.last_seen_at < datetime.timedelta(seconds=5)

    def test_answers_with_the_version_the_kiosk_page_has(self, client, kiosk):
        page_version = config(client.get(f"/kiosk/{kiosk.slug}/").content.decode())["contentVersion"]

        assert beat(client, kiosk, {"content_version": "0"}).json() == {"content_version": page_version}

    def test_writes_at_most_once_every_few_seconds(self, client, kiosk):
        beat(client, kiosk, {"content_version": "aaaa"})
        beat(client, kiosk, {"content_version": "bbbb"})

        kiosk.refresh_from_db()
        assert kiosk.content_version == "aaaa"

    def test_touches_only_last_contact_and_version(self, client, kiosk):
        beat(client, kiosk, {"content_version": "aaaa", "name": "Hacked", "idle_timeout": 1})

        kiosk.refresh_from_db()
        assert kiosk.name.startswith("Terem") and kiosk.idle_timeout == 45

    @pytest.mark.parametrize(
        "body",
        ["not json", "[]", json.dumps({"content_version": "<script>"}), json.dumps({"content_version": 7})],
    )
    def test_refuses_broken_input_with_a_clear_error(self, client, kiosk, body):
        response = beat(client, kiosk, body)

        kiosk.refresh_from_db()
        assert response.status_code == 400 and kiosk.last_seen_at is None

    def test_an_unknown_kiosk_is_not_found_and_nothing_is_created(self, client):
        response = client.post(
            "/kiosk/nowhere/heartbeat/", {"content_version": "aa"}, content_type="application/json"
        )

        assert response.status_code == 404 and not Kiosk.objects.exists()

    def test_needs_post(self, client, kiosk):
        assert client.get(f"/kiosk/{kiosk.slug}/heartbeat/").status_code == 405

    def test_works_without_a_csrf_token(self, kiosk):
        from django.test import Client

        response = beat(Client(enforce_csrf_checks=True), kiosk, {"content_version": "abc"})

        assert response.status_code == 200

    def test_a_kiosk_without_its_token_is_refused_and_nothing_is_written(self, client, kiosk):
        response = beat(client, kiosk, {"content_version": "abc123"}, token="")

        kiosk.refresh_from_db()
        assert response.status_code == 401 and kiosk.last_seen_at is None and kiosk.content_version == ""

    @pytest.mark.parametrize("token", ["wrong", "x" * 43, "Bearer"])
    def test_a_wrong_token_is_refused_and_nothing_is_written(self, client, kiosk, token):
        response = beat(client, kiosk, {"content_version": "abc123"}, token=token)

        kiosk.refresh_from_db()
        assert response.status_code == 401 and kiosk.last_seen_at is None

    def test_another_kiosks_token_is_refused(self, client, kiosk):
        other = factories.kiosk(kiosk.exhibit)
        other_token = tokens.issue(kiosk=other, user=None)

        response = beat(client, kiosk, {"content_version": "abc123"}, token=other_token)

        assert response.status_code == 401

    def test_a_revoked_token_is_refused(self, client, kiosk):
        tokens.revoke(kiosk=Kiosk.objects.get(pk=kiosk.pk), user=None)

        response = beat(client, kiosk, {"content_version": "abc123"})

        kiosk.refresh_from_db()
        assert response.status_code == 401 and kiosk.last_seen_at is None

    def test_a_kiosk_never_given_a_token_is_refused(self, client, kiosk):
        fresh = factories.kiosk(kiosk.exhibit)

        response = beat(client, fresh, {"content_version": "abc123"}, token="anything")

        fresh.refresh_from_db()
        assert response.status_code == 401 and fresh.last_seen_at is None

    def test_the_token_is_only_a_hash_in_the_database_and_nowhere_in_the_kiosk_page(self, client, kiosk):
        page = client.get(f"/kiosk/{kiosk.slug}/").content.decode()

        stored = Kiosk.objects.get(pk=kiosk.pk)
        assert kiosk.token not in page and kiosk.token not in stored.token_hash
        assert stored.token_hash and stored.token_issued_at

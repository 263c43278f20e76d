"""Staff preview of pending drafts over published content, on the site and on kiosks."""

import copy

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from exhibits.editorial import drafts
from exhibits.editorial.preview import preview_links
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def pending(obj, *, m2m=None, **fields):
    """Keep `fields` (and links `m2m`) as `obj`'s pending draft, as the admin would."""
    edited = copy.copy(obj)
    for name, value in fields.items():
        setattr(edited, name, value)
    return drafts.store_draft(obj=obj, data=drafts.snapshot(edited, m2m), user=None)


def html(response):
    return response.content.decode()


@pytest.fixture
def drafted_panel():
    """A published panel whose pending draft has new text, a new person and no events."""
    exhibit = factories.exhibit()
    panel = factories.linked_panel(exhibit, title_hu="Élő cím", body_hu="Élő szöveg.")
    newcomer = factories.figure(name_hu="Nagy Imre", name_en="Imre Nagy")
    pending(
        panel,
        title_hu="Piszkozat cím",
        body_hu="Piszkozat *szöveg*.",
        m2m={"figures": [newcomer.pk], "events": [], "places": list(panel.places.all())},
    )
    return panel


class TestExhibitPage:
    def test_staff_preview_shows_the_drafts_text_and_links(self, staff_client, drafted_panel):
        old_figure = drafted_panel.figures.get()
        old_event = drafted_panel.events.first()

        page = html(staff_client.get(f"/hu/exhibits/{drafted_panel.exhibit.slug}/?preview"))

        assert "Piszkozat cím" in page and "Piszkozat <em>szöveg</em>." in page
        assert "Élő cím" not in page and "Élő szöveg" not in page
        assert "Nagy Imre" in page and f"/hu/figures/{old_figure.slug}/" not in page
        assert f"/hu/events/{old_event.slug}/" not in page

    def test_a_visitor_sees_the_published_text(self, client, drafted_panel):
        page = html(client.get(f"/hu/exhibits/{drafted_panel.exhibit.slug}/"))

        assert "Élő cím" in page and "Élő szöveg" in page
        assert "Piszkozat" not in page and "Nagy Imre" not in page

    def test_a_visitor_asking_for_a_preview_sees_the_published_text(
        self, client, django_user_model, drafted_panel
    ):
        client.force_login(django_user_model.objects.create_user("latogato", password="x"))

        page = html(client.get(f"/hu/exhibits/{drafted_panel.exhibit.slug}/?preview"))

        assert "Élő cím" in page and "Piszkozat" not in page

    def test_a_preview_is_never_kept_for_visitors(self, staff_client, drafted_panel):
        client = Client()  # the staff client's own client is logged in
        url = f"/hu/exhibits/{drafted_panel.exhibit.slug}/"
        client.get(url)  # the published page is now cached

        preview = staff_client.get(url + "?preview")
        visitor = client.get(url + "?preview")

        assert "Piszkozat cím" in html(preview) and "no-store" in preview["Cache-Control"]
        assert "ETag" not in preview
        assert "Piszkozat" not in html(visitor) and "Piszkozat" not in html(client.get(url))

    def test_drafts_of_linked_events_people_and_places_are_shown(self, staff_client):
        exhibit = factories.exhibit()
        panel = factories.linked_panel(exhibit)
        pending(panel.events.first(), title_hu="Átírt esemény")
        pending(panel.figures.get(), name_hu="Átírt Személy")
        pending(panel.places.get(), name_hu="Átírt tér")

        page = html(staff_client.get(f"/hu/exhibits/{exhibit.slug}/?preview"))

        assert "Átírt esemény" in page and "Átírt Személy" in page and "Átírt tér" in page

    def test_a_drafted_exhibit_title_and_panel_image_are_shown(self, staff_client):
        exhibit = factories.exhibit()
        panel = factories.panel(exhibit)
        picture = factories.image(alt_text_hu="Új kép a tablón")
        pending(exhibit, title_hu="Átírt kiállítás")
        pending(panel, image_id=picture.pk)

        page = html(staff_client.get(f"/hu/exhibits/{exhibit.slug}/?preview"))

        assert "Átírt kiállítás" in page and 'alt="Új kép a tablón"' in page

    @pytest.mark.parametrize("kind", ["event", "figure", "place"])
    def test_other_pages_preview_their_objects_draft(self, staff_client, kind):
        client = Client()
        obj = getattr(factories, kind)()
        name = "title_hu" if kind == "event" else "name_hu"
        pending(obj, **{name: "Piszkozatban átírva"})
        url = f"/hu/{kind}s/{obj.slug}/"

        assert "Piszkozatban átírva" in html(staff_client.get(url + "?preview"))
        assert "Piszkozatban átírva" not in html(client.get(url))

    def test_the_timeline_home_and_search_preview_drafts(self, staff_client):
        exhibit = factories.exhibit()
        event = factories.event(title_hu="Tüntetés a Parlamentnél")
        pending(event, title_hu="Sortűz a Parlamentnél")
        pending(exhibit, title_hu="Átírt kiállítás")

        assert "Sortűz a Parlamentnél" in html(staff_client.get("/hu/timeline/?preview"))
        assert "Átírt kiállítás" in html(staff_client.get("/hu/?preview"))
        assert "Sortűz a Parlamentnél" in html(staff_client.get("/hu/search/?q=Parlament&preview"))

    @pytest.mark.parametrize("panels", [5, 50])
    def test_a_preview_costs_a_fixed_number_of_queries(self, staff_client, panels):
        exhibit = factories.exhibit(image=factories.image())
        for _ in range(panels):
            panel = factories.linked_panel(exhibit)
            picture = factories.image()
            pending(panel, title_hu="Piszkozat", image_id=picture.pk, m2m={"events": [], "places": []})
            pending(panel.figures.get(), name_hu="Átírt Személy")
        staff_client.get(f"/hu/exhibits/{exhibit.slug}/?preview")  # sessions and content types

        with CaptureQueriesContext(connection) as queries:
            response = staff_client.get(f"/hu/exhibits/{exhibit.slug}/?preview")

        page = html(response)
        assert page.count("Piszkozat") == panels * 2 and page.count("Átírt Személy") == panels
        assert len(queries) == 17


class TestKiosk:
    @pytest.fixture
    def kiosk(self, drafted_panel):
        return factories.kiosk(drafted_panel.exhibit)

    def test_staff_preview_the_kiosk_with_the_draft(self, staff_client, kiosk):
        page = html(staff_client.get(f"/kiosk/{kiosk.slug}/?preview"))

        assert "Piszkozat cím" in page and "Élő cím" not in page and "Nagy Imre" in page

    def test_the_kiosk_shows_visitors_the_published_text(self, kiosk):
        page = html(Client().get(f"/kiosk/{kiosk.slug}/"))

        assert "Élő cím" in page and "Piszkozat" not in page

    def test_drafts_of_the_kiosks_events_people_and_places_are_shown(self, staff_client, kiosk):
        panel = kiosk.exhibit.panels.get()
        pending(panel.places.get(), name_hu="Átírt tér")
        pending(factories.event(title_hu="Régi cím"), title_hu="Átírt esemény")

        page = html(staff_client.get(f"/kiosk/{kiosk.slug}/?preview"))

        assert "Átírt tér" in page and "Átírt esemény" in page

    @pytest.mark.parametrize("panels", [5, 50])
    def test_a_kiosk_preview_costs_a_fixed_number_of_queries(self, staff_client, panels):
        exhibit = factories.exhibit(image=factories.image())
        for _ in range(panels):
            panel = factories.linked_panel(exhibit)
            pending(panel, title_hu="Piszkozat", m2m={"events": []})
            pending(panel.events.first(), title_hu="Átírt esemény")
        kiosk = factories.kiosk(exhibit)
        staff_client.get(f"/kiosk/{kiosk.slug}/?preview")

        with CaptureQueriesContext(connection) as queries:
            response = staff_client.get(f"/kiosk/{kiosk.slug}/?preview")

        page = html(response)
        assert page.count("Piszkozat") == panels * 2 and "Átírt esemény" in page
        assert len(queries) == 17


class TestAdminLinks:
    def test_a_published_panel_with_a_draft_links_to_its_previews(self, staff_client, drafted_panel):
        kiosk = factories.kiosk(drafted_panel.exhibit, name="Nagyterem")

        page = html(staff_client.get(reverse("admin:exhibits_panel_change", args=[drafted_panel.pk])))

        exhibit_url = f"/hu/exhibits/{drafted_panel.exhibit.slug}/?preview#panel-{drafted_panel.code}"
        assert f'href="{exhibit_url}"' in page and "Előnézet a honlapon" in page
        assert f'href="/kiosk/{kiosk.slug}/?preview"' in page and "Előnézet a(z) „Nagyterem” kioszkon" in page

    def test_a_published_object_without_a_draft_has_no_preview_link(self, staff_client):
        place = factories.place()

        page = html(staff_client.get(reverse("admin:exhibits_place_change", args=[place.pk])))

        assert "?preview" not in page

    def test_the_exhibits_links_lead_to_its_page_and_kiosks(self):
        exhibit = factories.exhibit()
        first, second = factories.kiosk(exhibit, name="A terem"), factories.kiosk(exhibit, name="B terem")

        urls = [url for _label, url in preview_links(exhibit)]

        assert urls == [
            f"/hu/exhibits/{exhibit.slug}/?preview",
            f"/kiosk/{first.slug}/?preview",
            f"/kiosk/{second.slug}/?preview",
        ]

    def test_the_link_opens_the_preview_a_publisher_asked_for(self, publisher_client, drafted_panel):
        url = preview_links(drafted_panel)[0][1]

        assert "Piszkozat cím" in html(publisher_client.get(url))

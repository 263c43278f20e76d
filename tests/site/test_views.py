import datetime
import json
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from exhibits.models import Status
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def html(response):
    return response.content.decode()


def test_the_root_redirects_to_the_visitors_language(client):
    response = client.get("/", headers={"accept-language": "en"})

    assert response.status_code == 302 and response["Location"] == "/en/"


def test_the_exhibit_page_shows_panels_in_order_with_image_and_links(client):
    exhibit = factories.exhibit()
    second = factories.linked_panel(exhibit, order=2, title_en="The second panel")
    factories.panel(exhibit, order=1, title_en="The first panel")

    page = html(client.get(f"/en/exhibits/{exhibit.slug}/"))

    assert page.index("The first panel") < page.index("The second panel")
    assert (
        'alt="Demonstrators on Bem Square"' in page and "Around the Bem statue" in page and "Fortepan" in page
    )
    event, figure, place = second.events.first(), second.figures.get(), second.places.get()
    assert f'href="/en/events/{event.slug}/"' in page
    assert f'href="/en/figures/{figure.slug}/"' in page and f'href="/en/places/{place.slug}/"' in page


def test_the_language_switch_leads_to_the_same_exhibit(client):
    exhibit = factories.exhibit()

    page = html(client.get(f"/hu/exhibits/{exhibit.slug}/"))

    assert f'<a href="/en/exhibits/{exhibit.slug}/" hreflang="en" lang="en">' in page
    assert (
        f'<link rel="alternate" hreflang="en" href="http://testserver/en/exhibits/{exhibit.slug}/">' in page
    )
    assert '<html lang="hu">' in page


def test_text_without_an_english_translation_is_marked_hungarian(client):
    exhibit = factories.exhibit()
    factories.panel(exhibit, title_en="", title_hu="Csak magyarul")

    page = html(client.get(f"/en/exhibits/{exhibit.slug}/"))

    assert 'lang="hu">Csak magyarul</h2>' in page


def test_interface_strings_are_hungarian_on_the_hungarian_site(client):
    page = html(client.get("/hu/timeline/"))

    assert "Idővonal" in page and "Ugrás a tartalomra" in page and "Minden kategória" in page


def test_markup_in_panel_text_cannot_carry_html(client):
    exhibit = factories.exhibit()
    factories.panel(exhibit, body_hu="<script>alert(1)</script>")

    page = html(client.get(f"/hu/exhibits/{exhibit.slug}/"))

    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page


@pytest.mark.parametrize("panels", [5, 50])
def test_the_exhibit_page_costs_the_same_queries_however_many_panels(client, panels):
    exhibit = factories.exhibit(image=factories.image())
    for _ in range(panels):
        factories.linked_panel(exhibit)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/hu/exhibits/{exhibit.slug}/")

    assert response.status_code == 200 and html(response).count('class="panel"') == panels
    assert len(queries) == 10


class TestDrafts:
    def test_a_draft_exhibit_is_not_found(self, client):
        exhibit = factories.exhibit(status=Status.DRAFT)

        assert client.get(f"/hu/exhibits/{exhibit.slug}/").status_code == 404

    def test_a_visitor_asking_for_a_preview_still_gets_404(self, client, django_user_model):
        exhibit = factories.exhibit(status=Status.DRAFT)
        client.force_login(django_user_model.objects.create_user("visitor", password="x"))

        assert client.get(f"/hu/exhibits/{exhibit.slug}/?preview").status_code == 404

    def test_staff_preview_a_draft_as_visitors_will_see_it(self, staff_client):
        exhibit = factories.exhibit(status=Status.DRAFT)
        factories.panel(exhibit, status=Status.REVIEW, title_hu="Készülő tabló")

        response = staff_client.get(f"/hu/exhibits/{exhibit.slug}/?preview")

        assert response.status_code == 200 and "Készülő tabló" in html(response)
        assert "no-store" in response["Cache-Control"] and "ETag" not in response

    def test_draft_panels_events_and_people_are_hidden_from_visitors(self, client):
        exhibit = factories.exhibit()
        panel = factories.panel(exhibit)
        factories.panel(exhibit, status=Status.DRAFT, title_hu="Titkos tabló")
        panel.figures.add(factories.figure(status=Status.DRAFT, name_hu="Rejtett Személy"))
        panel.events.add(factories.event(status=Status.REVIEW, title_hu="Rejtett esemény"))

        page = html(client.get(f"/hu/exhibits/{exhibit.slug}/"))

        assert "Titkos tabló" not in page and "Rejtett Személy" not in page and "Rejtett esemény" not in page

    @pytest.mark.parametrize("kind", ["event", "figure", "place"])
    def test_draft_events_figures_and_places_are_not_found(self, client, kind):
        obj = getattr(factories, kind)(status=Status.DRAFT)

        assert client.get(f"/en/{kind}s/{obj.slug}/").status_code == 404


class TestTimeline:
    def test_events_read_with_the_precision_they_have(self, client):
        factories.event(
            precision="hour", start_time=datetime.time(20), time_label_hu="este 8 órakor", time_label_en=""
        )

        assert "1956. október 23., este 8 órakor" in html(client.get("/hu/timeline/"))
        assert "23 October 1956, 8 p.m." in html(client.get("/en/timeline/"))

    def test_a_rough_time_orders_the_day_but_visitors_read_the_words_of_the_sources(self, client):
        factories.event(
            title_en="Late speech",
            precision="part_of_day",
            start_time=datetime.time(22),
            time_label_hu="késő este",
            time_label_en="",
        )
        factories.event(
            title_en="Radio speech", precision="hour", start_time=datetime.time(20), time_label_en="at 8 p.m."
        )
        factories.event(
            title_en="Rally",
            precision="part_of_day",
            start_time=datetime.time(15),
            time_label_en="in the afternoon",
        )

        page = html(client.get("/en/timeline/"))

        assert page.index("Rally") < page.index("Radio speech") < page.index("Late speech")
        assert "10 p.m." not in page and "22:00" not in page

    def test_a_hedged_label_is_not_hedged_twice(self, client):
        factories.event(
            precision="hour",
            start_time=datetime.time(11),
            is_approximate=True,
            time_label_hu="nem sokkal 11 óra után",
            time_label_en="shortly after 11 a.m.",
        )

        page = html(client.get("/en/timeline/"))

        assert "23 October 1956, shortly after 11 a.m." in page and "about 23 October" not in page

    def test_filters_by_category_person_place_and_dates(self, client):
        gero = factories.figure()
        radio = factories.place(name_en="The Radio")
        wanted = factories.event(title_en="Shots at the Radio", category="armed_clash", place=radio)
        wanted.figures.add(gero)
        factories.event(title_en="A speech", category="political", place=radio).figures.add(gero)
        factories.event(title_en="Too late", category="armed_clash", start_date=datetime.date(1956, 11, 4))

        query = f"category=armed_clash&figure={gero.slug}&place={radio.slug}&start=1956-10-23&end=1956-10-31"
        page = html(client.get(f"/en/timeline/?{query}"))

        assert "Shots at the Radio" in page and "A speech" not in page and "Too late" not in page

    def test_an_impossible_date_gets_a_clear_error_and_no_events(self, client):
        factories.event(title_en="Shots at the Radio")

        page = html(client.get("/en/timeline/?start=1956-02-31"))

        assert "Enter a valid date." in page and "Shots at the Radio" not in page

    def test_the_timeline_is_paginated_in_date_order(self, client):
        for day in range(25, 0, -1):
            factories.event(title_en=f"Day {day}", start_date=datetime.date(1956, 10, day))

        first, second = html(client.get("/en/timeline/")), html(client.get("/en/timeline/?page=2"))

        assert "Day 1<" in first and "Day 20<" in first and "Day 21<" not in first and "Day 25<" in second
        assert client.get("/en/timeline/?page=99").status_code == 404

    def test_events_carry_schema_org_json_ld(self, client):
        event = factories.event(title_en="Demonstration", place=factories.place())

        page = html(client.get(f"/en/events/{event.slug}/"))
        data = json.loads(
            re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
        )

        assert data["@type"] == "Event" and data["startDate"] == "1956-10-23"
        assert data["location"]["name"] == "Bem Square" and data["location"]["geo"]["latitude"] == 47.5101


def test_a_figure_page_carries_person_json_ld_with_other_spellings(client):
    figure = factories.figure(name_en="Ernő Gerő </script><script>alert(1)</script>")

    page = html(client.get(f"/en/figures/{figure.slug}/"))
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    data = json.loads(script)

    assert data["@type"] == "Person" and data["alternateName"] == ["Ernst Gerö", "Erno Gero"]
    assert data["birthDate"] == "1898-07-08" and "<script>" not in script


def test_a_place_page_lists_the_events_there(client):
    place = factories.place()
    factories.event(place=place, title_hu="Tüntetés itt")

    page = html(client.get(f"/hu/places/{place.slug}/"))

    assert "Bem tér" in page and "Tüntetés itt" in page

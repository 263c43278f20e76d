"""The visitors' pages as an exhibit: sources, glossary, maps, onward links, and the web's basics."""

import datetime
import re
from html.parser import HTMLParser

import pytest
from django.core.cache import cache
from django.test import override_settings

from exhibits.models import GlossaryTerm, Source, Status
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def html(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def source(**fields):
    number = next(factories._numbers)
    defaults = dict(slug=f"forras-{number}", citation=f"Published work {number}", url="https://example.org/")
    return Source.objects.create(**{**defaults, **fields})


def term(**fields):
    number = next(factories._numbers)
    defaults = dict(
        slug=f"avh-{number}",
        term_hu="ÁVH",
        term_en="ÁVH",
        other_forms_hu="ÁVH-sok\nállamvédelmisek",
        other_forms_en="state security men",
        definition_hu="Az Államvédelmi Hatóság, a politikai rendőrség.",
        definition_en="The State Protection Authority, the political police.",
        status=Status.PUBLISHED,
    )
    return GlossaryTerm.objects.create(**{**defaults, **fields})


@pytest.fixture
def site():
    """An exhibit whose every kind of page cites a published and an internal source."""
    internal = source(citation="The curators’ working manuscript", is_internal=True)
    published = source(citation="Litván, György: The Hungarian Revolution of 1956")
    exhibit = factories.exhibit(slug="forradalom")
    panel = factories.linked_panel(
        exhibit, body_hu="Az ÁVH-sok a tömegbe lőttek. Az ÁVH később feloszlott.", body_en="Shots."
    )
    event, figure, place = panel.events.first(), panel.figures.get(), panel.places.get()
    event.figures.add(figure)
    for obj in [exhibit, panel, event, figure, place]:
        obj.sources.add(internal, published)
    glossary_term = term()
    glossary_term.sources.add(internal)
    exhibit.glossary.add(glossary_term)
    pages = {
        "home": "/hu/",
        "exhibit": f"/hu/exhibits/{exhibit.slug}/",
        "sources": f"/en/exhibits/{exhibit.slug}/sources/",
        "glossary": f"/hu/exhibits/{exhibit.slug}/glossary/",
        "event": f"/en/events/{event.slug}/",
        "figure": f"/hu/figures/{figure.slug}/",
        "place": f"/en/places/{place.slug}/",
        "timeline": "/hu/timeline/",
        "search": "/en/search/?q=Bem",
    }
    return {
        "pages": pages,
        "exhibit": exhibit,
        "panel": panel,
        "event": event,
        "figure": figure,
        "place": place,
    }


def test_an_internal_source_is_never_shown_on_any_public_page(client, site):
    shown = {name: "working manuscript" in html(client.get(url)) for name, url in site["pages"].items()}

    assert shown == dict.fromkeys(site["pages"], False)


@pytest.mark.parametrize("name", ["exhibit", "sources", "event", "figure", "place"])
def test_published_sources_are_shown_where_they_back_a_text(client, site, name):
    assert "Litván, György" in html(client.get(site["pages"][name]))


def test_the_bibliography_lists_the_exhibits_works_and_the_panels_citing_them(client, site):
    page = html(client.get(site["pages"]["sources"]))

    assert "Bibliography" in page and "Litván, György" in page
    assert f'href="/en/exhibits/forradalom/#panel-{site["panel"].code}"' in page


class InlineCode(HTMLParser):
    """What a strict Content-Security-Policy blocks: inline scripts, style elements and attributes."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and not attributes.get("src") and attributes.get("type") != "application/ld+json":
            self.found.append("<script>")
        if tag == "style" or "style" in attributes or any(name.startswith("on") for name in attributes):
            self.found.append(tag)


def test_no_public_page_carries_inline_script_or_style(client, site):
    found = {}
    for name, url in site["pages"].items():
        parser = InlineCode()
        parser.feed(html(client.get(url)))
        found[name] = parser.found

    assert found == dict.fromkeys(site["pages"], [])


def test_every_page_describes_itself_in_its_language_for_search_engines_and_link_previews(client, site):
    hungarian = html(client.get(site["pages"]["exhibit"]))
    english = html(client.get("/en/exhibits/forradalom/"))

    assert '<meta name="description" content="Tizenhárom nap Budapesten.">' in hungarian
    assert '<meta property="og:title" content="Revolution 1956">' in english
    assert '<meta property="og:locale" content="en_GB">' in english
    assert '<meta name="twitter:card" content="summary">' in english
    assert 'rel="icon" href="/static/site/favicon.svg"' in english


def test_a_glossary_term_is_explained_where_it_first_appears_and_only_there(client, site):
    page = html(client.get(site["pages"]["exhibit"]))

    explained = re.findall(
        r'<a class="term-word" href="([^"]+)" aria-describedby="([^"]+)">([^<]+)</a>', page
    )
    assert len(explained) == 1
    href, described_by, word = explained[0]
    assert word == "ÁVH-sok" and href.startswith("/hu/exhibits/forradalom/glossary/#avh-")
    assert f'id="{described_by}"' in page and "Az Államvédelmi Hatóság, a politikai rendőrség." in page


def test_a_glossary_term_is_matched_as_a_whole_word_only(client):
    exhibit = factories.exhibit()
    factories.panel(exhibit, body_hu="A SZÁVHOZ nem tartozik, a MÁVH sem.")
    exhibit.glossary.add(term())

    assert "term-word" not in html(client.get(f"/hu/exhibits/{exhibit.slug}/"))


def test_a_definition_that_falls_back_to_hungarian_says_so(client):
    exhibit = factories.exhibit()
    factories.panel(exhibit, body_en="The state security men fired.")
    exhibit.glossary.add(term(definition_en=""))

    page = html(client.get(f"/en/exhibits/{exhibit.slug}/"))

    assert re.search(r'class="term-note" id="term-[^"]+-note" role="tooltip" lang="hu">Az Állam', page)


def test_the_glossary_page_lists_each_term_with_its_definition(client, site):
    page = html(client.get(site["pages"]["glossary"]))

    assert "<dfn>ÁVH</dfn>" in page and "a politikai rendőrség" in page


def test_each_panel_shows_code_title_content_note_and_cards_with_type_and_fact(client):
    exhibit = factories.exhibit(content_note_en="Some texts describe violence.")
    factories.linked_panel(
        exhibit, code="56-07", title_en="At the Radio", content_note_en="Shots are described."
    )

    page = html(client.get(f"/en/exhibits/{exhibit.slug}/"))

    assert "Some texts describe violence." in page
    assert page.index("Shots are described.") < page.index('class="body"')
    assert '<span class="card-kind">Event</span>' in page and "23 Oct" in page
    assert '<span class="card-kind">Person</span>' in page and "First Secretary" in page
    assert '<span class="card-kind">Place</span>' in page


def test_a_panel_without_an_image_shows_its_day_and_hour_or_a_quote_never_an_empty_box(client):
    exhibit = factories.exhibit()
    dated = factories.panel(exhibit, title_en="Dated")
    dated.events.add(
        factories.event(
            start_date=datetime.date(1956, 10, 23), start_time=datetime.time(20), precision="hour"
        )
    )
    factories.panel(exhibit, body_en="The crowd waited in the square for hours. Then it moved on.")

    page = html(client.get(f"/en/exhibits/{exhibit.slug}/"))

    assert '<span class="band-day" aria-hidden="true">23 Oct</span>' in page and "8 p.m." in page
    assert (
        '<blockquote class="pull-quote" aria-hidden="true"><p>The crowd waited in the square for hours.</p>'
        in page
    )


def test_the_day_strip_shows_the_thirteen_days_and_leads_to_the_first_panel_of_a_day(client):
    exhibit = factories.exhibit()
    panel = factories.panel(exhibit)
    panel.events.add(factories.event(start_date=datetime.date(1956, 10, 25)))

    page = html(client.get(f"/hu/exhibits/{exhibit.slug}/"))

    strip = page[page.index("day-strip") : page.index("</nav>", page.index("day-strip"))]
    assert strip.count("<li>") == 13
    assert f'<a href="#panel-{panel.code}" data-day="1956-10-25">' in strip
    assert '<span class="visually-hidden">1956. október 25.</span></a>' in strip


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "40.7812° N, 73.9680° W"),
        ("hu", "é. sz. 40,7812°, ny. h. 73,9680°"),
    ],
)
def test_coordinates_read_in_the_visitors_conventions(client, language, expected):
    place = factories.place(latitude="40.781200", longitude="-73.968000")

    assert expected in html(client.get(f"/{language}/places/{place.slug}/"))


def test_the_map_list_is_there_without_tiles_and_the_map_only_with_them(client, site):
    url = site["pages"]["place"]
    without = html(client.get(url))
    cache.clear()
    with override_settings(TARLO_MAP_TILES_URL="https://tiles.example.org/{z}/{x}/{y}.png"):
        with_tiles = html(client.get(url))

    assert 'class="map-places"' in without and "data-map" not in without and "leaflet" not in without
    assert 'data-tiles="https://tiles.example.org/{z}/{x}/{y}.png"' in with_tiles
    assert "/static/site/vendor/leaflet/leaflet.js" in with_tiles
    assert 'data-latitude="47.510100" data-longitude="19.037700"' in with_tiles


def test_an_event_leads_to_its_panels_its_place_and_its_people(client, site):
    page = html(client.get(site["pages"]["event"]))

    assert f'href="/en/exhibits/forradalom/#panel-{site["panel"].code}"' in page
    assert f'href="/en/places/{site["place"].slug}/"' in page
    assert f'href="/en/figures/{site["figure"].slug}/"' in page


def test_a_person_leads_to_their_panels_and_events(client, site):
    page = html(client.get(site["pages"]["figure"]))

    assert f'href="/hu/exhibits/forradalom/#panel-{site["panel"].code}"' in page
    assert f'href="/hu/events/{site["event"].slug}/"' in page


def test_a_place_leads_to_the_events_there(client, site):
    page = html(client.get(site["pages"]["place"]))

    assert f'href="/en/events/{site["event"].slug}/"' in page


def test_a_timeline_filter_error_is_linked_to_its_field(client):
    page = html(client.get("/en/timeline/?start=1956-02-31"))

    described = re.search(r'<input[^>]*name="start"[^>]*aria-describedby="([^"]+)"', page)
    assert described and f'id="{described.group(1)}"' in page and 'aria-invalid="true"' in page


def test_alt_text_that_falls_back_to_hungarian_says_so(client):
    exhibit = factories.exhibit()
    factories.panel(exhibit, image=factories.image(alt_text_en=""))

    page = html(client.get(f"/en/exhibits/{exhibit.slug}/"))

    assert 'alt="Tüntetők a Bem téren" lang="hu"' in page


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


def test_the_sitemap_lists_every_published_page_with_its_language_alternates(client, site):
    draft = factories.event(status=Status.DRAFT)

    sitemap = html(client.get("/sitemap.xml"))

    for path in [
        "/hu/exhibits/forradalom/",
        "/en/exhibits/forradalom/glossary/",
        f"/hu/events/{site['event'].slug}/",
    ]:
        assert f"<loc>http://testserver{path}</loc>" in sitemap
    assert (
        f'<xhtml:link rel="alternate" hreflang="en" href="http://testserver/en/figures/{site["figure"].slug}/"/>'
        in sitemap
    )
    assert 'hreflang="x-default"' in sitemap and draft.slug not in sitemap


def test_browsers_asking_for_favicon_ico_get_the_icon(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 302 and response["Location"].endswith("site/favicon.png")

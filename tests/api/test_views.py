"""The public API as a developer building a mobile guide meets it: published content only, every
text in every language, dates as exact as the sources, links that lead on, errors in JSON."""

import datetime

import pytest

from exhibits.models import Event, Source, Status
from tests import factories

pytestmark = pytest.mark.django_db


def get(client, path, **headers):
    return client.get(path, headers=headers)


def ids(response):
    return [item["id"] for item in response.json()["results"]]


# --- Languages ---


def test_every_translated_text_is_a_language_map(client):
    event = factories.event(
        summary_hu="Diákok *csendben* vonulnak.", summary_en="Students march *in silence*."
    )

    data = get(client, f"/api/v1/events/{event.pk}/").json()

    assert data["title"] == {"hu": "Tüntetés a Bem téren", "en": "Demonstration on Bem Square"}
    assert data["summary"] == {"hu": "Diákok *csendben* vonulnak.", "en": "Students march *in silence*."}
    assert data["summary_html"] == {
        "hu": "<p>Diákok <em>csendben</em> vonulnak.</p>\n",
        "en": "<p>Students march <em>in silence</em>.</p>\n",
    }
    assert data["category_label"] == {"hu": "tüntetés", "en": "demonstration"}


def test_a_text_not_yet_translated_is_null_in_its_language(client):
    figure = factories.figure(role_en="", biography_en="")

    data = get(client, f"/api/v1/figures/{figure.pk}/").json()

    assert data["role"] == {"hu": "Az MDP első titkára", "en": None}
    assert data["biography_html"]["en"] is None


def test_the_language_asked_for_changes_nothing_but_the_error_messages(client):
    event = factories.event()

    hungarian = get(client, f"/api/v1/events/{event.pk}/", accept_language="hu").json()
    english = get(client, f"/api/v1/events/{event.pk}/", accept_language="en").json()

    assert hungarian == english


def test_markup_cannot_carry_html_into_the_rendered_text(client):
    event = factories.event(title_hu="<script>alert(1)</script>", summary_hu="<b>vastag</b>")

    data = get(client, f"/api/v1/events/{event.pk}/").json()

    assert data["title"]["hu"] == "<script>alert(1)</script>"  # the text as typed: JSON is not HTML
    assert data["summary_html"]["hu"] == "<p>&lt;b&gt;vastag&lt;/b&gt;</p>\n"


# --- Dates ---


def test_an_event_has_its_date_as_exact_as_the_sources_say(client):
    event = factories.event(
        start_date=datetime.date(1956, 10, 23),
        start_time=datetime.time(20, 0),
        precision="hour",
        is_approximate=True,
        end_date=datetime.date(1956, 10, 24),
    )

    data = get(client, f"/api/v1/events/{event.pk}/").json()

    assert (data["start_date"], data["start_time"], data["end_date"], data["end_time"]) == (
        "1956-10-23",
        "20:00",
        "1956-10-24",
        None,
    )
    assert (data["precision"], data["is_approximate"], data["is_uncertain"]) == ("hour", True, False)
    assert data["when"] == {
        "hu": "1956. október 23., 20 órakor – 1956. október 24. körül",
        "en": "about 23 October 1956, 8 p.m. – 24 October 1956",
    }


def test_a_time_of_day_as_the_sources_say_it_comes_in_both_languages(client):
    event = factories.event(
        precision="part_of_day",
        start_time=datetime.time(5, 0),
        time_label_hu="hajnalban",
        time_label_en="at dawn",
        is_uncertain=True,
    )

    data = get(client, f"/api/v1/events/{event.pk}/").json()

    assert data["time_label"] == {"hu": "hajnalban", "en": "at dawn"}
    assert data["when"]["en"] == "23 October 1956, at dawn (uncertain)"
    assert data["is_uncertain"] is True


def test_a_person_has_partial_life_dates(client):
    figure = factories.figure(born="1896-06", died="1958")

    data = get(client, f"/api/v1/figures/{figure.pk}/").json()

    assert (data["born"], data["died"]) == ("1896-06", "1958")
    assert data["life_dates"] == {"hu": "1896. június – 1958", "en": "June 1896 – 1958"}


# --- Links ---


def test_every_object_links_to_itself_in_the_api_and_to_its_public_pages(client):
    place = factories.place(slug="bem-ter")

    data = get(client, f"/api/v1/places/{place.pk}/").json()

    assert data["url"] == f"http://testserver/api/v1/places/{place.pk}/"
    assert data["page"] == {
        "hu": "http://testserver/hu/places/bem-ter/",
        "en": "http://testserver/en/places/bem-ter/",
    }
    assert get(client, data["url"]).json()["id"] == place.pk
    assert client.get(data["page"]["en"]).status_code == 200


def test_people_and_places_carry_their_authority_links(client):
    figure = factories.figure(wikidata_id="Q193381")
    place = factories.place(wikidata_id="Q1238953", geonames_id="3054643")
    unlinked = factories.place()

    assert get(client, f"/api/v1/figures/{figure.pk}/").json()["sameAs"] == [
        "https://www.wikidata.org/wiki/Q193381"
    ]
    assert get(client, f"/api/v1/places/{place.pk}/").json()["sameAs"] == [
        "https://www.wikidata.org/wiki/Q1238953",
        "https://www.geonames.org/3054643/",
    ]
    assert get(client, f"/api/v1/places/{unlinked.pk}/").json()["sameAs"] == []


def test_an_exhibit_holds_its_panels_in_order_with_what_they_link_to(client):
    exhibit = factories.exhibit()
    second = factories.panel(exhibit, order=2, code="56-02")
    first = factories.linked_panel(exhibit, order=1, code="56-01")

    data = get(client, f"/api/v1/exhibits/{exhibit.pk}/").json()

    assert [panel["code"] for panel in data["panels"]] == ["56-01", "56-02"]
    panel = data["panels"][0]
    assert panel["id"] == first.pk and data["panels"][1]["id"] == second.pk
    assert panel["page"]["hu"] == f"http://testserver/hu/exhibits/{exhibit.slug}/#panel-56-01"
    assert [event["start_date"] for event in panel["events"]] == ["1956-10-23", "1956-10-24"]
    assert [figure["name"]["hu"] for figure in panel["figures"]] == ["Gerő Ernő"]
    assert len(panel["places"]) == 1
    assert {event["id"] for event in data["events"]} == {event["id"] for event in panel["events"]}
    assert get(client, panel["url"]).json() == panel


def test_an_image_comes_with_its_renditions_and_credit(client):
    exhibit = factories.exhibit()
    panel = factories.panel(exhibit, image=factories.image(file=factories.png(size=(1000, 500))))

    image = get(client, f"/api/v1/panels/{panel.pk}/").json()["image"]

    assert image["alt_text"] == {"hu": "Tüntetők a Bem téren", "en": "Demonstrators on Bem Square"}
    assert (image["credit"], image["licence"]) == ("Fortepan", "CC BY-SA 3.0")
    assert image["focal_point"] == {"x": 0.5, "y": 0.5}
    assert (image["width"], image["height"]) == (1000, 500)
    assert {(r["spec"], r["media_type"], r["width"]) for r in image["renditions"]} >= {
        ("thumbnail", "image/png", 320),
        ("thumbnail", "image/webp", 320),
        ("medium", "image/webp", 800),
    }
    rendition = image["renditions"][0]
    assert rendition["url"].startswith("http://testserver/media/renditions/")
    assert get(client, "/api/v1/images/").json()["results"] == [image]


def test_a_glossary_term_leads_to_the_glossary_of_its_exhibit(client):
    term = factories.glossary_term(slug="avh")
    exhibit = factories.exhibit(slug="forradalom")
    exhibit.glossary.add(term)
    alone = factories.glossary_term()

    assert get(client, f"/api/v1/glossary/{term.pk}/").json()["page"] == {
        "hu": "http://testserver/hu/exhibits/forradalom/glossary/#avh",
        "en": "http://testserver/en/exhibits/forradalom/glossary/#avh",
    }
    assert get(client, f"/api/v1/glossary/{alone.pk}/").json()["page"] is None


# --- Drafts and internal sources ---


def test_drafts_are_in_no_list_and_have_no_address(client):
    drafts = {
        "events": factories.event(status=Status.DRAFT),
        "figures": factories.figure(status=Status.REVIEW),
        "places": factories.place(status=Status.DRAFT),
        "glossary": factories.glossary_term(status=Status.DRAFT),
        "exhibits": factories.exhibit(status=Status.DRAFT),
    }
    published = factories.event()

    for kind, draft in drafts.items():
        assert draft.pk not in ids(get(client, f"/api/v1/{kind}/")), kind
        assert get(client, f"/api/v1/{kind}/{draft.pk}/").status_code == 404, kind
    assert ids(get(client, "/api/v1/events/")) == [published.pk]


def test_a_draft_panel_and_the_panels_of_a_draft_exhibit_are_hidden(client):
    exhibit = factories.exhibit()
    shown = factories.panel(exhibit)
    draft = factories.panel(exhibit, status=Status.DRAFT, image=factories.image())
    hidden = factories.panel(factories.exhibit(status=Status.DRAFT), image=factories.image())

    data = get(client, f"/api/v1/exhibits/{exhibit.pk}/").json()

    assert [panel["id"] for panel in data["panels"]] == [shown.pk]
    assert get(client, f"/api/v1/panels/{draft.pk}/").status_code == 404
    assert get(client, f"/api/v1/panels/{hidden.pk}/").status_code == 404
    assert get(client, "/api/v1/images/").json()["count"] == 0
    assert get(client, f"/api/v1/images/{draft.image_id}/").status_code == 404


def test_links_to_unpublished_people_and_places_are_left_out(client):
    event = factories.event(place=factories.place(status=Status.DRAFT))
    event.figures.add(factories.figure(status=Status.DRAFT), shown := factories.figure())

    data = get(client, f"/api/v1/events/{event.pk}/").json()

    assert data["place"] is None
    assert [figure["id"] for figure in data["figures"]] == [shown.pk]


def test_internal_sources_are_never_shown(client):
    public = factories.source(citation="Litván György: Az 1956-os magyar forradalom")
    internal = factories.source(citation="Kurátori jegyzet", is_internal=True)
    event = factories.event()
    event.sources.add(public, internal)
    exhibit = factories.exhibit()
    exhibit.sources.add(internal)

    assert ids(get(client, "/api/v1/sources/")) == [public.pk]
    assert get(client, f"/api/v1/sources/{internal.pk}/").status_code == 404
    assert [source["id"] for source in get(client, f"/api/v1/events/{event.pk}/").json()["sources"]] == [
        public.pk
    ]
    exhibit_page = get(client, f"/api/v1/exhibits/{exhibit.pk}/")
    assert [source["id"] for source in exhibit_page.json()["sources"]] == [public.pk]  # cited by its event
    assert "Kurátori" not in exhibit_page.content.decode()


# --- Filters and pages ---


def test_events_are_filtered_like_the_timeline(client):
    place = factories.place(slug="corvin-koz")
    figure = factories.figure(slug="maleter-pal")
    first = factories.event(start_date=datetime.date(1956, 10, 23))
    second = factories.event(start_date=datetime.date(1956, 10, 25), category="armed_clash", place=place)
    third = factories.event(start_date=datetime.date(1956, 11, 4), category="military")
    third.figures.add(figure)

    assert ids(get(client, "/api/v1/events/")) == [first.pk, second.pk, third.pk]
    assert ids(get(client, "/api/v1/events/?start=1956-10-24&end=1956-10-31")) == [second.pk]
    assert ids(get(client, "/api/v1/events/?category=military")) == [third.pk]
    assert ids(get(client, "/api/v1/events/?figure=maleter-pal")) == [third.pk]
    assert ids(get(client, "/api/v1/events/?place=corvin-koz")) == [second.pk]


def test_a_list_comes_a_page_at_a_time(client):
    events = [factories.event(start_date=datetime.date(1956, 10, 23 + day)) for day in range(5)]

    first = get(client, "/api/v1/events/?page_size=2").json()
    last = get(client, "/api/v1/events/?page_size=2&page=3").json()

    assert first["count"] == 5 and ids_of(first) == [events[0].pk, events[1].pk]
    assert first["next"] == "http://testserver/api/v1/events/?page=2&page_size=2"
    assert ids_of(last) == [events[4].pk] and last["next"] is None


def ids_of(data):
    return [item["id"] for item in data["results"]]


# --- Errors: JSON, never a crash ---


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("?colour=red", "colour"),
        ("?start=", "start"),
        ("?figure=", "figure"),
        ("?start=1956-02-31", "start"),
        ("?start=23.10.1956", "start"),
        ("?end=1956-13-01", "end"),
        ("?start=99999-01-01", "start"),
        ("?category=revolution", "category"),
        ("?figure=nobody", "figure"),
        ("?page_size=0", "page_size"),
        ("?page_size=101", "page_size"),
        ("?page_size=ten", "page_size"),
        ("?page_size=" + "9" * 5000, "page_size"),
        ("?format=xml", "format"),
    ],
)
def test_a_bad_query_parameter_is_a_400_that_names_it(client, query, parameter):
    factories.event()

    response = get(client, f"/api/v1/events/{query}")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert list(response.json()["errors"]) == [parameter]
    assert response.json()["detail"]


def test_a_draft_persons_slug_is_refused_like_an_unknown_one(client):
    draft = factories.figure(status=Status.DRAFT)

    response = get(client, f"/api/v1/events/?figure={draft.slug}")

    assert response.status_code == 400 and list(response.json()["errors"]) == ["figure"]


def test_one_object_reads_no_query_parameters(client):
    event = factories.event()

    response = get(client, f"/api/v1/events/{event.pk}/?page=2")

    assert response.status_code == 400 and list(response.json()["errors"]) == ["page"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/events/?page=2",
        "/api/v1/events/?page=0",
        "/api/v1/events/?page=-1",
        "/api/v1/events/?page=one",
        "/api/v1/events/?page=99999999999999999999999999",
        "/api/v1/events/?page=" + "9" * 5000,
        "/api/v1/events/99999999999999999999999999/",
        "/api/v1/events/not-a-number/",
        "/api/v1/panels/",
        "/api/v1/nothing-here/",
    ],
)
def test_what_is_not_there_is_a_404_in_json(client, path):
    factories.event()

    response = get(client, path)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"]


@pytest.mark.parametrize("accept", ["text/html", "application/xml", "image/png", "text/*"])
def test_an_accept_header_without_json_is_a_406_in_json(client, accept):
    response = get(client, "/api/v1/events/", accept=accept)

    assert response.status_code == 406
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"]


@pytest.mark.parametrize("accept", ["*/*", "application/json", "application/*", "text/html,*/*;q=0.8"])
def test_an_accept_header_that_allows_json_gets_json(client, accept):
    assert get(client, "/api/v1/events/", accept=accept).status_code == 200


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_is_read_only(client, method):
    event = factories.event()

    response = getattr(client, method)(
        f"/api/v1/events/{event.pk}/", data="{}", content_type="application/json"
    )

    assert response.status_code == 405
    assert response.json()["detail"]
    assert Event.objects.get(pk=event.pk).title_hu == event.title_hu


@pytest.mark.parametrize("method", ["OPTIONS", "TRACE"])
def test_other_methods_are_refused_in_json_before_parameters_are_read(client, method):
    response = client.generic(method, "/api/v1/events/?colour=red")

    assert response.status_code == 405 and response.json()["detail"]


def test_errors_are_in_the_language_asked_for(client):
    hungarian = get(client, "/api/v1/events/?start=x&colour=red", accept_language="hu").json()
    english = get(client, "/api/v1/events/?start=x&colour=red", accept_language="en").json()

    assert hungarian["detail"] == "Néhány lekérdezési paraméter érvénytelen."
    assert hungarian["errors"]["colour"] == [
        "Ismeretlen paraméter: ez a cím ezeket olvassa: category, end, figure, page, page_size, place, start."
    ]
    assert english["errors"]["colour"] == [
        "Unknown parameter: this address reads category, end, figure, page, page_size, place, start."
    ]
    assert get(client, "/api/v1/nowhere/", accept_language="hu").json() == {
        "detail": "Ezen a címen nincs semmi."
    }


# --- ETag and 304 ---


def test_an_unchanged_response_is_a_304_that_costs_one_query(client, django_assert_num_queries):
    event = factories.event()
    first = get(client, f"/api/v1/events/{event.pk}/")

    with django_assert_num_queries(1):  # the content version
        again = get(client, f"/api/v1/events/{event.pk}/", if_none_match=first["ETag"])

    assert first.status_code == 200 and first["ETag"] and first["Cache-Control"] == "no-cache"
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == first["ETag"]


def test_a_published_change_gives_a_new_etag_and_the_new_text(client):
    event = factories.event()
    first = get(client, f"/api/v1/events/{event.pk}/")

    event.title_en = "Rally on Bem Square"
    event.save()
    again = get(client, f"/api/v1/events/{event.pk}/", if_none_match=first["ETag"])

    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]
    assert again.json()["title"]["en"] == "Rally on Bem Square"


def test_each_page_and_filter_has_its_own_etag(client):
    factories.event()

    etags = {
        get(client, f"/api/v1/events/{query}")["ETag"] for query in ["", "?page_size=1", "?category=military"]
    }

    assert len(etags) == 3


def test_head_answers_like_get_without_the_body(client):
    event = factories.event()

    head = client.head(f"/api/v1/events/{event.pk}/")

    assert head.status_code == 200 and head.content == b""
    assert head["ETag"] == get(client, f"/api/v1/events/{event.pk}/")["ETag"]


def test_an_error_carries_no_etag(client):
    response = get(client, "/api/v1/events/?start=x")

    assert response.status_code == 400 and not response.has_header("ETag")


# --- CORS ---


def test_any_site_may_read_the_api_from_a_browser(client):
    response = get(client, "/api/v1/events/", origin="https://guide.example.org")

    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]


def test_a_preflight_allows_get_with_if_none_match_and_nothing_that_writes(client):
    preflight = client.options(
        "/api/v1/events/",
        headers={
            "origin": "https://guide.example.org",
            "access-control-request-method": "GET",
            "access-control-request-headers": "if-none-match",
        },
    )

    assert preflight.status_code == 200
    allowed = {method.strip() for method in preflight["Access-Control-Allow-Methods"].split(",")}
    assert allowed == {"GET", "HEAD", "OPTIONS"}
    assert "if-none-match" in preflight["Access-Control-Allow-Headers"]


def test_cors_is_for_the_api_only(client):
    factories.exhibit()

    response = get(client, "/hu/", origin="https://guide.example.org")

    assert response.status_code == 200 and not response.has_header("Access-Control-Allow-Origin")


def test_the_museum_can_name_the_sites_that_may_read_the_api(client, settings):
    settings.CORS_ALLOW_ALL_ORIGINS = False
    settings.CORS_ALLOWED_ORIGINS = ["https://guide.museum.example"]

    allowed = get(client, "/api/v1/events/", origin="https://guide.museum.example")
    other = get(client, "/api/v1/events/", origin="https://elsewhere.example")

    assert allowed["Access-Control-Allow-Origin"] == "https://guide.museum.example"
    assert not other.has_header("Access-Control-Allow-Origin")


def test_a_source_has_its_citation_and_web_address(client):
    source = factories.source(citation="Litván György (szerk.)", url="https://mek.oszk.hu/01900/01937/")

    data = get(client, f"/api/v1/sources/{source.pk}/").json()

    assert data == {
        "id": source.pk,
        "slug": source.slug,
        "url": f"http://testserver/api/v1/sources/{source.pk}/",
        "citation": "Litván György (szerk.)",
        "link": "https://mek.oszk.hu/01900/01937/",
    }
    assert Source.objects.count() == 1

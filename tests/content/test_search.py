import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from exhibits.content.search import fold, highlighted, terms
from exhibits.models import Status
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def search(client, query, language="hu"):
    return client.get(f"/{language}/search/", {"q": query}).content.decode()


def test_fold_drops_case_and_accents():
    assert fold("Gerő ERNŐ, Űrhajó") == "gero erno, urhajo"


def test_a_query_is_cut_to_a_few_words():
    assert terms("a " * 500) == ["a"] * 8


def test_a_name_typed_without_accents_is_found(client):
    factories.figure(name_hu="Gerő Ernő", other_names="")

    assert "Gerő Ernő" in search(client, "gero")


def test_other_spellings_of_a_name_are_found(client):
    factories.figure(name_hu="Anasztasz Mikojan", name_en="Anastas Mikoyan", other_names="Mikoian")

    assert "Anasztasz Mikojan" in search(client, "MIKOIAN")


def test_the_hungarian_name_finds_the_person_on_the_english_site(client):
    factories.figure(name_hu="Nagy Imre", name_en="Imre Nagy", other_names="")

    assert "Imre Nagy" in search(client, "nagy imre", language="en")


def test_every_word_must_match(client):
    factories.event(title_hu="Tüntetés a Bem téren")
    factories.event(title_hu="Tüntetés a Parlamentnél")

    page = search(client, "tuntetes bem")

    assert "Bem téren" in page and "Parlamentnél" not in page


def test_words_that_are_never_found_together_lead_to_fewer_words(client):
    factories.event(title_en="Demonstration on Bem Square")

    page = search(client, "demonstration parliament", language="en")

    assert "Nothing was found for “demonstration parliament”." in page
    assert "Results hold every word: try fewer words, or another spelling." in page


def test_events_places_and_panels_are_searched_in_the_visitors_language(client):
    exhibit = factories.exhibit()
    factories.panel(exhibit, title_hu="Rádió", title_en="The Radio building", body_en="Shots were fired.")
    factories.place(name_hu="Magyar Rádió", name_en="Hungarian Radio", description_en="Shots here.")
    factories.event(title_hu="Lövések", title_en="Shots at the Radio")

    english, hungarian = search(client, "shots", language="en"), search(client, "shots")

    assert (
        "The Radio building" in english and "Hungarian Radio" in english and "Shots at the Radio" in english
    )
    assert "Nincs találat" in hungarian


def test_drafts_are_not_found(client):
    factories.figure(name_hu="Gerő Ernő", status=Status.DRAFT)
    exhibit = factories.exhibit(status=Status.DRAFT)
    factories.panel(exhibit, title_hu="Gerő beszéde")

    page = search(client, "gero")

    assert "Gerő" not in page


def test_wildcards_and_quotes_alone_are_no_words_to_search_for(client):
    factories.event(title_hu="Tüntetés")

    page = search(client, "%_' \" ; --")

    assert "Tüntetés" not in page
    assert "nincs keresendő szó: írjon betűket vagy számokat." in page


def test_an_overlong_query_is_cut_and_says_so(client):
    page = search(client, "gero " * 100)

    assert "Csak az első 100 karakterre kerestünk." in page


def test_a_query_of_many_words_says_which_were_searched(client):
    page = search(client, "egy kettő három négy öt hat hét nyolc kilenc", language="en")

    assert "Only the first 8 words were searched." in page


def test_an_empty_query_asks_for_a_word_in_the_visitors_language(client):
    assert "Írjon be egy nevet, helyszínt vagy szót a kereséshez." in search(client, "   ")
    assert "Type a name, a place or a word to search for." in search(client, "", language="en")


def test_the_search_page_alone_says_nothing_of_a_query(client):
    page = client.get("/en/search/").content.decode()

    assert 'class="search-message"' not in page


def test_a_hostile_query_is_shown_as_text_and_finds_nothing(client):
    factories.event(title_hu="Tüntetés", summary_hu="Diákok vonulnak.")

    page = search(client, "<script>alert(1)</script> ' OR 1=1 -- & | ! :* <-> \x00")

    assert "<script>alert(1)" not in page
    assert "Nincs találat erre: „&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_a_nul_character_in_the_query_is_dropped(client):
    factories.event(title_hu="Tüntetés a Bem téren")

    response = client.get("/hu/search/", {"q": "Bem\x00"})

    assert response.status_code == 200 and "Tüntetés a Bem téren" in response.content.decode()


def test_the_matched_words_are_marked_in_a_snippet_of_the_text(client):
    factories.event(title_hu="Beszéd", summary_hu="Este *Gerő Ernő* beszélt a rádióban.")

    page = search(client, "gero")

    assert "<mark>Gerő</mark>" in page and "*" not in _snippets(page)


def test_the_text_of_a_snippet_is_escaped_around_the_marks(client):
    factories.event(title_hu="Beszéd", summary_hu="<script>alert(1)</script> Gerő <b>beszéde</b>")

    page = search(client, "gero")

    assert "<script>alert(1)" not in page and "<b>" not in page
    assert "alert(1)" in _snippets(page) and "<mark>Gerő</mark>" in _snippets(page)


def test_a_headline_is_escaped_but_for_its_marks():
    headline = "- <b>\x02Gerő\x03</b> & *beszéde*\n\n1) \x02\x02Ernő\x03\x03 \x03 \x02"

    assert highlighted(headline) == "&lt;b&gt;<mark>Gerő</mark>&lt;/b&gt; &amp; beszéde <mark>Ernő</mark>"


def test_the_search_costs_the_same_queries_for_one_result_or_twenty(client, django_assert_max_num_queries):
    factories.event(title_hu="Tüntetés egy")
    with CaptureQueriesContext(connection) as one:
        search(client, "tüntetés")
    for number in range(25):
        factories.event(title_hu=f"Tüntetés {number}")
        factories.figure(name_hu=f"Tüntető {number}", other_names="tüntetés")
    cache.clear()

    with CaptureQueriesContext(connection) as many:
        page = search(client, "tüntetés")

    assert page.count('class="card card-event"') == 20
    assert len(many) == len(one)


def _snippets(page):
    return " ".join(re.findall(r'class="search-snippet"[^>]*>(.*?)</span>', page, re.S))

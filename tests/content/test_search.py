import pytest
from django.core.cache import cache

from exhibits.content.search import fold, terms
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


def test_wildcards_and_quotes_are_searched_as_typed(client):
    factories.event(title_hu="Tüntetés")

    page = search(client, "%_' \" ; --")

    assert "Tüntetés" not in page and "Nincs találat" in page


def test_an_overlong_query_is_cut_and_says_so(client):
    page = search(client, "gero " * 100)

    assert "Csak az első 100 karakterre kerestünk." in page

"""Full-text search on PostgreSQL: Hungarian and English stemming, folded accents, names as typed,
ranking, and the indexes of migration 0013 (skipped on SQLite, which has none of these)."""

import re

import pytest
from django.core.cache import cache
from django.db import connection

from exhibits.content import search
from exhibits.models import Event, Figure, Panel, Place
from tests import factories

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search is PostgreSQL's"),
]


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def titles(client, query, language="hu"):
    page = client.get(f"/{language}/search/", {"q": query}).content.decode()
    return re.findall(r'class="card-title"[^>]*>([^<]*)<', page)


def test_a_hungarian_word_finds_its_other_forms(client):
    factories.event(title_hu="A forradalom első napja", title_en="The first day")

    assert titles(client, "forradalmat") == ["A forradalom első napja"]


def test_an_english_word_finds_its_other_forms(client):
    factories.event(title_hu="A felkelés", title_en="The uprising begins")

    assert titles(client, "uprisings", language="en") == ["The uprising begins"]


def test_a_word_typed_without_accents_finds_its_hungarian_form(client):
    factories.event(title_hu="Lövések a Rádiónál", summary_hu="Este lövések dördültek.")

    assert titles(client, "radional loves") == ["Lövések a Rádiónál"]


def test_a_word_typed_with_accents_finds_it_in_other_forms(client):
    factories.event(title_hu="Lövések a Rádiónál", summary_hu="")

    assert titles(client, "rádió") == ["Lövések a Rádiónál"]


def test_a_name_that_is_also_a_stop_word_is_found(client):
    factories.event(title_hu="Nagy Imre beszéde", title_en="Imre Nagy’s speech")

    assert titles(client, "Nagy") == ["Nagy Imre beszéde"]
    assert titles(client, "nagy", language="en") == ["Imre Nagy’s speech"]


def test_other_spellings_of_a_name_are_found_in_either_language(client):
    factories.figure(name_hu="Jurij Andropov", name_en="Yuri Andropov", other_names="Juri Andropow")

    assert titles(client, "andropow", language="en") == ["Yuri Andropov"]
    assert titles(client, "yuri") == ["Jurij Andropov"]


def test_a_title_that_matches_ranks_above_a_text_that_mentions_it(client):
    factories.event(title_hu="Tüntetés a Parlamentnél", summary_hu="A tömeg a Kossuth térre vonult.")
    factories.event(title_hu="Kossuth tér", summary_hu="A tér a Parlament előtt.")

    assert titles(client, "kossuth") == ["Kossuth tér", "Tüntetés a Parlamentnél"]


def test_the_snippet_marks_the_other_forms_of_the_words(client):
    factories.event(title_hu="Este", summary_hu="Október 23-án a forradalom elkezdődött.")

    page = client.get("/hu/search/", {"q": "forradalmat"}).content.decode()

    assert "<mark>forradalom</mark>" in page


@pytest.mark.parametrize("model_name", list(search.DOCUMENTS))
@pytest.mark.parametrize("language", ["hu", "en"])
def test_a_search_reads_the_index_and_not_every_row(model_name, language):
    model = {"event": Event, "figure": Figure, "place": Place, "panel": Panel}[model_name]
    exhibit = factories.exhibit()
    make = {
        "event": factories.event,
        "figure": factories.figure,
        "place": factories.place,
        "panel": lambda **fields: factories.panel(exhibit, **fields),
    }[model_name]
    template = make()
    copies = []
    for number in range(2000):  # enough rows that reading every one costs more than the index
        copy = model.objects.get(pk=template.pk)
        copy.pk = None
        for unique in ("slug", "code"):
            if hasattr(copy, unique):
                setattr(copy, unique, f"{getattr(copy, unique)}-{number}")
        copies.append(copy)
    model.objects.bulk_create(copies)
    queryset = search.matching(
        model.objects.published(), search.DOCUMENTS[model_name], language, ["forradalom"], ranked=True
    )

    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {model._meta.db_table}")
        plan = queryset.explain()

    assert f"{model_name}_search_{language}" in plan, plan

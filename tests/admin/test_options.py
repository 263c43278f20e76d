"""What the admin knows of each model it reads from the model's declarations."""

import datetime

from django.contrib import admin
from django.utils import translation

from exhibits.admin.options import counted_fields, search_fields
from exhibits.models import Event, Exhibit, GlossaryTerm, Panel


def test_search_covers_every_languages_column_of_a_translated_field_also_across_a_relation():
    assert search_fields(Event, "title", "slug", "place__name") == [
        "title_hu",
        "title_en",
        "slug",
        "place__name_hu",
        "place__name_en",
    ]


def test_the_words_are_counted_of_each_markup_text_that_has_a_word_limit():
    assert counted_fields(Panel) == ["body"]
    assert counted_fields(Exhibit) == ["introduction"]
    assert counted_fields(GlossaryTerm) == ["definition"]
    assert counted_fields(Event) == []


def test_a_panels_form_shows_its_body_word_count_after_the_body_in_both_languages(rf, admin_user):
    panel_admin = admin.site._registry[Panel]
    request = rf.get("/")
    request.user = admin_user

    fields = [field for _name, options in panel_admin.get_fieldsets(request) for field in options["fields"]]

    position = fields.index(panel_admin.word_count_columns[0])
    assert fields[position - 2 : position] == ["body_hu", "body_en"]


def test_an_event_is_named_by_its_date_as_visitors_read_it():
    event = Event(
        title_hu="Tüntetés a Bem téren",
        title_en="Rally in Bem Square",
        start_date=datetime.date(1956, 10, 23),
    )

    with translation.override("hu"):
        assert str(event) == "1956. október 23. – Tüntetés a Bem téren"
    with translation.override("en"):
        assert str(event) == "23 October 1956 – Rally in Bem Square"

"""The 1956 exhibit as shipped in fixtures/: it loads, it links up, and its text is fit to print."""

import math
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation
from modeltranslation.translator import translator

from exhibits.content.dates import format_event_when
from exhibits.content.fields import word_limits
from exhibits.content.markup import word_count
from exhibits.content.reading import read_exhibit
from exhibits.models import Event, Exhibit, Figure, GlossaryTerm, Kiosk, Panel, Place, Source, Status

FIXTURES = sorted(str(path) for path in (Path(settings.BASE_DIR) / "fixtures").glob("*.json"))
LANGUAGES = [code for code, _name in settings.LANGUAGES]
PAIRS = {"„": "”", "“": "”", "»": "«", "(": ")", "[": "]"}
CLOSERS = set(PAIRS.values())
FOREIGN_QUOTES = {"hu": {"“", '"'}, "en": {"„", '"'}}
OFF_TOPIC = ["Varnus", "Zeneakadémia", "koncert"]
HEDGES = {"hu": ["körül", "nem sokkal"], "en": ["about", "around", "shortly"]}
TYPING_SLIPS = {"two spaces": "  ", "a straight apostrophe": "'", "a hyphen for a dash": " - "}


# Panels that describe killings (issue 12) and the words that mark one in a Hungarian body.
PANELS_WITH_KILLINGS = {"56-03", "56-06", "56-07", "56-10", "56-13"}
KILLING_WORDS = re.compile(
    r"\b(?:lőtt|lövés|lövöld|tüzel|tüzet nyit|sortű|sortüz|halott|halálos|áldozat|meglincsel|lincsel|kivégez|kivégz"
    r"|megöl|meghal)",
    re.IGNORECASE,
)
STANDARD_WORKS = ["litvan-1996", "bekes-byrne-rainer-2002", "gati-2006", "sebestyen-2006", "rev-kronologia"]
# Reference coordinates of the sites (WGS 84), with where they come from.
SITES = {
    # Tököl military airfield, reference point 47°20′43″ N 18°58′52″ E: forgottenairfields.com,
    # “Tököl (LHTL)”, validated 24 September 2013 (source `forgottenairfields-tokol`).
    "tokol": (47.345278, 18.981111),
}


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """Load the fixtures once for the module, and empty the database again afterwards."""
    with django_db_blocker.unblock():
        call_command("loaddata", *FIXTURES, verbosity=0)
    yield
    with django_db_blocker.unblock():
        # Only what the fixtures loaded: data migrations (e.g. the editorial groups) stay.
        for model in [Kiosk, Panel, Exhibit, GlossaryTerm, Event, Figure, Place, Source]:
            model.objects.all().delete()


@pytest.fixture
def exhibit(loaded, db):
    return Exhibit.objects.get(slug="1956")


def translated_texts(language=None):
    """Yield (object, field name, text) for every translated field of every loaded object."""
    for model in translator.get_registered_models():
        fields = translator.get_options_for_model(model).fields
        for obj in model.objects.all():
            for field in fields:
                for code in [language] if language else LANGUAGES:
                    yield obj, f"{field}_{code}", getattr(obj, f"{field}_{code}") or ""


def unbalanced(text):
    """Return the first quote or bracket that is not closed in order, or "" if all are."""
    stack = []
    for char in text:
        if char in PAIRS:
            stack.append(char)
        elif char in CLOSERS:
            if not stack or PAIRS[stack[-1]] != char:
                return char
            stack.pop()
    return stack[-1] if stack else ""


def test_the_fixtures_load_a_whole_published_exhibit_into_an_empty_database(exhibit):
    assert exhibit.status == Status.PUBLISHED
    assert 12 <= exhibit.panels.published().count() <= 16
    assert Event.objects.published().count() >= 30
    assert Figure.objects.published().count() >= 13
    assert Place.objects.published().count() >= 14
    assert Kiosk.objects.get(slug="terem-1").exhibit == exhibit


def test_every_object_passes_full_clean(exhibit):
    for model in [Source, Place, Figure, Event, GlossaryTerm, Exhibit, Panel, Kiosk]:
        for obj in model.objects.all():
            obj.full_clean()


def test_every_visitor_facing_object_is_published(exhibit):
    for model in [Place, Figure, Event, GlossaryTerm, Exhibit, Panel]:
        assert not model.objects.not_published().exists(), model.__name__


def test_every_translated_text_exists_in_both_languages(exhibit):
    missing = [
        f"{obj}: {name}"
        for obj, name, text in translated_texts("hu")
        if text.strip() and not getattr(obj, name.removesuffix("_hu") + "_en", "").strip()
    ]
    assert missing == []


def test_every_panel_links_to_published_events_figures_and_places(exhibit):
    for panel in exhibit.panels.all():
        assert panel.events.exists(), panel
        assert panel.places.exists(), panel
        assert panel.sources.exists(), panel
        for related in [panel.events, panel.figures, panel.places]:
            assert not related.not_published().exists(), panel


def test_every_event_has_a_place_a_source_and_published_figures(exhibit):
    for event in Event.objects.all():
        assert event.place is not None and event.place.is_published, event
        assert event.sources.exists(), event
        assert not event.figures.not_published().exists(), event


def test_every_figure_place_and_event_appears_on_some_panel(exhibit):
    panels = exhibit.panels.all()
    assert set(Event.objects.all()) == {event for panel in panels for event in panel.events.all()}
    assert set(Figure.objects.all()) == {figure for panel in panels for figure in panel.figures.all()}
    linked_places = {place for panel in panels for place in panel.places.all()}
    assert set(Place.objects.filter(events__isnull=False)) <= linked_places


def test_every_panel_title_and_body_is_within_the_label_word_limits(exhibit):
    title_min, title_max = word_limits(Panel, "title")
    body_min, body_max = word_limits(Panel, "body")
    for panel in exhibit.panels.all():
        for code in LANGUAGES:
            assert title_min <= word_count(getattr(panel, f"title_{code}")) <= title_max, (panel, code)
            assert body_min <= word_count(getattr(panel, f"body_{code}")) <= body_max, (panel, code)


def test_the_introduction_is_within_its_word_limit(exhibit):
    _, most = word_limits(Exhibit, "introduction")
    for code in LANGUAGES:
        assert 0 < word_count(getattr(exhibit, f"introduction_{code}")) <= most


def test_every_event_is_dated_inside_the_exhibit_period(exhibit):
    for event in Event.objects.all():
        assert exhibit.period_start <= event.start_date <= exhibit.period_end, event
        assert event.end_date is None or event.end_date <= exhibit.period_end, event


def test_the_panels_tell_the_story_in_order(exhibit):
    panels = list(exhibit.panels.in_order())
    # 56-00 (the background) and 56-14 (after 4 November) frame the printed labels 56-01 … 56-13.
    assert [panel.code for panel in panels] == [f"56-{number:02d}" for number in range(len(panels))]
    # A panel may look back (the Corvin köz fighting began on the 24th), but none ends its story earlier.
    last_days = [max(event.start_date for event in panel.events.all()) for panel in panels]
    assert last_days == sorted(last_days)


def test_quotes_and_brackets_are_balanced_in_every_text(exhibit):
    texts = [(obj, name, text) for obj, name, text in translated_texts()]
    texts += [(source, "citation", source.citation) for source in Source.objects.all()]
    assert [(str(obj), name, unbalanced(text)) for obj, name, text in texts if unbalanced(text)] == []


def test_each_language_uses_its_own_quotation_marks(exhibit):
    wrong = [
        (str(obj), name, mark)
        for code in LANGUAGES
        for obj, name, text in translated_texts(code)
        for mark in FOREIGN_QUOTES.get(code, set())
        if mark in text
    ]
    assert wrong == []


def test_figures_are_named_in_each_languages_own_form_everywhere(exhibit):
    figures = list(Figure.objects.all())
    wrong = []
    for code, other in [("hu", "en"), ("en", "hu")]:
        for obj, name, text in translated_texts(code):
            wrong += [
                (str(obj), name, getattr(f, f"name_{other}"))
                for f in figures
                if getattr(f, f"name_{other}") != getattr(f, f"name_{code}")
                and getattr(f, f"name_{other}") in text
            ]
    assert wrong == []


def test_the_dulles_quotation_keeps_its_original_english_wording(exhibit):
    event = Event.objects.get(slug="dulles-dallasi-beszede")
    assert "“We do not look upon these nations as potential military allies.”" in event.summary_en
    assert event.sources.filter(slug="frus-1955-57-xxv-134").exists()


def test_no_text_carries_the_off_topic_line_or_the_source_texts_misspellings(exhibit):
    slips = OFF_TOPIC + ["Anasztaz ", "Iván Szerov", "Hegedűs András"]
    found = [
        (str(obj), name, slip) for obj, name, text in translated_texts() for slip in slips if slip in text
    ]
    assert found == []


def test_no_text_has_typing_slips(exhibit):
    texts = list(translated_texts())
    texts += [(source, "citation", source.citation) for source in Source.objects.all()]
    slips = [
        (str(obj), name, slip)
        for obj, name, text in texts
        for slip, mark in TYPING_SLIPS.items()
        if mark in text
    ]
    slips += [(str(obj), name, "stray whitespace") for obj, name, text in texts if text != text.strip()]
    assert slips == []


def test_hungarian_suffixes_after_numbers_take_a_hyphen(exhibit):
    # „október 23-án”, „1956-os”, „24-ére”: never „23án”.
    glued = [
        (str(obj), name, text)
        for obj, name, text in translated_texts("hu")
        if re.search(r"\d[a-záéíóöőúüű]", text)
    ]
    assert glued == []


def test_no_event_date_says_about_twice(exhibit):
    # A time label that already hedges („nem sokkal 11 óra után”) must not also get the “about” flag.
    doubled = []
    for code in LANGUAGES:
        with translation.override(code):
            for event in Event.objects.all():
                when = format_event_when(event)
                if sum(when.count(hedge) for hedge in HEDGES[code]) > 1:
                    doubled.append((event.slug, when))
    assert doubled == []


def test_the_kiosk_starts_in_hungarian(exhibit):
    assert Kiosk.objects.get(slug="terem-1").default_language == "hu"


@pytest.mark.parametrize(
    "text, culprit",
    [
        ("„nyitva", "„"),
        ("(zárójel", "("),
        ("zárva”", "”"),
        ("„kereszt (rossz” sorrend)", "”"),
        ("„jó (rendben)”", ""),
    ],
)
def test_the_balance_check_catches_what_a_proofreader_would(text, culprit):
    assert unbalanced(text) == culprit


@pytest.mark.parametrize("text", ["„Elvtársak!”", "(1956)", "»belső« idézet"])
def test_the_balance_check_accepts_correct_hungarian(text):
    assert unbalanced(text) == ""


def exhibit_texts(exhibit, code):
    """Every text in `code` of the exhibit and of what belongs to it."""
    texts = []
    for obj in read_exhibit(exhibit).objects():
        for field in getattr(obj, "translated_fields", ()):
            texts.append(getattr(obj, f"{field}_{code}") or "")
    return texts


def describes_a_killing(panel):
    return panel.code in PANELS_WITH_KILLINGS or bool(KILLING_WORDS.search(panel.body_hu))


def distance_in_metres(here, there):
    (lat1, lon1), (lat2, lon2) = [(math.radians(lat), math.radians(lon)) for lat, lon in (here, there)]
    a = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6_371_000 * math.asin(math.sqrt(a))


def test_the_exhibit_has_a_content_note_at_its_entrance_in_both_languages(exhibit):
    for code in LANGUAGES:
        assert getattr(exhibit, f"content_note_{code}").strip(), code


def test_every_panel_that_describes_a_killing_has_a_content_note_in_both_languages(exhibit):
    missing = [
        (panel.code, code)
        for panel in exhibit.panels.all()
        if describes_a_killing(panel)
        for code in LANGUAGES
        if not getattr(panel, f"content_note_{code}").strip()
    ]
    assert missing == []


def test_the_panels_the_issue_names_are_recognised_as_describing_killings(exhibit):
    assert PANELS_WITH_KILLINGS <= {
        panel.code for panel in exhibit.panels.all() if describes_a_killing(panel)
    }


def test_content_notes_are_short(exhibit):
    for panel in exhibit.panels.exclude(content_note_hu=""):
        for code in LANGUAGES:
            assert word_count(getattr(panel, f"content_note_{code}")) <= 30, (panel.code, code)


def test_every_glossary_term_is_in_both_languages_and_linked_to_the_exhibit(exhibit):
    assert set(exhibit.glossary.all()) == set(GlossaryTerm.objects.all())
    assert exhibit.glossary.count() >= 11
    _, most = word_limits(GlossaryTerm, "definition")
    for term in exhibit.glossary.all():
        for code in LANGUAGES:
            assert getattr(term, f"term_{code}").strip(), (term.slug, code)
            assert 5 <= word_count(getattr(term, f"definition_{code}")) <= most, (term.slug, code)


def test_every_glossary_term_or_one_of_its_forms_appears_in_the_exhibit_in_each_language(exhibit):
    unused = []
    for code in LANGUAGES:
        texts = exhibit_texts(exhibit, code)
        for term in exhibit.glossary.all():
            forms = [getattr(term, f"term_{code}"), *getattr(term, f"other_forms_{code}").splitlines()]
            if not any(form.strip() and form.strip() in text for form in forms for text in texts):
                unused.append((term.slug, code))
    assert unused == []


def test_the_curators_manuscript_is_an_internal_source(exhibit):
    assert Source.objects.get(slug="forrasszoveg").is_internal


def test_every_event_and_panel_cites_a_published_source(exhibit):
    uncited = [
        str(event) for event in Event.objects.all() if not event.sources.filter(is_internal=False).exists()
    ]
    uncited += [
        str(panel) for panel in exhibit.panels.all() if not panel.sources.filter(is_internal=False).exists()
    ]
    assert uncited == []


def test_figures_places_and_glossary_terms_cite_a_published_source(exhibit):
    uncited = [
        str(obj)
        for model in [Figure, Place, GlossaryTerm]
        for obj in model.objects.all()
        if not obj.sources.filter(is_internal=False).exists()
    ]
    assert uncited == []


def test_the_bibliography_holds_the_standard_works_and_nothing_internal(exhibit):
    bibliography = set(exhibit.sources.values_list("slug", flat=True))
    assert set(STANDARD_WORKS) <= bibliography
    assert not exhibit.sources.filter(is_internal=True).exists()


def test_every_place_has_the_one_fact_that_helps_place_it(exhibit):
    for place in Place.objects.all():
        for code in LANGUAGES:
            assert getattr(place, f"area_{code}").strip(), (place.slug, code)


@pytest.mark.parametrize("slug", sorted(SITES))
def test_places_are_marked_within_300_metres_of_their_sites(exhibit, slug):
    place = Place.objects.get(slug=slug)
    assert distance_in_metres((float(place.latitude), float(place.longitude)), SITES[slug]) <= 300


@pytest.mark.skip(
    reason="No published coordinates of the Mosonmagyaróvár border-guard barracks (Gyász tér) were found "
    "to check against; the place still marks the town and says so. Add the reference to SITES when verified."
)
def test_mosonmagyarovar_is_marked_at_the_border_guard_barracks(exhibit):
    raise AssertionError("unreachable")


def test_the_prelude_and_epilogue_link_only_events_inside_the_exhibit_period(exhibit):
    for code in ["56-00", "56-14"]:
        panel = exhibit.panels.get(code=code)
        for event in panel.events.all():
            assert exhibit.period_start <= event.start_date <= exhibit.period_end, (code, event)


def test_no_text_carries_attributions_the_reviewer_flagged(exhibit):
    flagged = [
        "sztálinista Hegedüs",
        "Stalinist András Hegedüs",
        "cared nothing",
        "textbook misreading",
        "Premier",
    ]
    found = [
        (str(obj), name, word) for obj, name, text in translated_texts() for word in flagged if word in text
    ]
    assert found == []


def test_english_texts_keep_budapest_square_and_street_names_in_hungarian(exhibit):
    # One policy (issue 12): “Kossuth tér”, “Corvin köz”, never a translated name beside the Hungarian one.
    translated = ["Bem Square", "Kossuth Square", "Corvin Passage", "Republic Square", "Parliament Square"]
    found = [
        (str(obj), name, word)
        for obj, name, text in translated_texts("en")
        for word in translated
        if word in text
    ]
    assert found == []


def test_no_text_carries_the_wording_slips_the_reviewer_listed(exhibit):
    slips = {
        "hu": [
            "Honvéd Vezérkar",
            "leváltását",
            "a felszólításnak",
            "folytatta őket",
            "posztján",
            "váltotta fel",
        ],
        "en": ["During the night", "during the night", "warning shots for an attack", "hiding"],
    }
    found = [
        (str(obj), name, slip)
        for code, words in slips.items()
        for obj, name, text in translated_texts(code)
        for slip in words
        if slip in text
    ]
    assert found == []


def test_the_koztarsasag_ter_siege_gives_its_length_and_toll_and_calls_the_defenders_defenders(exhibit):
    # As the MTI chronology gives them: about three hours of fighting, 24 captured defenders lynched.
    event = Event.objects.get(slug="koztarsasag-teri-ostrom")
    panel = exhibit.panels.get(code="56-10")
    for text in [event.summary_hu, panel.body_hu]:
        assert (
            "mintegy három órán át" in text
            and "elfogott védők közül mintegy két tucat" in text
            and "Mező Imre" in text
        )
    for text in [event.summary_en, panel.body_en]:
        assert (
            "about three hours" in text
            and "about two dozen of the captured defenders" in text
            and "Imre Mező" in text
        )
        assert "defending the building" in text


def test_the_mosonmagyarovar_toll_is_a_range_with_the_higher_count_attributed(exhibit):
    event = Event.objects.get(slug="mosonmagyarovari-sortuz")
    assert (
        "52-től több mint százig" in event.summary_hu and "szemtanúk és hozzátartozók 107" in event.summary_hu
    )
    assert (
        "from 52 to more than a hundred" in event.summary_en
        and "witnesses and relatives count 107" in event.summary_en
    )
    assert event.sources.filter(slug="magyar-nemzet-2006-10-26").exists()


def test_the_delegations_are_named_on_the_day_the_mti_chronology_gives(exhibit):
    event = Event.objects.get(slug="targyalo-kuldottsegek")
    assert str(event.start_date) == "1956-11-02" and not event.is_approximate
    assert event.sources.filter(slug="mti-kronologia").exists()
    for slug in ["varso", "new-york"]:
        place = Place.objects.get(slug=slug)
        assert "november 2-án" in place.description_hu and "On 2 November" in place.description_en

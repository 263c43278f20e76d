import pytest

from exhibits.models import Panel
from exhibits.translations.state import TranslationState, source_changes, state


def test_a_text_without_english_is_missing(panel):
    assert state(panel, "title", "en") == TranslationState.MISSING


def test_english_written_after_the_hungarian_is_up_to_date(panel):
    panel.title_en = "At Bem Square"
    panel.save()

    assert state(Panel.objects.get(), "title", "en") == TranslationState.UP_TO_DATE


def test_changing_the_hungarian_makes_the_english_stale_and_shows_what_changed(panel):
    panel.title_en = "At Bem Square"
    panel.save()

    panel.title_hu = "A Bem téri nagygyűlés"
    panel.save()

    panel = Panel.objects.get()
    assert state(panel, "title", "en") == TranslationState.STALE
    assert "-A Bem téren" in source_changes(panel, "title", "en")
    assert "+A Bem téri nagygyűlés" in source_changes(panel, "title", "en")


def test_rewriting_the_english_brings_it_up_to_date_again(panel):
    panel.title_en = "At Bem Square"
    panel.save()
    panel.title_hu = "A Bem téri nagygyűlés"
    panel.save()

    panel.title_en = "The rally at Bem Square"
    panel.save()

    assert state(Panel.objects.get(), "title", "en") == TranslationState.UP_TO_DATE


@pytest.mark.django_db
def test_content_loaded_without_records_still_goes_stale_when_the_hungarian_changes(exhibit):
    Panel.objects.bulk_create([Panel(exhibit=exhibit, code="1", title_hu="Régi", title_en="Old")])
    panel = Panel.objects.get()
    assert state(panel, "title", "en") == TranslationState.UP_TO_DATE

    panel.title_hu = "Új"
    panel.save()

    assert state(Panel.objects.get(), "title", "en") == TranslationState.STALE


def test_an_empty_source_needs_no_translation(panel):
    assert state(panel, "body", "en") == TranslationState.MISSING
    panel.body_hu = ""
    panel.save()

    assert state(panel, "body", "en") == TranslationState.UP_TO_DATE

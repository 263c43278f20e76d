from exhibits.models import Panel
from tests.translations.xliff_helpers import export_xliff, units


def test_each_translatable_text_is_one_unit_with_a_stable_id(translated_exhibit):
    first = units(export_xliff(translated_exhibit))
    panel = Panel.objects.get(code="56-02")

    second = units(export_xliff(translated_exhibit))

    assert f"panel/{panel.pk}/body" in first
    assert list(first) == list(second)


def test_a_unit_has_the_hungarian_source_and_the_english_target_where_there_is_one(translated_exhibit):
    exported = units(export_xliff(translated_exhibit))
    missing, translated = Panel.objects.get(code="56-02"), Panel.objects.get(code="56-03")

    assert exported[f"panel/{missing.pk}/title"].source == "„Ruszkik haza!”"
    assert exported[f"panel/{missing.pk}/title"].target is None
    assert exported[f"panel/{translated.pk}/body"].target == "In Bródy Sándor Street."


def test_the_file_says_which_languages_it_translates_between(translated_exhibit):
    from translate.storage import xliff

    store = xliff.xlifffile(export_xliff(translated_exhibit))

    assert (store.getsourcelanguage(), store.gettargetlanguage()) == ("hu", "en")


def test_each_unit_carries_its_translation_state(translated_exhibit):
    exported = units(export_xliff(translated_exhibit))
    panels = {panel.code: panel for panel in Panel.objects.all()}

    def state(code, field):
        unit = exported[f"panel/{panels[code].pk}/{field}"]
        target = unit.xmlelement.find("{urn:oasis:names:tc:xliff:document:1.2}target")
        return unit.xmlelement.get("{urn:tarlo:xliff:1}state"), None if target is None else target.get(
            "state"
        )

    assert state("56-01", "title") == ("up_to_date", "translated")
    assert state("56-02", "title") == ("missing", None)
    assert state("56-03", "title") == ("stale", "needs-review-translation")


def test_markup_is_kept_as_placeholders_the_translator_cannot_break(translated_exhibit):
    panel = Panel.objects.get(code="56-01")
    unit = units(export_xliff(translated_exhibit))[f"panel/{panel.pk}/body"]

    placeholders = [
        type(elem).__name__ for elem in unit.rich_source[0].sub if type(elem).__name__ != "StringElem"
    ]

    assert unit.source == "A diákok csendben vonultak.Petőfi-szoborBem-szobor"
    assert placeholders == ["G", "X", "X"]


def test_texts_that_need_no_translation_are_left_out(translated_exhibit):
    exported = units(export_xliff(translated_exhibit))

    assert not any(unit_id.endswith(("/caption", "/biography")) for unit_id in exported)

import io

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import translation
from translate.storage.placeables import StringElem
from translate.storage.placeables.xliff import G, X

from exhibits.editorial import actions, drafts
from exhibits.editorial.locking import claim, current_version
from exhibits.models import Exhibit, Figure, Panel, Status
from exhibits.translations.importing import TranslationImportError, TranslationsRefused, import_translations
from exhibits.translations.state import TranslationState, state
from tests.translations.xliff_helpers import export_xliff, translate


def english(model=Panel):
    return {
        obj.pk: (obj.title_en if model is Panel else obj.name_en, getattr(obj, "body_en", None))
        for obj in model.objects.all()
    }


def panel(code):
    return Panel.objects.get(code=code)


def test_a_round_trip_changes_exactly_the_english_that_was_translated(translated_exhibit):
    before = {p.code: (p.title_en, p.body_en) for p in Panel.objects.all()}
    exhibit_before = Exhibit.objects.values_list("title_en", "introduction_en").get()
    figure_before = Figure.objects.values_list("name_en", "role_en").get()
    data = translate(
        export_xliff(translated_exhibit),
        {
            f"panel/{panel('56-02').pk}/title": "“Russians go home!”",
            f"panel/{panel('56-02').pk}/body": [
                StringElem(["At 8 p.m. ", G(id="1", sub=["Ernő Gerő"]), " spoke on the radio."])
            ],
            f"panel/{panel('56-03').pk}/body": "In Sándor Bródy Street.",
        },
    )

    result = import_translations(file=io.BytesIO(data))

    after = {p.code: (p.title_en, p.body_en) for p in Panel.objects.all()}
    assert after == {
        **before,
        "56-02": ("“Russians go home!”", "At 8 p.m. **Ernő Gerő** spoke on the radio."),
        "56-03": (before["56-03"][0], "In Sándor Bródy Street."),
    }
    assert Exhibit.objects.values_list("title_en", "introduction_en").get() == exhibit_before
    assert Figure.objects.values_list("name_en", "role_en").get() == figure_before
    assert len(result.written) == 3
    assert state(panel("56-02"), "body", "en") == TranslationState.UP_TO_DATE


def test_an_imported_body_keeps_its_paragraphs_and_lists(translated_exhibit):
    first = panel("56-01")
    first.body_en = ""
    first.save()
    data = translate(
        export_xliff(translated_exhibit),
        {
            f"panel/{first.pk}/body": [
                StringElem(
                    [
                        "Students marched ",
                        G(id="1", sub=["quietly"]),
                        ".",
                        X(id="2"),
                        "Petőfi’s statue",
                        X(id="3"),
                        "Bem’s statue",
                    ]
                )
            ]
        },
    )

    import_translations(file=io.BytesIO(data))

    assert panel("56-01").body_en == "Students marched *quietly*.\n\n- Petőfi’s statue\n- Bem’s statue"


def test_the_import_says_what_it_did(translated_exhibit, tmp_path, admin_user):
    path = tmp_path / "1956.en.xlf"
    path.write_bytes(
        translate(export_xliff(translated_exhibit), {f"panel/{panel('56-02').pk}/title": "Home!"})
    )
    out = io.StringIO()

    call_command("import_translations", str(path), "--user", admin_user.username, stdout=out)

    assert f"written: panel/{panel('56-02').pk}/title" in out.getvalue()
    assert "1 fordítás beírva" in out.getvalue()


def test_a_unit_whose_hungarian_changed_since_the_export_is_refused_and_nothing_is_written(
    translated_exhibit,
):
    data = translate(
        export_xliff(translated_exhibit),
        {f"panel/{panel('56-02').pk}/title": "Russians go home!", f"panel/{panel('56-03').pk}/body": "New."},
    )
    second = panel("56-02")
    second.title_hu = "„Ruszkik, haza!”"
    second.save()

    with pytest.raises(TranslationsRefused) as refused:
        import_translations(file=io.BytesIO(data))

    assert [unit_id for unit_id, _reason in refused.value.problems] == [f"panel/{second.pk}/title"]
    assert "A magyar szöveg megváltozott az export óta" in refused.value.problems[0][1]
    assert panel("56-02").title_en is None or panel("56-02").title_en == ""
    assert panel("56-03").body_en == "In Bródy Sándor Street."


def test_an_english_text_edited_by_someone_else_since_the_export_is_kept(translated_exhibit):
    third = panel("56-03")
    data = translate(export_xliff(translated_exhibit), {f"panel/{third.pk}/body": "On Bródy Sándor Street."})
    third.body_en = "In Sándor Bródy Street (edited by the editor)."
    third.save()

    with pytest.raises(TranslationsRefused) as refused:
        import_translations(file=io.BytesIO(data))

    assert refused.value.problems[0][0] == f"panel/{third.pk}/body"
    assert panel("56-03").body_en == "In Sándor Bródy Street (edited by the editor)."


def test_a_translation_equal_to_the_current_english_is_left_alone(translated_exhibit):
    third = panel("56-03")
    data = translate(export_xliff(translated_exhibit), {})
    third.body_en = "In Bródy Sándor Street."
    third.save()

    result = import_translations(file=io.BytesIO(data))

    assert result.written == []
    assert result.unchanged > 0


def replace(data, old, new, count=1):
    assert old.encode() in data
    return data.replace(old.encode(), new.encode(), count)


def test_unknown_ids_wrong_languages_and_broken_placeholders_are_reported_per_unit(translated_exhibit):
    second = panel("56-02")
    data = translate(
        export_xliff(translated_exhibit),
        {
            f"panel/{second.pk}/body": "Ernő Gerő spoke at 8 p.m.",  # the bold placeholder is gone
            f"panel/{second.pk}/title": "Home!",
        },
    )
    data = replace(data, f'id="panel/{second.pk}/title"', 'id="panel/999999/title"')
    data = replace(
        data,
        'xml:lang="en" state="translated">At Bem Square',
        'xml:lang="de" state="translated">Am Bem-Platz',
    )
    first = panel("56-01")

    with pytest.raises(TranslationsRefused) as refused:
        import_translations(file=io.BytesIO(data))

    problems = dict(refused.value.problems)
    assert set(problems) == {"panel/999999/title", f"panel/{second.pk}/body", f"panel/{first.pk}/title"}
    assert '<g id="1">' in problems[f"panel/{second.pk}/body"]
    assert "de" in problems[f"panel/{first.pk}/title"]
    assert panel("56-01").title_en == "At Bem Square"


def test_a_translation_that_fails_validation_is_refused(translated_exhibit):
    data = translate(export_xliff(translated_exhibit), {f"panel/{panel('56-02').pk}/title": "x" * 300})

    with pytest.raises(TranslationsRefused):
        import_translations(file=io.BytesIO(data))

    assert not panel("56-02").title_en


def test_the_command_reports_refused_units_and_fails(translated_exhibit, tmp_path, admin_user):
    path = tmp_path / "bad.xlf"
    data = translate(export_xliff(translated_exhibit), {f"panel/{panel('56-02').pk}/title": "Home!"})
    path.write_bytes(replace(data, f'id="panel/{panel("56-02").pk}/title"', 'id="kiosk/1/name"'))
    err = io.StringIO()

    with pytest.raises(CommandError):
        call_command("import_translations", str(path), "--user", admin_user.username, stderr=err)

    assert "kiosk/1/name" in err.getvalue()


# Hostile and malformed files: each gets a clear error and changes nothing.

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">]>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="hu"
target-language="en" original="x" datatype="plaintext"><body><trans-unit id="panel/1/title">
<source>&lol9;</source><target>&lol9;</target></trans-unit></body></file></xliff>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE xliff [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="hu"
target-language="en" original="x" datatype="plaintext"><body><trans-unit id="panel/1/title">
<source>A</source><target>&secret;</target></trans-unit></body></file></xliff>"""

WRONG_NAMESPACE = b"""<?xml version="1.0"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="hu" trgLang="en">
<file id="f"><unit id="panel/1/title"><segment><source>A</source><target>B</target></segment></unit></file></xliff>"""


@pytest.mark.parametrize(
    "data, message",
    [
        (BILLION_LAUGHS, "DTD"),
        (EXTERNAL_ENTITY, "DTD"),
        (WRONG_NAMESPACE, "nem XLIFF 1.2-fájl"),
        (b"<xliff version='1.2' xmlns='urn:oasis:names:tc:xliff:document:1.2'><file>", "nem jól formázott"),
        (b"\x00\xff garbage", "nem jól formázott"),
    ],
    ids=["entity expansion", "external entity", "wrong namespace", "truncated", "not xml"],
)
def test_a_hostile_or_malformed_file_gets_a_clear_error_and_changes_nothing(
    translated_exhibit, data, message
):
    before = english()

    with pytest.raises(TranslationImportError, match=message):
        import_translations(file=io.BytesIO(data))

    assert english() == before


def test_a_200_mb_file_is_refused_before_it_is_read(translated_exhibit, tmp_path):
    path = tmp_path / "huge.xlf"
    with open(path, "wb") as huge:
        huge.write(b"<xliff>")
        huge.truncate(200 * 1024 * 1024)  # sparse: large on paper, cheap to make

    with open(path, "rb") as huge, pytest.raises(TranslationImportError, match="nagyobb az importálható"):
        import_translations(file=huge)

    assert huge.closed


def test_a_stream_longer_than_the_limit_is_refused_without_reading_it_all(translated_exhibit, settings):
    settings.TARLO_IMPORT_MAX_BYTES = 1000
    stream = io.BytesIO(b" " * 5000)

    with pytest.raises(TranslationImportError, match="nagyobb az importálható"):
        import_translations(file=stream)

    assert stream.tell() == 1001


def test_the_command_names_a_bad_file(translated_exhibit, tmp_path, admin_user):
    path = tmp_path / "lol.xlf"
    path.write_bytes(BILLION_LAUGHS)

    with pytest.raises(CommandError, match="lol.xlf.*Nothing was changed"):
        call_command("import_translations", str(path), "--user", admin_user.username)


class TestPublishedContent:
    """English for published content goes into its pending draft: visitors see it once published."""

    @pytest.fixture
    def published(self, translated_exhibit, event):
        Exhibit.objects.update(status=Status.PUBLISHED)
        Panel.objects.update(status=Status.PUBLISHED)
        panel("56-02").events.add(event)
        return translated_exhibit

    @pytest.fixture
    def visitor(self):
        cache.clear()
        return Client()

    def test_visitors_see_the_imported_english_only_once_it_is_published(self, published, publisher, visitor):
        second = panel("56-02")
        data = translate(export_xliff(published), {f"panel/{second.pk}/title": "“Russians go home!”"})

        result = import_translations(file=io.BytesIO(data), user=publisher)

        assert result.drafted == result.written == [f"panel/{second.pk}/title"]
        assert not panel("56-02").title_en
        assert "Russians go home" not in visitor.get("/en/exhibits/1956/").content.decode()
        assert drafts.with_pending_draft(second).title_en == "“Russians go home!”"

        actions.publish(obj=second, user=publisher, override_reason="A törzsszöveg fordítása holnap jön.")

        assert "“Russians go home!”" in visitor.get("/en/exhibits/1956/").content.decode()
        assert state(panel("56-02"), "title", "en") == TranslationState.UP_TO_DATE

    def test_the_import_keeps_the_other_edits_of_the_pending_draft(self, published, curator):
        second = panel("56-02")
        edited = drafts.with_pending_draft(second)
        edited.body_hu = "Este 8 órakor **Gerő Ernő** beszélt a Magyar Rádióban."
        drafts.store_draft(obj=second, data=drafts.snapshot(edited, {"events": []}), user=curator)
        data = translate(
            export_xliff(published),
            {
                f"panel/{second.pk}/body": [
                    StringElem(["At 8 p.m. ", G(id="1", sub=["Ernő Gerő"]), " spoke on Hungarian Radio."])
                ]
            },
        )

        import_translations(file=io.BytesIO(data))

        preview = drafts.with_pending_draft(panel("56-02"))
        assert preview.body_en == "At 8 p.m. **Ernő Gerő** spoke on Hungarian Radio."
        assert preview.body_hu == "Este 8 órakor **Gerő Ernő** beszélt a Magyar Rádióban."
        assert drafts.linked_pks(preview, "events") == []
        assert panel("56-02").body_hu == "Este 8 órakor **Gerő Ernő** beszélt a rádióban."

    def test_a_unit_whose_hungarian_changed_in_a_draft_since_the_export_is_refused(self, published, curator):
        second = panel("56-02")
        data = translate(export_xliff(published), {f"panel/{second.pk}/title": "Russians go home!"})
        edited = drafts.with_pending_draft(second)
        edited.title_hu = "„Ruszkik, haza!”"
        drafts.store_draft(obj=second, data=drafts.snapshot(edited), user=curator)

        with pytest.raises(TranslationsRefused) as refused:
            import_translations(file=io.BytesIO(data))

        assert refused.value.problems[0][0] == f"panel/{second.pk}/title"
        assert "A magyar szöveg megváltozott az export óta" in refused.value.problems[0][1]
        assert not drafts.with_pending_draft(second).title_en

    def test_english_edited_in_a_draft_since_the_export_is_kept(self, published, curator):
        third = panel("56-03")
        data = translate(export_xliff(published), {f"panel/{third.pk}/body": "On Bródy Sándor Street."})
        edited = drafts.with_pending_draft(third)
        edited.body_en = "In Sándor Bródy Street (edited by the editor)."
        drafts.store_draft(obj=third, data=drafts.snapshot(edited), user=curator)

        with pytest.raises(TranslationsRefused) as refused:
            import_translations(file=io.BytesIO(data))

        unit_id, message = refused.value.problems[0]
        assert unit_id == f"panel/{third.pk}/body"
        assert curator.username in message and "„56-03 A Magyar Rádió ostroma”" in message  # who, and what
        assert drafts.with_pending_draft(third).body_en == "In Sándor Bródy Street (edited by the editor)."

    def test_an_import_into_a_draft_refuses_forms_opened_before_it(self, published):
        second = panel("56-02")
        opened_at = current_version(second)
        data = translate(export_xliff(published), {f"panel/{second.pk}/title": "Russians go home!"})

        import_translations(file=io.BytesIO(data))

        assert current_version(second) > opened_at
        assert not claim(second, opened_at)

    def test_the_command_says_which_units_await_publication(self, published, tmp_path, admin_user):
        second = panel("56-02")
        path = tmp_path / "1956.en.xlf"
        path.write_bytes(translate(export_xliff(published), {f"panel/{second.pk}/title": "Home!"}))
        out = io.StringIO()

        call_command("import_translations", str(path), "--user", admin_user.username, stdout=out)

        assert f"written into the pending draft: panel/{second.pk}/title" in out.getvalue()
        assert "Ezek közül 1 közzétett tartalom függő piszkozatába került" in out.getvalue()

    def test_the_admin_upload_says_which_units_await_publication(self, published, staff_client):
        second = panel("56-02")
        data = translate(export_xliff(published), {f"panel/{second.pk}/title": "Home!"})

        response = staff_client.post(
            f"/admin/exhibits/exhibit/{published.pk}/translations/import/",
            {"file": SimpleUploadedFile("1956.en.xlf", data)},
            follow=True,
        )

        shown = [str(message) for message in response.context["messages"]]
        assert any("függő piszkozatába került" in message for message in shown)
        assert any(f"panel/{second.pk}/title" in message for message in shown)

    def test_unpublished_content_is_written_at_once_and_kept_in_the_history(
        self, translated_exhibit, translator
    ):
        second = panel("56-02")
        data = translate(export_xliff(translated_exhibit), {f"panel/{second.pk}/title": "Russians go home!"})

        result = import_translations(file=io.BytesIO(data), user=translator)

        assert result.drafted == [] and panel("56-02").title_en == "Russians go home!"
        latest = panel("56-02").history.latest()
        assert latest.history_user == translator and latest.history_change_reason == "fordítások importálva"


# Refusals say what is wrong (issue 11).


def test_a_file_for_another_language_is_refused_naming_that_language(translated_exhibit):
    first = panel("56-01")
    data = replace(export_xliff(translated_exhibit), 'target-language="en"', 'target-language="de"')

    with translation.override("en"), pytest.raises(TranslationsRefused) as refused:
        import_translations(file=io.BytesIO(data))

    problem = dict(refused.value.problems)[f"panel/{first.pk}/title"]
    assert problem == "The file's target language is de; this site translates into en."


def test_a_translation_marked_with_another_language_than_its_file_says_both(translated_exhibit):
    first = panel("56-01")
    data = replace(
        export_xliff(translated_exhibit),
        'xml:lang="en" state="translated">At Bem Square',
        'xml:lang="de" state="translated">Am Bem-Platz',
    )

    with translation.override("en"), pytest.raises(TranslationsRefused) as refused:
        import_translations(file=io.BytesIO(data))

    problem = dict(refused.value.problems)[f"panel/{first.pk}/title"]
    assert problem == "The translation is marked de, but the file's target language is en."


def test_a_duplicated_placeholder_is_named_with_how_often_it_occurs(translated_exhibit):
    second = panel("56-02")
    data = translate(
        export_xliff(translated_exhibit),
        {
            f"panel/{second.pk}/body": [
                StringElem(["At 8 p.m. ", G(id="1", sub=["Ernő"]), " ", G(id="1", sub=["Gerő"]), " spoke."])
            ]
        },
    )

    with translation.override("en"), pytest.raises(TranslationsRefused) as refused:
        import_translations(file=io.BytesIO(data))

    problem = dict(refused.value.problems)[f"panel/{second.pk}/body"]
    assert problem == (
        'The placeholders do not match the source: <g id="1"> occurs 2 time(s) in the translation '
        "but 1 in the source."
    )

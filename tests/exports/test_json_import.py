import io
import json

import pytest
from django.core.management import CommandError, call_command

from exhibits.exports import export_exhibit
from exhibits.exports.json_import import ExhibitImportError, import_exhibit
from exhibits.models import Event, Exhibit, Figure, Image, Panel, Place, Source
from exhibits.translations.state import TranslationState, state

ALL = [Exhibit, Panel, Event, Figure, Place, Source, Image]


def export_json(exhibit):
    stream = io.BytesIO()
    export_exhibit(exhibit=exhibit, format="json", stream=stream)
    return stream.getvalue()


def snapshot():
    """What a visitor or translator would see of every exhibit, independent of database ids."""
    panels = [
        (
            p.code,
            p.order,
            p.title_hu,
            p.title_en,
            p.body_hu,
            p.body_en,
            p.status,
            p.image.credit if p.image else None,
            sorted(p.events.values_list("slug", flat=True)),
            sorted(p.figures.values_list("slug", flat=True)),
            state(p, "title", "en"),
        )
        for p in Panel.objects.order_by("code")
    ]
    exhibit = Exhibit.objects.get()
    events = [
        (
            e.slug,
            e.title_hu,
            e.start_date,
            e.place.slug if e.place else None,
            sorted(e.figures.values_list("slug", flat=True)),
            sorted(e.sources.values_list("slug", flat=True)),
        )
        for e in Event.objects.all()
    ]
    figures = list(Figure.objects.values_list("slug", "name_hu", "name_en", "born", "died", "other_names"))
    places = list(Place.objects.values_list("slug", "name_hu", "name_en", "latitude", "longitude"))
    images = list(Image.objects.values_list("file", "width", "height", "alt_text_en", "credit", "licence"))
    return (
        (exhibit.slug, exhibit.title_hu, exhibit.introduction_en, exhibit.image.credit),
        panels,
        events,
        figures,
        places,
        images,
    )


def test_the_json_has_the_documented_shape(translated_exhibit):
    document = json.loads(export_json(translated_exhibit))

    assert document["format"] == "tarlo-exhibit" and document["version"] == 2
    assert [panel["code"] for panel in document["panels"]] == ["56-01", "56-02", "56-03"]
    assert document["panels"][0]["title"] == {"hu": "A Bem téren", "en": "At Bem Square"}
    assert document["panels"][0]["events"] == ["bem-ter-tuntetes"]
    assert document["events"][0]["place"] == "bem-ter"
    assert document["sources"][0]["slug"] == "litvan"
    assert document["images"][0]["credit"] == "Fortepan / Nagy Gyula"


def test_importing_into_an_empty_database_gives_the_same_exhibit_back(
    translated_exhibit, tmp_path, admin_user
):
    path = tmp_path / "1956.json"
    path.write_bytes(export_json(translated_exhibit))
    before = snapshot()
    for model in ALL:
        model.objects.all().delete()

    call_command("import_exhibit", str(path), "--user", admin_user.username, stdout=io.StringIO())

    assert snapshot() == before
    assert state(Panel.objects.get(code="56-03"), "title", "en") == TranslationState.STALE


def test_an_exhibit_that_already_exists_is_not_imported_again(translated_exhibit):
    data = export_json(translated_exhibit)

    with pytest.raises(ExhibitImportError, match="már megvan"):
        import_exhibit(file=io.BytesIO(data))

    assert Panel.objects.count() == 3


@pytest.mark.parametrize(
    "data, message",
    [
        (b"{not json", "nem érvényes JSON"),
        (b'{"format": "other"}', "nem a Tárlóból exportált"),
        (b"[]", "nem a Tárlóból"),
    ],
)
@pytest.mark.django_db
def test_a_file_that_is_not_an_exhibit_export_is_refused(data, message):
    with pytest.raises(ExhibitImportError, match=message):
        import_exhibit(file=io.BytesIO(data))


def test_a_half_valid_export_changes_nothing(translated_exhibit):
    document = json.loads(export_json(translated_exhibit))
    for model in ALL:
        model.objects.all().delete()
    document["panels"][2]["code"] = "no spaces allowed"

    with pytest.raises(ExhibitImportError):
        import_exhibit(file=io.BytesIO(json.dumps(document).encode()))

    assert not any(model.objects.exists() for model in ALL)


@pytest.mark.django_db
def test_the_command_names_a_bad_file(tmp_path, admin_user):
    path = tmp_path / "x.json"
    path.write_text("[]")

    with pytest.raises(CommandError, match="x.json.*Nothing was changed"):
        call_command("import_exhibit", str(path), "--user", admin_user.username)

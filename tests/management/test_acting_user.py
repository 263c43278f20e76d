"""Commands that change content take --user (required) and --reason, and the history keeps both."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from exhibits.exports import export_exhibit
from exhibits.models import Exhibit, Panel
from tests.translations.xliff_helpers import export_xliff, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def xliff_file(translated_exhibit, tmp_path):
    panel = Panel.objects.get(code="56-02")
    path = tmp_path / "1956.en.xlf"
    path.write_bytes(translate(export_xliff(translated_exhibit), {f"panel/{panel.pk}/title": "Home!"}))
    return path


@pytest.fixture
def json_file(translated_exhibit, tmp_path):
    stream = io.BytesIO()
    export_exhibit(exhibit=translated_exhibit, format="json", stream=stream)
    path = tmp_path / "1956.json"
    path.write_bytes(stream.getvalue())
    Exhibit.objects.all().delete()  # panels go with it; the linked objects stay
    return path


@pytest.mark.parametrize("command", ["import_translations", "import_exhibit"])
def test_a_command_that_changes_content_needs_a_user(command, tmp_path):
    with pytest.raises(CommandError, match="--user"):
        call_command(command, str(tmp_path / "any.file"))


@pytest.mark.parametrize("command", ["import_translations", "import_exhibit"])
def test_an_unknown_user_is_refused_by_name_and_nothing_is_read(command, tmp_path):
    with pytest.raises(CommandError, match="There is no user “nobody”"):
        call_command(command, str(tmp_path / "missing.file"), "--user", "nobody")


def test_an_inactive_user_is_refused(django_user_model, xliff_file):
    django_user_model.objects.create_user("gone", is_active=False)

    with pytest.raises(CommandError, match="inactive"):
        call_command("import_translations", str(xliff_file), "--user", "gone")


def test_imported_translations_are_in_the_history_as_the_users_with_the_reason(xliff_file, admin_user):
    call_command(
        "import_translations",
        str(xliff_file),
        "--user",
        admin_user.username,
        "--reason",
        "Fordítóiroda, 2. kör",
        stdout=io.StringIO(),
    )

    latest = Panel.objects.get(code="56-02").history.latest()
    assert latest.title_en == "Home!"
    assert (latest.history_user, latest.history_change_reason) == (admin_user, "Fordítóiroda, 2. kör")


def test_without_a_reason_the_history_says_what_the_command_did(xliff_file, admin_user):
    with translation.override("en"):
        call_command(
            "import_translations", str(xliff_file), "--user", admin_user.username, stdout=io.StringIO()
        )

    latest = Panel.objects.get(code="56-02").history.latest()
    assert (latest.history_user, latest.history_change_reason) == (admin_user, "translations imported")


def test_an_imported_exhibit_is_in_the_history_as_the_users_with_the_reason(json_file, admin_user):
    from exhibits.models import Event, Figure, Image, Place, Source

    for model in [Event, Figure, Place, Source, Image]:
        model.objects.all().delete()

    call_command(
        "import_exhibit",
        str(json_file),
        "--user",
        admin_user.username,
        "--reason",
        "moved from the old site",
        stdout=io.StringIO(),
    )

    created = [Exhibit.objects.get().history.earliest(), Panel.objects.first().history.earliest()]
    assert {(record.history_user, record.history_change_reason) for record in created} == {
        (admin_user, "moved from the old site")
    }

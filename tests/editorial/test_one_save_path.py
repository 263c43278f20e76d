"""Every path that changes content goes through the editorial actions, and through nothing else.

Each test walks one path as a person takes it (the admin form, a list action, the history's
revert, the translation upload, the commands) and records, for every content save it makes,
whether an editorial action was doing it. (tests/save_guard.py guards every request of the
whole suite the same way; these also cover the commands.)
"""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db.models.signals import pre_save
from django.urls import reverse

from exhibits.content.models import CONTENT_MODELS
from exhibits.editorial import actions
from exhibits.editorial.actions.save import in_action
from exhibits.exports import export_exhibit
from exhibits.models import Exhibit, Panel, Place, Status
from tests import factories
from tests.translations.xliff_helpers import export_xliff, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def saves():
    """(model name, whether inside an editorial action) of every content save from now on."""
    recorded = []

    def record(sender, instance, raw, **kwargs):
        if sender in CONTENT_MODELS:
            recorded.append((sender.__name__, in_action()))

    pre_save.connect(record, dispatch_uid="tarlo-test-record-saves")
    yield recorded
    pre_save.disconnect(dispatch_uid="tarlo-test-record-saves")


def assert_all_through_actions(saves):
    assert saves, "the path saved nothing"
    assert [model for model, acting in saves if not acting] == []


def form_of(client, url):
    form = client.get(url).context["adminform"].form
    return {name: form[name].value() for name in form.fields if form[name].value() is not None}


def test_the_admin_change_form(saves, curator_client):
    place = factories.place(status=Status.DRAFT)
    url = reverse("admin:exhibits_place_change", args=[place.pk])
    saves.clear()

    response = curator_client.post(url, {**form_of(curator_client, url), "description_hu": "Új leírás."})

    assert response.status_code == 302
    assert_all_through_actions(saves)


def test_the_admin_add_form(saves, curator_client):
    response = curator_client.post(
        reverse("admin:exhibits_place_add"),
        {"name_hu": "Corvin köz", "slug": "corvin-koz", "edit_version": ""},
    )

    assert response.status_code == 302 and Place.objects.filter(slug="corvin-koz").exists()
    assert_all_through_actions(saves)


def test_the_list_actions(saves, curator_client, publisher_client):
    panel = factories.panel(factories.exhibit(), status=Status.DRAFT)
    changelist = reverse("admin:exhibits_panel_changelist")
    saves.clear()

    curator_client.post(changelist, {"action": "submit_for_review_action", "_selected_action": [panel.pk]})
    publisher_client.post(changelist, {"action": "publish_action", "_selected_action": [panel.pk]})
    publisher_client.post(changelist, {"action": "unpublish_action", "_selected_action": [panel.pk]})

    assert Panel.objects.get().status == Status.DRAFT
    assert_all_through_actions(saves)


def test_revert_from_the_history(saves, curator_client, curator):
    panel = factories.panel(factories.exhibit(), status=Status.DRAFT)
    first = panel.history.latest()
    actions.save_edit(obj=Panel.objects.get(pk=panel.pk), user=curator)
    panel.title_hu = "Elrontott cím"
    actions.save_edit(obj=panel, user=curator)
    saves.clear()

    curator_client.post(reverse("admin:exhibits_panel_simple_history", args=[panel.pk, first.history_id]))

    assert Panel.objects.get().title_hu != "Elrontott cím"
    assert_all_through_actions(saves)


def test_the_translation_upload_in_the_admin(saves, translated_exhibit, translator_client):
    third = translated_exhibit.panels.get(code="56-03")
    data = translate(export_xliff(translated_exhibit), {f"panel/{third.pk}/body": "On Bródy Sándor Street."})
    saves.clear()

    translator_client.post(
        reverse("admin:exhibits_exhibit_import_translations", args=[translated_exhibit.pk]),
        {"file": SimpleUploadedFile("1956.en.xlf", data)},
    )

    assert Panel.objects.get(pk=third.pk).body_en == "On Bródy Sándor Street."
    assert_all_through_actions(saves)


def test_the_translation_import_command(saves, translated_exhibit, tmp_path, translator):
    third = translated_exhibit.panels.get(code="56-03")
    path = tmp_path / "1956.en.xlf"
    path.write_bytes(
        translate(export_xliff(translated_exhibit), {f"panel/{third.pk}/body": "On Bródy Street."})
    )
    saves.clear()

    call_command("import_translations", str(path), user=translator.username, stdout=io.StringIO())

    assert_all_through_actions(saves)


def test_the_exhibit_import_command(saves, translated_exhibit, tmp_path, curator):
    stream = io.BytesIO()
    export_exhibit(exhibit=translated_exhibit, format="json", stream=stream)
    document = json.loads(stream.getvalue())
    for model in [Panel, Exhibit, *CONTENT_MODELS]:
        model.objects.all().delete()
    path = tmp_path / "1956.json"
    path.write_text(json.dumps(document))
    saves.clear()

    call_command("import_exhibit", str(path), user=curator.username, stdout=io.StringIO())

    assert Exhibit.objects.get().panels.count() == 3
    assert_all_through_actions(saves)

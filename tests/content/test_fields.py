"""Text fields store one form of a text, whatever the browser or editor sent."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from exhibits.content.fields import normalize_text
from exhibits.models import Draft, Panel, Status
from exhibits.translations.state import TranslationState, state
from tests import factories


@pytest.mark.parametrize(
    "sent, kept",
    [
        ("Első bekezdés.\r\n\r\nMásodik.", "Első bekezdés.\n\nMásodik."),
        ("Sor vége   \nkövetkező\t", "Sor vége\nkövetkező"),
        ("\n\nKözépen.\n\n", "Középen."),
        ("Gero\u030b Erno\u030b", "Gerő Ernő"),  # decomposed ő, as some keyboards and PDFs give it
        ("régi Mac\rsorvég", "régi Mac\nsorvég"),
    ],
)
def test_what_browsers_and_editors_send_is_kept_in_one_form(sent, kept):
    assert normalize_text(sent) == kept


@pytest.mark.django_db
def test_a_saved_text_is_stored_and_read_back_normalised():
    panel = factories.panel(factories.exhibit(), body_hu="Egy.\r\n\r\nKettő.  ")

    assert Panel.objects.get(pk=panel.pk).body_hu == "Egy.\n\nKettő."
    assert panel.body_hu == "Egy.\n\nKettő."


@pytest.mark.django_db
def test_a_form_sent_back_with_crlf_line_ends_changes_nothing(curator_client):
    exhibit = factories.exhibit()
    panel = factories.panel(exhibit, body_hu="Első bekezdés.\n\nMásodik.", body_en="First.\n\nSecond.")
    url = reverse("admin:exhibits_panel_change", args=[panel.pk])
    form = curator_client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    as_a_browser_sends = {
        name: value.replace("\n", "\r\n") if isinstance(value, str) else value for name, value in data.items()
    }

    response = curator_client.post(url, as_a_browser_sends)

    assert response.status_code == 302
    assert not Draft.objects.exists()  # published, yet nothing to publish: nothing changed


@pytest.mark.django_db
def test_a_hungarian_edit_sent_with_crlf_leaves_the_english_stale(curator_client):
    panel = factories.panel(
        factories.exhibit(), status=Status.DRAFT, body_hu="Egy.\n\nKettő.", body_en="One.\n\nTwo."
    )
    url = reverse("admin:exhibits_panel_change", args=[panel.pk])
    form = curator_client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data = {
        name: value.replace("\n", "\r\n") if isinstance(value, str) else value for name, value in data.items()
    }

    curator_client.post(url, {**data, "body_hu": "Egy.\r\n\r\nKettő.\r\n\r\nHárom."})

    assert state(Panel.objects.get(pk=panel.pk), "body", "en") == TranslationState.STALE


@pytest.mark.django_db
def test_the_data_migration_normalises_rows_saved_before(django_db_blocker):
    panel = factories.panel(factories.exhibit(), body_hu="Egy.\n\nKettő.", body_en="One.")
    Panel.objects.filter(pk=panel.pk).update(
        body_hu="Egy.\r\n\r\nKettő.  ", translated_from={"body_en": "Egy.\r\n\r\nKettő.  "}
    )
    migration = importlib.import_module("exhibits.migrations.0011_normalised_text_version_row_roles")

    migration.normalise_text(apps, schema_editor=None)

    stored = Panel.objects.get(pk=panel.pk)
    assert stored.body_hu == "Egy.\n\nKettő." and stored.translated_from["body_en"] == "Egy.\n\nKettő."
    assert state(stored, "body", "en") == TranslationState.UP_TO_DATE

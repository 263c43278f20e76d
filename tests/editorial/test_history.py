"""Every change is kept, with who made it, a readable diff, and revert."""

import pytest
from django.urls import reverse

from exhibits.editorial import actions
from exhibits.editorial.drafts import snapshot, store_draft, with_pending_draft
from exhibits.editorial.history import TRACKED_MODELS
from exhibits.editorial.locking import current_version
from exhibits.models import Panel, Source, Status


def test_every_content_model_keeps_history():
    from django.contrib import admin

    for model in admin.site._registry:
        if model._meta.app_label == "exhibits":
            assert model in TRACKED_MODELS
            assert hasattr(model, "history")


def test_a_change_in_the_admin_is_kept_with_its_author_and_a_readable_diff(curator_client, curator, place):
    url = reverse("admin:exhibits_place_change", args=[place.pk])
    curator_client.post(
        url,
        {
            "name_hu": "Bem József tér",
            "name_en": "Bem Square",
            "slug": place.slug,
            "latitude": "47.5101",
            "longitude": "19.0377",
            "edit_version": current_version(place),
        },
    )

    page = curator_client.get(reverse("admin:exhibits_place_history", args=[place.pk]))

    assert place.history.latest().history_user == curator
    html = page.content.decode()
    assert "Bem tér" in html and "Bem József tér" in html and "curator" in html


def test_a_save_by_code_such_as_an_import_is_kept_too(panel):
    panel.title_en = "On Bem Square"
    panel.save()

    assert [record.title_en for record in panel.history.all()] == ["On Bem Square", None]


def test_a_bulk_action_is_kept_in_the_history(publisher_client, publisher, panel):
    panel.title_en, panel.body_en = "On Bem Square", "Text."
    panel.save()

    publisher_client.post(
        reverse("admin:exhibits_panel_changelist"),
        {"action": "unpublish_action", "_selected_action": [panel.pk]},
    )
    actions.publish(obj=panel, user=publisher, override_reason="Rövid szöveg, szándékosan.")
    publisher_client.post(
        reverse("admin:exhibits_panel_changelist"),
        {"action": "unpublish_action", "_selected_action": [panel.pk]},
    )

    latest = panel.history.latest()
    assert latest.status == Status.DRAFT and latest.history_user == publisher


def test_a_curator_reverts_an_unpublished_object_to_an_earlier_version(curator_client, panel):
    first = panel.history.latest()
    panel.title_hu = "Elrontott cím"
    panel.save()

    response = curator_client.post(
        reverse("admin:exhibits_panel_simple_history", args=[panel.pk, first.history_id])
    )

    assert response.status_code == 302
    panel.refresh_from_db()
    assert panel.title_hu == "A Bem téren"


def test_a_publisher_undoes_a_bad_publish_and_it_goes_live_at_once(publisher_client, publisher, panel, event):
    panel.events.add(event)
    actions.publish(obj=panel, user=publisher, override_reason="Első változat.")
    good = panel.history.latest()
    panel.refresh_from_db()  # then a bad edit goes live
    panel.title_hu = "Rossz cím"
    panel.save()
    panel.events.clear()

    publisher_client.post(reverse("admin:exhibits_panel_simple_history", args=[panel.pk, good.history_id]))

    published = Panel.objects.published().get()
    assert published.title_hu == "A Bem téren"
    assert list(published.events.all()) == [event]


def test_a_curator_reverting_published_content_makes_a_draft_for_a_publisher(
    curator_client, publisher, panel
):
    actions.publish(obj=panel, user=publisher, override_reason="Első változat.")
    good = panel.history.latest()
    panel.refresh_from_db()
    panel.title_hu = "Más cím"
    panel.save()

    curator_client.post(reverse("admin:exhibits_panel_simple_history", args=[panel.pk, good.history_id]))

    panel.refresh_from_db()
    assert panel.title_hu == "Más cím"
    assert with_pending_draft(panel).title_hu == "A Bem téren"


def test_a_translator_cannot_revert(translator_client, panel):
    first = panel.history.latest()
    panel.title_hu = "Új"
    panel.save()

    response = translator_client.post(
        reverse("admin:exhibits_panel_simple_history", args=[panel.pk, first.history_id])
    )

    assert response.status_code == 403
    panel.refresh_from_db()
    assert panel.title_hu == "Új"


@pytest.mark.django_db
def test_a_deleted_source_stays_in_the_history():
    source = Source.objects.create(slug="forras", citation="Forrás")
    pk = source.pk
    source.delete()

    assert Source.history.filter(id=pk, history_type="-").exists()


def test_a_revert_is_refused_while_unpublished_changes_wait_so_they_are_not_lost(
    curator_client, publisher, curator, panel
):
    actions.publish(obj=panel, user=publisher, override_reason="Első változat.")
    good = panel.history.latest()
    panel.refresh_from_db()
    store_draft(obj=panel, data={**snapshot(panel), "title_hu": "Várakozó javítás"}, user=curator)

    response = curator_client.post(
        reverse("admin:exhibits_panel_simple_history", args=[panel.pk, good.history_id]),
        headers={"accept-language": "en"},
        follow=True,
    )

    assert "Publish them first, or edit the draft: a revert now would lose them." in response.content.decode()
    assert with_pending_draft(panel).title_hu == "Várakozó javítás"

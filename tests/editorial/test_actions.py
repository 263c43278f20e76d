"""Drafts over live content, publishing through services, and refusals that say why."""

import pytest
from django.urls import reverse

from exhibits.editorial import actions, drafts
from exhibits.editorial.locking import current_version
from exhibits.models import Panel, PublicationRecord, Status

ENGLISH = "The crowd gathered on Bem Square in the afternoon, then marched to Parliament as students read out their demands to everyone there."
HUNGARIAN = "A tömeg délután gyűlt össze a Bem téren, majd a Parlamenthez vonult, miközben a diákok felolvasták követeléseiket mindenkinek."


@pytest.fixture
def live_panel(panel, event, publisher):
    panel.title_en = "On Bem Square"
    panel.body_hu, panel.body_en = HUNGARIAN, ENGLISH
    panel.save()
    panel.events.add(event)
    actions.publish(obj=panel, user=publisher)
    panel.refresh_from_db()
    return panel


def panel_form(panel, **fields):
    data = {
        "exhibit": panel.exhibit_id,
        "code": panel.code,
        "order": panel.order,
        "title_hu": panel.title_hu,
        "title_en": panel.title_en,
        "body_hu": panel.body_hu,
        "body_en": panel.body_en,
        "events": [event.pk for event in panel.events.all()],
        "edit_version": current_version(panel),
    }
    return {**data, **fields}


def test_an_edit_to_published_content_is_kept_as_a_draft_visitors_do_not_see(curator_client, live_panel):
    response = curator_client.post(
        reverse("admin:exhibits_panel_change", args=[live_panel.pk]),
        panel_form(live_panel, title_hu="A Bem téren, délután", events=[]),
    )

    assert response.status_code == 302
    published = Panel.objects.published().get()
    assert published.title_hu == "A Bem téren" and published.events.count() == 1
    preview = drafts.with_pending_draft(published)
    assert preview.title_hu == "A Bem téren, délután"
    assert drafts.linked_pks(preview, "events") == []


def test_the_admin_form_shows_the_draft_and_its_difference_from_the_published_text(
    curator_client, live_panel
):
    curator_client.post(
        reverse("admin:exhibits_panel_change", args=[live_panel.pk]),
        panel_form(live_panel, title_hu="Új cím"),
    )

    page = curator_client.get(reverse("admin:exhibits_panel_change", args=[live_panel.pk]))

    assert page.context["adminform"].form.initial["title_hu"] == "Új cím"
    html = page.content.decode()
    assert "<del>A Bem téren</del>" in html and "<ins>Új cím</ins>" in html
    assert "A látogatók a közzétett változatot látják" in html


def test_publishing_applies_the_draft_at_once_and_records_who_did_it(
    curator, publisher, live_panel, curator_client
):
    curator_client.post(
        reverse("admin:exhibits_panel_change", args=[live_panel.pk]),
        panel_form(live_panel, title_hu="Új cím"),
    )

    actions.publish(obj=live_panel, user=publisher)

    live_panel.refresh_from_db()
    assert live_panel.title_hu == "Új cím" and live_panel.status == Status.PUBLISHED
    assert drafts.pending_draft(live_panel) is None
    assert live_panel.history.latest().history_user == publisher


def test_a_draft_is_submitted_for_review_then_published_by_a_publisher(
    curator_client, publisher_client, panel
):
    curator_client.post(reverse("admin:exhibits_panel_submit", args=[panel.pk]))
    panel.refresh_from_db()
    assert panel.status == Status.REVIEW

    publisher_client.post(
        reverse("admin:exhibits_panel_publish", args=[panel.pk]), {"override_reason": "Próba."}
    )

    panel.refresh_from_db()
    assert panel.status == Status.PUBLISHED


def test_publishing_is_refused_while_the_check_finds_errors_and_the_page_says_why(publisher_client, panel):
    response = publisher_client.post(reverse("admin:exhibits_panel_publish", args=[panel.pk]))

    panel.refresh_from_db()
    assert panel.status == Status.DRAFT
    html = response.content.decode()
    assert "Nincs közzétéve: a tartalomellenőrzés" in html
    assert "Hiányzik a fordítás." in html


def test_a_publisher_overrides_the_check_with_a_reason_that_is_kept(publisher, panel):
    actions.publish(
        obj=panel, user=publisher, override_reason="A kiállítás ma nyílik; a fordítás holnap jön."
    )

    record = PublicationRecord.objects.get(action="publish")
    assert record.user == publisher
    assert record.override_reason == "A kiállítás ma nyílik; a fordítás holnap jön."
    assert any(finding["code"] == "missing" for finding in record.findings)


def test_a_curator_cannot_publish_through_the_service(curator, panel):
    with pytest.raises(actions.Refused, match="Csak közzétevő"):
        actions.publish(obj=panel, user=curator, override_reason="mindegy")


def test_unpublishing_hides_content_again(publisher, live_panel):
    actions.unpublish(obj=live_panel, user=publisher)

    assert not Panel.objects.published().exists()


def test_the_publish_action_on_the_list_says_which_objects_were_refused_and_why(publisher_client, panel):
    response = publisher_client.post(
        reverse("admin:exhibits_panel_changelist"),
        {"action": "publish_action", "_selected_action": [panel.pk]},
        follow=True,
    )

    assert "Nincs közzétéve: a tartalomellenőrzés" in response.content.decode()
    panel.refresh_from_db()
    assert panel.status == Status.DRAFT


def test_a_published_panel_moved_in_the_exhibits_panel_list_becomes_a_draft(curator_client, live_panel):
    exhibit = live_panel.exhibit
    data = {
        "title_hu": exhibit.title_hu,
        "title_en": exhibit.title_en,
        "slug": exhibit.slug,
        "period_start": exhibit.period_start.isoformat(),
        "period_end": exhibit.period_end.isoformat(),
        "edit_version": current_version(exhibit),
        "panels-TOTAL_FORMS": "1",
        "panels-INITIAL_FORMS": "1",
        "panels-MIN_NUM_FORMS": "0",
        "panels-MAX_NUM_FORMS": "1000",
        "panels-0-id": live_panel.pk,
        "panels-0-exhibit": exhibit.pk,
        "panels-0-order": live_panel.order + 5,
        "panels-0-edit_version": current_version(live_panel),
    }

    response = curator_client.post(reverse("admin:exhibits_exhibit_change", args=[exhibit.pk]), data)

    assert response.status_code == 302
    live_panel.refresh_from_db()
    assert live_panel.order == 0
    assert drafts.with_pending_draft(live_panel).order == 5

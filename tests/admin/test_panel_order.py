"""The exhibit's page lists its panels compactly, in order; reordering them is saved through
the one save path (tests/admin/test_browser.py drags them in a real browser)."""

import re

import pytest
from django.urls import reverse

from exhibits.editorial import actions, drafts
from exhibits.models import Draft, Panel, Status
from tests import factories
from tests.admin.form_data import posted


@pytest.fixture
def exhibit(db):
    exhibit = factories.exhibit()
    for number in range(1, 4):
        factories.panel(exhibit, code=f"56-0{number}", order=number, title_hu=f"Tabló {number}")
    return exhibit


def change_url(exhibit):
    return reverse("admin:exhibits_exhibit_change", args=[exhibit.pk])


def orders(exhibit):
    return list(exhibit.panels.order_by("order", "pk").values_list("code", flat=True))


def moved(data, exhibit, code, order):
    """`data` with the hidden order field of panel `code` set to `order`."""
    panel = exhibit.panels.get(code=code)
    index = next(key for key, value in data.items() if key.endswith("-id") and value == str(panel.pk))
    return {**data, index.replace("-id", "-order"): str(order)}


def test_the_exhibit_page_lists_each_panel_once_linking_to_its_own_page(staff_client, exhibit):
    response = staff_client.get(change_url(exhibit))

    html = response.content.decode()
    links = re.findall(r'class="panel-title" href="/admin/exhibits/panel/(\d+)/change/"', html)
    assert links == [str(pk) for pk in exhibit.panels.order_by("order").values_list("pk", flat=True)]
    assert 'name="panels-0-body_hu"' not in html and 'name="panels-0-title_hu"' not in html


def test_saving_the_exhibit_as_it_was_opened_makes_no_panel_draft(staff_client, exhibit):
    data = posted(staff_client.get(change_url(exhibit)))

    response = staff_client.post(change_url(exhibit), {**data, "introduction_hu": "Új bevezető."})

    assert response.status_code == 302
    assert [draft.content_object for draft in Draft.objects.all()] == [exhibit]


def test_moving_an_unpublished_panel_changes_the_order_at_once(staff_client, exhibit):
    exhibit.panels.update(status=Status.DRAFT)
    data = posted(staff_client.get(change_url(exhibit)))

    response = staff_client.post(change_url(exhibit), moved(data, exhibit, "56-03", 0))

    assert response.status_code == 302
    assert orders(exhibit) == ["56-03", "56-01", "56-02"]


def test_moving_a_published_panel_makes_a_pending_draft_and_visitors_keep_the_old_order(
    staff_client, exhibit
):
    data = posted(staff_client.get(change_url(exhibit)))

    response = staff_client.post(change_url(exhibit), moved(data, exhibit, "56-03", 0))

    assert response.status_code == 302
    assert orders(exhibit) == ["56-01", "56-02", "56-03"]
    moved_panel = exhibit.panels.get(code="56-03")
    assert drafts.with_pending_draft(moved_panel).order == 0
    assert [draft.content_object for draft in Draft.objects.all()] == [moved_panel]


def test_moving_a_panel_keeps_the_text_of_its_pending_draft(staff_client, admin_user, exhibit):
    panel = exhibit.panels.get(code="56-02")
    draft = drafts.with_pending_draft(panel)
    draft.body_hu = "A kolléga még nem közzétett szövege."
    actions.save_edit(obj=draft, user=admin_user)
    data = posted(staff_client.get(change_url(exhibit)))

    staff_client.post(change_url(exhibit), moved(data, exhibit, "56-02", 9))

    drafted = drafts.with_pending_draft(Panel.objects.get(pk=panel.pk))
    assert (drafted.order, drafted.body_hu) == (9, "A kolléga még nem közzétett szövege.")


def test_the_list_shows_the_order_of_pending_drafts(staff_client, admin_user, exhibit):
    last = drafts.with_pending_draft(exhibit.panels.get(code="56-03"))
    last.order = 0
    actions.save_edit(obj=last, user=admin_user)

    response = staff_client.get(change_url(exhibit))

    codes = re.findall(r'class="panel-row[^"]*" data-code="([^"]+)"', response.content.decode())
    assert codes == ["56-03", "56-01", "56-02"]


def test_a_translator_sees_the_list_but_cannot_reorder_it(translator_client, exhibit):
    response = translator_client.get(change_url(exhibit))

    html = response.content.decode()
    assert 'class="panel-title"' in html
    assert "data-sortable" not in html and not re.search(r'name="panels-\d+-order"', html)


def test_a_panel_someone_saved_after_the_page_was_opened_refuses_the_save_and_says_who(
    staff_client, publisher, exhibit
):
    data = posted(staff_client.get(change_url(exhibit)))
    elsewhere = drafts.with_pending_draft(exhibit.panels.get(code="56-02"))
    elsewhere.title_hu = "Közben átírt cím"
    actions.save_edit(obj=elsewhere, user=publisher)

    response = staff_client.post(change_url(exhibit), moved(data, exhibit, "56-03", 0))

    assert response.status_code == 200
    assert "publisher" in response.content.decode() and "panel-row--error" in response.content.decode()
    assert orders(exhibit) == ["56-01", "56-02", "56-03"]
    assert [draft.content_object.code for draft in Draft.objects.all()] == ["56-02"]

"""The admin index opens on what needs the curator, each count linking to the filtered list."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from exhibits.editorial import actions, drafts
from exhibits.models import Draft, Event, Kiosk, Panel, Place, Status
from tests import factories


def queues(client):
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    return {queue.key: queue for queue in response.context["queues"]}, response.content.decode()


def listed(client, url):
    return list(client.get(url).context["cl"].result_list)


@pytest.fixture
def exhibit(db):
    return factories.exhibit()


def test_my_drafts_are_my_new_drafts_and_my_pending_changes_to_published_content(
    curator, curator_client, publisher, exhibit
):
    new = Event(title_hu="Saját", slug="sajat", category="political", start_date=datetime.date(1956, 10, 23))
    actions.save_edit(obj=new, user=curator)
    published = factories.panel(exhibit)
    edited = drafts.with_pending_draft(published)
    edited.title_hu = "Javított cím"
    actions.save_edit(obj=edited, user=curator)
    someone_elses = factories.panel(exhibit)
    other = drafts.with_pending_draft(someone_elses)
    other.title_hu = "Más módosítása"
    actions.save_edit(obj=other, user=publisher)

    found, html = queues(curator_client)

    counts = {item.label: item.count for item in found["mine"].items}
    assert counts == {"Események": 1, "Tablók": 1}
    panels_url = next(item.url for item in found["mine"].items if item.label == "Tablók")
    assert listed(curator_client, panels_url) == [published]
    assert "Saját piszkozataim" in html


def test_awaiting_review_counts_content_in_review_and_submitted_drafts(curator, curator_client, exhibit):
    factories.panel(exhibit, status=Status.REVIEW)
    submitted = factories.panel(exhibit)
    edited = drafts.with_pending_draft(submitted)
    edited.title_hu = "Kész, jóváhagyásra"
    actions.save_edit(obj=edited, user=curator)
    Draft.objects.update(is_submitted=True)
    factories.panel(exhibit)  # published, nothing waiting

    found, _html = queues(curator_client)

    (item,) = found["review"].items
    assert (item.label, item.count) == ("Tablók", 2)
    assert sorted(panel.status for panel in listed(curator_client, item.url)) == ["published", "review"]


def test_stale_and_missing_translations_are_counted_with_links_to_the_filtered_lists(staff_client, exhibit):
    stale = factories.panel(exhibit, status=Status.DRAFT)
    stale.body_hu = "A magyar szöveg megváltozott."
    stale.save()
    factories.panel(exhibit, title_en="", body_en="")

    found, _html = queues(staff_client)

    panels = {item.badge: item for item in found["translations"].items if item.label == "Tablók"}
    (stale_item,) = [item for badge, item in panels.items() if "elavult" in badge]
    (missing_item,) = [item for badge, item in panels.items() if "hiányzik" in badge]
    assert (stale_item.detail, stale_item.count, missing_item.count) == ("angol", 1, 1)
    assert listed(staff_client, stale_item.url) == [Panel.objects.get(pk=stale.pk)]


def test_kiosks_not_seen_for_a_day_are_listed_by_name(staff_client, exhibit):
    now = timezone.now()
    factories.kiosk(exhibit, name="Bejárat", last_seen_at=now - datetime.timedelta(days=2))
    factories.kiosk(exhibit, name="Új terem")
    factories.kiosk(exhibit, name="Működik", last_seen_at=now - datetime.timedelta(minutes=5))

    found, html = queues(staff_client)

    assert [item.label for item in found["kiosks"].items] == ["Bejárat", "Új terem"]
    assert "még sosem jelentkezett" in html
    assert [kiosk.name for kiosk in listed(staff_client, found["kiosks"].url)] == ["Bejárat", "Új terem"]


def test_an_empty_queue_says_there_is_nothing_to_do(staff_client, db):
    found, html = queues(staff_client)

    assert found["review"].total == 0
    assert "Semmi sem vár jóváhagyásra." in html


def test_the_index_costs_a_fixed_number_of_queries_however_much_waits(
    staff_client, exhibit, django_assert_max_num_queries
):
    for number in range(12):
        factories.panel(exhibit, status=Status.REVIEW, title_en="")
        Place.objects.create(name_hu=f"Hely {number}", slug=f"hely-{number}")
    Kiosk.objects.bulk_create(Kiosk(name=f"K{n}", slug=f"k{n}", exhibit=exhibit) for n in range(5))

    with django_assert_max_num_queries(60):
        staff_client.get(reverse("admin:index"))

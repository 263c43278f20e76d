import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from exhibits.content.version import content_version
from exhibits.models import Status
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


@pytest.fixture
def exhibit():
    exhibit = factories.exhibit()
    factories.linked_panel(exhibit, title_hu="Első tabló")
    return exhibit


def url(exhibit):
    return f"/hu/exhibits/{exhibit.slug}/"


def test_a_published_page_is_revalidated_with_an_etag(client, exhibit):
    first = client.get(url(exhibit))

    again = client.get(url(exhibit), headers={"if-none-match": first["ETag"]})

    assert again.status_code == 304 and first["Cache-Control"] == "no-cache" and "Last-Modified" in first


def test_an_unchanged_page_is_served_from_the_cache_with_one_query(client, exhibit):
    client.get(url(exhibit))

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url(exhibit))

    assert response.status_code == 200 and "Első tabló" in response.content.decode() and len(queries) == 1


def test_a_change_is_visible_at_once(client, exhibit):
    first = client.get(url(exhibit))
    panel = exhibit.panels.get()
    panel.title_hu = "Javított cím"
    panel.save()

    again = client.get(url(exhibit), headers={"if-none-match": first["ETag"]})

    assert again.status_code == 200 and "Javított cím" in again.content.decode()


def test_publishing_a_draft_is_visible_at_once(client, exhibit):
    draft = factories.panel(exhibit, status=Status.DRAFT, title_hu="Most jelenik meg")
    client.get(url(exhibit))

    draft.status = Status.PUBLISHED
    draft.save()

    assert "Most jelenik meg" in client.get(url(exhibit)).content.decode()


def test_deleting_content_changes_the_version(exhibit):
    before = content_version()[0]

    exhibit.panels.get().delete()

    assert content_version()[0] != before


def test_a_changed_image_text_changes_the_version(exhibit):
    before = content_version()[0]
    image = exhibit.panels.get().image
    image.alt_text_en = "Better words"
    image.save()

    assert content_version()[0] != before


def test_the_hungarian_and_english_pages_have_different_etags(client, exhibit):
    assert client.get(url(exhibit))["ETag"] != client.get(f"/en/exhibits/{exhibit.slug}/")["ETag"]

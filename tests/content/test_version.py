import pytest
from django.core.cache import cache

from exhibits.content.version import content_version
from exhibits.models import Status
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def test_linking_an_event_to_a_panel_changes_the_version():
    panel = factories.linked_panel(factories.exhibit())
    event = factories.event(slug="uj-esemeny", status=Status.PUBLISHED)
    before = content_version()[0]

    panel.events.add(event)

    assert content_version()[0] != before


def test_unlinking_a_figure_changes_the_version():
    panel = factories.linked_panel(factories.exhibit())
    before = content_version()[0]

    panel.figures.clear()

    assert content_version()[0] != before


def test_a_cached_exhibit_page_shows_an_event_linked_after_it_was_cached(client):
    exhibit = factories.exhibit()
    panel = factories.linked_panel(exhibit)
    event = factories.event(
        slug="kesobbi-esemeny", title_hu="Később kapcsolt esemény", status=Status.PUBLISHED
    )
    client.get(f"/hu/exhibits/{exhibit.slug}/")

    panel.events.add(event)

    assert "Később kapcsolt esemény" in client.get(f"/hu/exhibits/{exhibit.slug}/").content.decode()


def test_the_version_is_the_same_while_nothing_changes():
    factories.exhibit()

    assert content_version() == content_version()

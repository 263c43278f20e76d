import datetime
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.utils import translation

from exhibits.models import Image, Panel, Status
from exhibits.site.rendering import event_when, image_html, shown
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def test_text_missing_in_english_is_shown_in_hungarian_and_says_so():
    panel = SimpleNamespace(title_hu="Tüntetés", title_en="")

    assert shown(panel, "title", "en") == ("Tüntetés", "hu")


def test_an_edited_alt_text_is_rendered_at_once_although_images_are_remembered():
    image = factories.image()
    before = image_html(image)

    Image.objects.filter(pk=image.pk).update(alt_text_hu="Felvonulók a hídon")
    after = image_html(Image.objects.get(pk=image.pk))

    assert "Tüntetők a Bem téren" in before and 'alt="Felvonulók a hídon"' in after


def test_a_remembered_image_is_rendered_in_the_active_language():
    image = factories.image()
    image_html(image)

    with translation.override("en"):
        html = image_html(image)

    assert 'alt="Demonstrators on Bem Square"' in html and "Credit:" in html


def test_a_remembered_date_follows_the_language():
    event = SimpleNamespace(
        start_date=datetime.date(1956, 10, 23),
        start_time=datetime.time(20),
        end_date=None,
        precision="hour",
        time_label_hu="este 8 órakor",
        time_label_en="at 8 p.m.",
        is_approximate=False,
        is_uncertain=False,
    )

    hungarian = event_when(event)
    with translation.override("en"):
        english = event_when(event)

    assert hungarian == "1956. október 23., este 8 órakor" and english == "23 October 1956, at 8 p.m."


def test_the_exhibit_page_links_only_published_events_in_date_order_with_preview_links_for_staff(
    client, admin_user
):
    exhibit = factories.exhibit()
    panel = factories.panel(exhibit)
    later = factories.event(title_hu="Második", start_date=datetime.date(1956, 10, 25))
    earlier = factories.event(title_hu="Első", start_date=datetime.date(1956, 10, 23))
    draft = factories.event(title_hu="Piszkozat", status=Status.DRAFT)
    panel.events.add(later, earlier, draft)

    public = client.get(f"/hu/exhibits/{exhibit.slug}/").content.decode()
    client.force_login(admin_user)
    preview = client.get(f"/hu/exhibits/{exhibit.slug}/?preview").content.decode()

    assert public.index("Első") < public.index("Második") and "Piszkozat" not in public
    assert "Piszkozat" in preview and f'/hu/events/{earlier.slug}/?preview"' in preview


def test_a_remembered_panel_shows_an_edit_at_once_without_the_page_cache(client, settings):
    settings.TARLO_PAGE_CACHE_SECONDS = 0
    exhibit = factories.exhibit()
    panel = factories.linked_panel(exhibit, title_hu="Első tabló", body_hu="A diákok a Bem térre vonultak.")
    address = f"/hu/exhibits/{exhibit.slug}/"
    client.get(address)

    Panel.objects.filter(pk=panel.pk).update(body_hu="A tömeg a Parlamenthez vonult.")  # no new version
    page = client.get(address).content.decode()

    assert "A tömeg a Parlamenthez vonult." in page and "Bem térre" not in page


def test_a_remembered_panel_is_rendered_in_the_page_language(client, settings):
    settings.TARLO_PAGE_CACHE_SECONDS = 0
    exhibit = factories.exhibit()
    factories.linked_panel(exhibit, title_hu="Első tabló", title_en="")
    client.get(f"/hu/exhibits/{exhibit.slug}/")

    page = client.get(f"/en/exhibits/{exhibit.slug}/").content.decode()

    assert '<h2 id="panel-' in page and 'lang="hu">Első tabló</h2>' in page

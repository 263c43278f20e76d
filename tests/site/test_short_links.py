"""Short addresses (exhibits.site.short_links): a visitor types or scans /p/56-03 and lands on
the page in their language, however the slugs have changed since the label was printed."""

import pytest
from django.conf import settings
from django.core.cache import cache

from exhibits.models import Status
from exhibits.site.short_links import short_path, short_url
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def test_a_panels_short_address_leads_to_it_on_the_exhibit_page_in_the_browsers_language(client):
    exhibit = factories.exhibit()
    factories.panel(exhibit, code="56-03", title_en="The siege of the Radio")

    english = client.get("/p/56-03", headers={"accept-language": "en-GB,en;q=0.9"})
    hungarian = client.get("/p/56-03", headers={"accept-language": "hu"})

    assert english.status_code == 302
    assert english["Location"] == f"/en/exhibits/{exhibit.slug}/#panel-56-03"
    assert hungarian["Location"] == f"/hu/exhibits/{exhibit.slug}/#panel-56-03"
    page = client.get(english["Location"]).content.decode()
    assert 'id="panel-56-03"' in page and "The siege of the Radio" in page


def test_the_language_a_visitor_chose_on_the_site_wins_over_the_browsers(client):
    exhibit = factories.exhibit()
    factories.panel(exhibit, code="56-03")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = client.get("/p/56-03", headers={"accept-language": "hu"})

    assert response["Location"] == f"/en/exhibits/{exhibit.slug}/#panel-56-03"


def test_a_visitor_with_another_language_gets_the_sites_default(client):
    exhibit = factories.exhibit()
    factories.panel(exhibit, code="56-03")

    response = client.get("/p/56-03", headers={"accept-language": "de-DE,fr;q=0.8"})

    assert response["Location"] == f"/hu/exhibits/{exhibit.slug}/#panel-56-03"


def test_the_redirect_tells_shared_caches_it_depends_on_the_language(client):
    factories.panel(factories.exhibit(), code="56-03")

    response = client.get("/p/56-03", headers={"accept-language": "en"})

    vary = {part.strip().lower() for part in response["Vary"].split(",")}
    assert {"accept-language", "cookie"} <= vary


@pytest.mark.parametrize(
    ("make", "view"),
    [
        (factories.event, "events"),
        (factories.figure, "figures"),
        (factories.place, "places"),
    ],
)
def test_the_short_address_of_an_event_person_or_place_outlives_a_change_of_slug(client, make, view):
    obj = make()
    address = short_path(obj)
    obj.slug = "renamed-by-a-curator"
    obj.save()

    response = client.get(address, headers={"accept-language": "en"}, follow=True)

    assert response.redirect_chain == [(f"/en/{view}/renamed-by-a-curator/", 302)]
    assert response.status_code == 200


def test_a_panels_short_address_outlives_a_change_of_the_exhibits_slug(client):
    exhibit = factories.exhibit()
    factories.panel(exhibit, code="56-03", title_en="The siege of the Radio")
    exhibit.slug = "nineteen-fifty-six"
    exhibit.save()

    response = client.get("/p/56-03", headers={"accept-language": "en"}, follow=True)

    assert response.redirect_chain == [("/en/exhibits/nineteen-fifty-six/#panel-56-03", 302)]
    assert "The siege of the Radio" in response.content.decode()


def test_short_addresses_have_one_form_each(db):
    exhibit = factories.exhibit()
    panel = factories.panel(exhibit, code="56-03")
    event, figure, place = factories.event(), factories.figure(), factories.place()

    assert short_path(panel) == "/p/56-03"
    assert short_path(event) == f"/e/{event.pk}"
    assert short_path(figure) == f"/f/{figure.pk}"
    assert short_path(place) == f"/pl/{place.pk}"
    assert short_url(panel) == "https://tarlo.museum.example/p/56-03"


def test_a_trailing_slash_typed_by_a_visitor_is_forgiven(client):
    event = factories.event()

    response = client.get(f"/e/{event.pk}/", headers={"accept-language": "en"})

    assert response["Location"] == f"/en/events/{event.slug}/"


@pytest.mark.parametrize(
    "address",
    [
        "/p/99-99",
        "/e/999999",
        "/f/999999",
        "/pl/999999",
        "/e/99999999999999999999999999",
        "/e/-1",
        "/e/abc",
        "/p/56-03/../../admin",
        "/p/%3Cscript%3E",
        "/p/" + "5" * 5000,
        "/p/",
    ],
)
def test_an_unknown_or_malformed_short_address_is_not_found(client, address):
    factories.panel(factories.exhibit(), code="56-03")

    assert client.get(address).status_code == 404


def test_drafts_have_no_short_address_for_visitors(client):
    published_exhibit = factories.exhibit()
    factories.panel(published_exhibit, code="56-01", status=Status.DRAFT)
    draft_exhibit = factories.exhibit(status=Status.DRAFT)
    factories.panel(draft_exhibit, code="56-02")
    event = factories.event(status=Status.REVIEW)
    figure = factories.figure(status=Status.DRAFT)
    place = factories.place(status=Status.DRAFT)

    for address in ["/p/56-01", "/p/56-02", short_path(event), short_path(figure), short_path(place)]:
        assert client.get(address).status_code == 404, address


def test_staff_previewing_are_led_to_the_drafts_preview(admin_client):
    event = factories.event(status=Status.DRAFT)

    response = admin_client.get(f"{short_path(event)}?preview", headers={"accept-language": "en"})

    assert response["Location"] == f"/en/events/{event.slug}/?preview"
    assert admin_client.get(response["Location"]).status_code == 200


def test_visitors_asking_for_a_preview_get_no_draft(client):
    event = factories.event(status=Status.DRAFT)

    assert client.get(f"{short_path(event)}?preview").status_code == 404


def test_a_code_used_in_two_exhibits_stays_with_the_older_one(client):
    older, newer = factories.exhibit(), factories.exhibit()
    factories.panel(newer, code="56-03")
    factories.panel(older, code="56-03")

    response = client.get("/p/56-03", headers={"accept-language": "en"})

    assert response["Location"] == f"/en/exhibits/{older.slug}/#panel-56-03"


def test_a_code_whose_first_panel_is_unpublished_leads_to_the_published_one(client):
    older, newer = factories.exhibit(status=Status.DRAFT), factories.exhibit()
    factories.panel(older, code="56-03")
    factories.panel(newer, code="56-03")

    response = client.get("/p/56-03", headers={"accept-language": "en"})

    assert response["Location"] == f"/en/exhibits/{newer.slug}/#panel-56-03"


def test_a_short_address_only_reads(client):
    event = factories.event()

    assert client.post(short_path(event)).status_code == 405
    assert client.head(short_path(event)).status_code == 302


def test_a_short_address_costs_one_query(client, django_assert_num_queries):
    exhibit = factories.exhibit()
    factories.panel(exhibit, code="56-03")
    event = factories.event()

    with django_assert_num_queries(1):
        client.get("/p/56-03")
    with django_assert_num_queries(1):
        client.get(short_path(event))

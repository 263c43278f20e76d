"""Authority links: a curator names a person's or a place's Wikidata item (and a place's
GeoNames number) in the admin; the public page's JSON-LD says the page is about that thing."""

import json
import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from exhibits.models import Figure, Place, Status
from tests import factories
from tests.admin.form_data import posted

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def json_ld(response):
    page = response.content.decode()
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))


def test_a_persons_wikidata_item_is_the_same_as_their_page(client):
    figure = factories.figure(wikidata_id="Q123456")

    data = json_ld(client.get(f"/en/figures/{figure.slug}/"))

    assert data["@type"] == "Person" and data["sameAs"] == ["https://www.wikidata.org/wiki/Q123456"]


def test_a_place_page_carries_json_ld_with_its_wikidata_and_geonames_records(client):
    place = factories.place(name_en="Budapest", wikidata_id="Q1781", geonames_id="3054643")

    data = json_ld(client.get(f"/en/places/{place.slug}/"))

    assert data["@context"] == "https://schema.org" and data["@type"] == "Place"
    assert data["name"] == "Budapest" and data["url"] == f"http://testserver/en/places/{place.slug}/"
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 47.5101, "longitude": 19.0377}
    assert data["sameAs"] == ["https://www.wikidata.org/wiki/Q1781", "https://www.geonames.org/3054643/"]
    assert data["description"] == "A square in Buda."


def test_an_events_place_carries_its_records_too(client):
    event = factories.event(place=factories.place(wikidata_id="Q1781"))

    data = json_ld(client.get(f"/en/events/{event.slug}/"))

    assert data["location"]["sameAs"] == ["https://www.wikidata.org/wiki/Q1781"]


def test_without_records_nothing_is_claimed(client):
    figure, place = factories.figure(), factories.place()

    assert "sameAs" not in json_ld(client.get(f"/en/figures/{figure.slug}/"))
    assert "sameAs" not in json_ld(client.get(f"/en/places/{place.slug}/"))


def change_page(client, obj):
    return client.get(reverse(f"admin:exhibits_{obj._meta.model_name}_change", args=[obj.pk]))


def test_the_item_a_curator_enters_in_the_admin_reaches_the_visitors_page(curator_client, client):
    figure = factories.figure(status=Status.DRAFT)
    form = posted(change_page(curator_client, figure)) | {"wikidata_id": "Q654321"}

    response = curator_client.post(
        reverse("admin:exhibits_figure_change", args=[figure.pk]), form, follow=True
    )
    assert response.status_code == 200 and not response.context.get("errors")
    figure.refresh_from_db()
    figure.status = Status.PUBLISHED
    figure.save()

    data = json_ld(client.get(f"/en/figures/{figure.slug}/"))

    assert data["sameAs"] == ["https://www.wikidata.org/wiki/Q654321"]


@pytest.mark.parametrize("typed", ["X12", "q12", "Q0", "Q12 ", "Q1 2", "12", "Q", "<script>Q1</script>"])
def test_a_curators_malformed_wikidata_id_is_a_form_error_and_nothing_is_saved(curator_client, typed):
    figure = factories.figure(status=Status.DRAFT)
    form = posted(change_page(curator_client, figure)) | {"wikidata_id": typed}

    response = curator_client.post(
        reverse("admin:exhibits_figure_change", args=[figure.pk]), form, headers={"accept-language": "en"}
    )

    if typed == "Q12 ":  # the admin strips what a paste leaves around it: that one is fine
        assert response.status_code == 302
        assert Figure.objects.get(pk=figure.pk).wikidata_id == "Q12"
        return
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors.as_data()
    assert [error.code for error in errors["wikidata_id"]] == ["invalid_wikidata_id"]
    assert "A Wikidata id is Q followed by digits" in response.content.decode()
    assert Figure.objects.get(pk=figure.pk).wikidata_id == ""


def test_a_curators_malformed_geonames_id_is_a_form_error(curator_client):
    place = factories.place(status=Status.DRAFT)
    form = posted(change_page(curator_client, place)) | {"wikidata_id": "X12", "geonames_id": "Budapest"}

    response = curator_client.post(reverse("admin:exhibits_place_change", args=[place.pk]), form)

    errors = response.context["adminform"].form.errors.as_data()
    assert [error.code for error in errors["wikidata_id"]] == ["invalid_wikidata_id"]
    assert [error.code for error in errors["geonames_id"]] == ["invalid_geonames_id"]
    assert Place.objects.get(pk=place.pk).geonames_id == ""

"""Every list and object of the API costs the same number of queries however many rows it shows."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories

pytestmark = pytest.mark.django_db


def queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, response.content
    return len(captured)


def linked_event(day):
    event = factories.event(
        start_date=datetime.date(1956, 10, 23) + datetime.timedelta(days=day), place=factories.place()
    )
    event.figures.add(factories.figure(portrait=factories.image()), factories.figure())
    event.sources.add(factories.source(), factories.source(is_internal=True))
    return event


def content(count):
    """`count` of everything: linked events, people with portraits, places, terms, panels with images."""
    exhibit = factories.exhibit()
    for number in range(count):
        event = linked_event(number)
        panel = factories.linked_panel(exhibit, code=f"56-{number:02d}")
        panel.events.add(event)
        panel.sources.add(factories.source())
        term = factories.glossary_term()
        term.sources.add(factories.source())
        exhibit.glossary.add(term)
    return exhibit


LISTS = [
    "/api/v1/exhibits/",
    "/api/v1/events/",
    "/api/v1/events/?start=1956-10-23&end=1956-11-04&category=demonstration",
    "/api/v1/figures/",
    "/api/v1/places/",
    "/api/v1/sources/",
    "/api/v1/glossary/",
    "/api/v1/images/",
]


@pytest.mark.parametrize("path", LISTS)
def test_a_list_costs_the_same_queries_with_more_rows(client, path):
    content(1)
    few = queries(client, path)
    content(4)
    many = queries(client, path)

    assert few == many <= 6


def test_a_list_filtered_by_person_and_place_costs_the_same_queries_with_more_rows(client):
    figure, place = factories.figure(slug="nagy-imre"), factories.place(slug="kossuth-ter")
    factories.event(place=place).figures.add(figure)
    path = "/api/v1/events/?figure=nagy-imre&place=kossuth-ter"
    few = queries(client, path)
    for _ in range(4):
        factories.event(place=place).figures.add(figure, factories.figure())

    assert few == queries(client, path) <= 8


def test_an_exhibit_costs_the_same_queries_with_more_panels(client):
    small, large = content(1), content(6)

    few = queries(client, f"/api/v1/exhibits/{small.pk}/")
    many = queries(client, f"/api/v1/exhibits/{large.pk}/")

    assert few == many <= 12


def test_a_panel_costs_the_same_queries_in_a_larger_exhibit(client):
    small, large = content(1), content(6)

    few = queries(client, f"/api/v1/panels/{small.panels.first().pk}/")
    many = queries(client, f"/api/v1/panels/{large.panels.last().pk}/")

    assert few == many <= 12


@pytest.mark.parametrize("kind", ["events", "figures", "places"])
def test_one_object_costs_the_same_queries_however_much_it_links_to(client, kind):
    few_event, many_event = linked_event(1), linked_event(2)
    for _ in range(4):
        many_event.figures.add(factories.figure())
        many_event.sources.add(factories.source())
        factories.event(place=many_event.place).figures.add(*many_event.figures.all())
    few_object = {"events": few_event, "figures": few_event.figures.first(), "places": few_event.place}[kind]
    many_object = {"events": many_event, "figures": many_event.figures.first(), "places": many_event.place}[
        kind
    ]

    assert queries(client, f"/api/v1/{kind}/{few_object.pk}/") == queries(
        client, f"/api/v1/{kind}/{many_object.pk}/"
    )

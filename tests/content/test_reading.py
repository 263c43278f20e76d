"""What belongs to an exhibit is read in one place, and every part that shows it agrees."""

import csv
import datetime
import io

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from exhibits.content import checks
from exhibits.content.reading import read_exhibit
from exhibits.editorial import drafts
from exhibits.exports import export_exhibit
from exhibits.models import Panel, Status
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def exhibit():
    """An exhibit whose panel links one event, with another event dated in its period only."""
    cache.clear()
    exhibit = factories.exhibit(slug="forradalom")
    factories.kiosk(exhibit, slug="terem-1")
    panel = factories.panel(exhibit, code="56-01")
    panel.events.add(factories.event(slug="linked", title_hu="Kapcsolt esemény"))
    factories.event(slug="in-period", title_hu="Csak a korszakban", start_date=datetime.date(1956, 10, 30))
    factories.event(slug="outside", title_hu="Korszakon kívül", start_date=datetime.date(1957, 3, 15))
    return exhibit


def exported(exhibit, format):
    stream = io.BytesIO()
    export_exhibit(exhibit=exhibit, format=format, stream=stream)
    return stream.getvalue().decode("utf-8-sig")


def test_an_event_dated_in_the_period_belongs_to_the_exhibit_though_no_panel_links_it(exhibit):
    slugs = [event.slug for event in read_exhibit(exhibit).events]

    assert "in-period" in slugs and "linked" in slugs and "outside" not in slugs


def test_events_dated_in_the_period_belong_to_an_exhibit_whose_panels_link_none():
    exhibit = factories.exhibit()
    factories.panel(exhibit)
    factories.event(slug="only-by-date", start_date=datetime.date(1956, 11, 1))

    assert [event.slug for event in read_exhibit(exhibit).events] == ["only-by-date"]
    assert [event.slug for event in read_exhibit(exhibit, drafts=True).events] == ["only-by-date"]


def test_everything_the_kiosk_shows_is_exported_for_translators_and_checked(client, exhibit):
    in_period = read_exhibit(exhibit).events[-1]
    in_period.title_hu = 'Csak a korszakban, "rossz" idézőjelekkel'
    in_period.save()

    kiosk = client.get("/kiosk/terem-1/").content.decode()
    xliff = exported(exhibit, "xliff")
    rows = list(csv.reader(io.StringIO(exported(exhibit, "csv"))))
    findings = checks.check_exhibit(exhibit)

    assert "Csak a korszakban" in kiosk
    assert f'id="event/{in_period.pk}/title"' in xliff
    assert any(row[0] == f"event/{in_period.pk}/title" for row in rows)
    assert any(f.obj == in_period and f.code == "wrong_quotes" for f in findings)


def test_visitors_read_only_published_objects_and_links_to_them(exhibit):
    panel = exhibit.panels.get()
    hidden = factories.event(slug="hidden", status=Status.DRAFT)
    panel.events.add(hidden)
    factories.panel(exhibit, code="56-02", status=Status.DRAFT)

    contents = read_exhibit(exhibit)

    assert [p.code for p in contents.panels] == ["56-01"]
    assert hidden not in contents.linked(panel, "events")
    assert "hidden" in [e.slug for e in read_exhibit(exhibit, drafts=True).events]


def test_internal_sources_are_never_among_what_visitors_read(exhibit):
    panel = exhibit.panels.get()
    published = factories.source(slug="litvan")
    internal = factories.source(slug="kezirat", is_internal=True)
    panel.sources.add(published, internal)
    exhibit.sources.add(internal)

    assert read_exhibit(exhibit).sources == [published]
    assert read_exhibit(exhibit).linked(panel, "sources") == [published]
    assert internal in read_exhibit(exhibit, unpublished=True, internal=True).sources


def test_a_pending_draft_is_read_with_its_values_and_links_by_staff_only(exhibit):
    panel = exhibit.panels.get()
    newcomer = factories.figure(slug="nagy-imre", name_hu="Nagy Imre")
    edited = drafts.with_pending_draft(panel)
    edited.title_hu = "Piszkozat cím"
    drafts.store_draft(obj=panel, data=drafts.snapshot(edited, {"figures": [newcomer]}), user=None)

    staff, visitors = read_exhibit(exhibit, drafts=True), read_exhibit(exhibit)

    assert staff.panels[0].title_hu == "Piszkozat cím" and visitors.panels[0].title_hu != "Piszkozat cím"
    assert staff.linked(staff.panels[0], "figures") == [newcomer]
    assert newcomer not in visitors.figures
    assert Panel.objects.get(pk=panel.pk).title_hu != "Piszkozat cím"  # the live row is untouched


def test_glossary_terms_of_the_exhibit_belong_to_it_and_are_translated_with_it(exhibit):
    term = factories.glossary_term(slug="avh")
    exhibit.glossary.add(term)

    assert read_exhibit(exhibit).glossary == [term]
    assert f'id="glossaryterm/{term.pk}/definition"' in exported(exhibit, "xliff")


def test_reading_costs_the_same_queries_however_many_panels(exhibit):
    def queries_for(panels):
        for _ in range(panels):
            factories.linked_panel(exhibit)
        with CaptureQueriesContext(connection) as queries:
            read_exhibit(exhibit)
        return len(queries)

    assert queries_for(3) == queries_for(30)

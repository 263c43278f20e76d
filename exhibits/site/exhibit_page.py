"""What the exhibit page and its bibliography and glossary print, worked out once in plain Python
from the exhibit's contents (exhibits.content.reading): texts with their lang, addresses, dates,
cards and notes, so that the templates only put strings in place. A staff preview reads the
contents with drafts and ends in the same functions, so it looks exactly as the published page will.
"""

import datetime
import functools
from types import SimpleNamespace
from typing import NamedTuple

from django.urls import get_script_prefix
from django.utils import translation
from django.utils.translation import gettext, gettext_lazy, npgettext

from exhibits.content.reading import read_exhibit
from exhibits.site import places as place_views
from exhibits.site.glossary import Glossary
from exhibits.site.rendering import (
    active_language,
    description,
    detail_path,
    event_time,
    image_html,
    image_url,
    long_day,
    markup_html,
    period,
    pull_quote,
    short_day,
    short_days,
    short_month,
    shown,
)

# The longest period the day strip shows day by day.
DAY_STRIP_DAYS = 31


def exhibit_page(exhibit, *, drafts=False):
    """The context of site/exhibit_detail.html for `exhibit` in the active language."""
    language, prefix = active_language(), get_script_prefix()
    contents = read_exhibit(exhibit, drafts=drafts)
    exhibit = contents.exhibit
    glossary = exhibit_glossary(contents)
    page = exhibit_header(contents, language)
    page.introduction = glossary.mark(page.introduction, language=language)
    page.panels = [panel_view(panel, contents, glossary, language, prefix) for panel in contents.panels]
    page.days = day_strip(exhibit, page.panels, language)
    page.contents = tuple(
        Entry(panel.anchor, panel.code, panel.title, panel.title_lang) for panel in page.panels
    )
    page.days_label = npgettext("length of an exhibit's period", "day", "days", len(page.days))
    page.places = place_views.mapped(contents.places, language)
    page.has_sources = bool(contents.sources)
    page.has_glossary = bool(contents.glossary)
    return page


def exhibit_header(contents, language):
    """The hero of the exhibit's pages: title, period, content note, introduction, image."""
    exhibit = contents.exhibit
    title, title_lang = shown(exhibit, "title", language)
    introduction, introduction_lang = shown(exhibit, "introduction", language)
    content_note, content_note_lang = shown(exhibit, "content_note", language)
    image = contents.image_of(exhibit)
    return SimpleNamespace(
        slug=exhibit.slug,
        title=title,
        title_lang=title_lang,
        period=period(exhibit.period_start, exhibit.period_end, language),
        content_note=content_note,
        content_note_lang=content_note_lang,
        image=image_html(image, sizes="(min-width: 75em) 70rem, 100vw", lazy=False),
        image_url=image_url(image),
        introduction=markup_html(introduction),
        introduction_lang=introduction_lang,
        introduction_text=introduction,
        image_object=image,
        description=description(introduction),
        url=detail_path("exhibits:exhibit-detail", exhibit.slug, language),
        sources_url=detail_path("exhibits:exhibit-sources", exhibit.slug, language),
        glossary_url=detail_path("exhibits:exhibit-glossary", exhibit.slug, language),
    )


def exhibit_glossary(contents):
    url = detail_path("exhibits:exhibit-glossary", contents.exhibit.slug)
    return Glossary(contents.glossary, url_of=lambda term: f"{url}#{term.slug}")


class PanelView(NamedTuple):
    """One panel as the page prints it: values only, so that it is its own key for
    exhibits.site.jinja.remembered."""

    code: str
    anchor: str
    title: str
    title_lang: str
    content_note: str
    content_note_lang: str
    image: str  # HTML
    body: str  # HTML
    body_lang: str
    day: datetime.date | None
    band: "DayBand | None"  # the day and hour, set large where there is no image
    quote: str  # the first sentence, set large where there is no image and no day
    cards: tuple
    sources: tuple


def panel_view(panel, contents, glossary, language, prefix=None):
    """One panel as the page prints it, with the cards of what it links to and its source notes."""
    title, title_lang = shown(panel, "title", language)
    body, body_lang = shown(panel, "body", language)
    content_note, content_note_lang = shown(panel, "content_note", language)
    events = contents.linked(panel, "events")
    exhibit = contents.exhibit
    in_period = [event for event in events if exhibit.period_start <= event.start_date <= exhibit.period_end]
    image = image_html(contents.image_of(panel))
    return PanelView(
        code=panel.code,
        anchor=f"panel-{panel.code}",
        title=title,
        title_lang=title_lang,
        content_note=content_note,
        content_note_lang=content_note_lang,
        image=image,
        body=glossary.mark(markup_html(body), language=language),
        body_lang=body_lang,
        day=in_period[0].start_date if in_period else None,
        band=day_band(in_period, language) if in_period and not image else None,
        quote=pull_quote(body) if not (image or in_period) else "",
        cards=(
            *(event_card(event, language, prefix) for event in events),
            *(figure_card(figure, language, prefix) for figure in contents.linked(panel, "figures")),
            *(place_card(place, language, prefix) for place in contents.linked(panel, "places")),
        ),
        sources=tuple(source_note(source) for source in contents.linked(panel, "sources")),
    )


class DayBand(NamedTuple):
    day: str
    label: str
    time: str
    datetime: str


def day_band(events, language):
    """The day (or days) and hour a panel's events fall on, set large where it has no image."""
    first, last = events[0].start_date, max(event.start_date for event in events)
    timed = next(
        (event for event in events if event.start_date == first and event_time(event, language)), None
    )
    return DayBand(
        day=short_days(first, last, language),
        label=long_day(first, language)
        if first == last
        else f"{long_day(first, language)} – {long_day(last, language)}",
        time=event_time(timed, language) if timed and first == last else "",
        datetime=first.isoformat(),
    )


class Entry(NamedTuple):
    """A panel in the exhibit's list of panels."""

    anchor: str
    code: str
    title: str
    title_lang: str


class Day(NamedTuple):
    """A day of the day strip, leading to its first panel (`anchor`) if it has one."""

    number: int
    month: str
    label: str
    iso: str
    anchor: str


def day_strip(exhibit, panels, language):
    """The exhibit's days, each leading to its first panel: where the reader is in the thirteen days."""
    days = (exhibit.period_end - exhibit.period_start).days + 1
    if not 1 < days <= DAY_STRIP_DAYS:
        return ()
    first_panel = {}
    for panel in panels:
        if panel.day:
            first_panel.setdefault(panel.day, panel.anchor)
    strip = []
    for offset in range(days):
        day = exhibit.period_start + datetime.timedelta(days=offset)
        strip.append(
            Day(
                number=day.day,
                month=short_month(day, language) if offset == 0 or day.day == 1 else "",
                label=long_day(day, language),
                iso=day.isoformat(),
                anchor=first_panel.get(day, ""),
            )
        )
    return tuple(strip)


def event_card(event, language, prefix=None):
    title, lang = shown(event, "title", language)
    time = event_time(event, language)
    fact = short_day(event.start_date, language) + (f" · {time}" if time else "")
    return _card(
        "event",
        language,
        detail_path("exhibits:event-detail", event.slug, language, prefix),
        title,
        lang,
        fact,
    )


def figure_card(figure, language, prefix=None):
    name, lang = shown(figure, "name", language)
    role, role_lang = shown(figure, "role", language)
    return _card(
        "figure",
        language,
        detail_path("exhibits:figure-detail", figure.slug, language, prefix),
        name,
        lang,
        role,
        role_lang,
    )


def place_card(place, language, prefix=None):
    name, lang = shown(place, "name", language)
    area, area_lang = shown(place, "area", language)
    return _card(
        "place",
        language,
        detail_path("exhibits:place-detail", place.slug, language, prefix),
        name,
        lang,
        area,
        area_lang,
    )


KIND_LABELS = {
    "event": gettext_lazy("Event"),
    "figure": gettext_lazy("Person"),
    "place": gettext_lazy("Place"),
}


@functools.lru_cache(maxsize=64)
def kind_label(kind, language):
    """The small type label of a card ("Esemény" / "Event"), translated once per language."""
    with translation.override(language):
        return str(KIND_LABELS[kind])


class Card(NamedTuple):
    kind_label: str
    kind: str
    url: str
    title: str
    lang: str
    fact: str
    fact_lang: str


def _card(kind, language, url, title, lang, fact="", fact_lang=None):
    return Card(kind_label(kind, language), kind, url, title, lang, fact, fact_lang or lang)


class SourceNote(NamedTuple):
    citation: str
    url: str


def source_note(source):
    return SourceNote(source.citation, source.url)


def bibliography_page(exhibit, *, drafts=False):
    """The exhibit's bibliography, then every other source its panels, events, people, places and
    terms cite, each with the panels citing it: never an internal source."""
    language = active_language()
    contents = read_exhibit(exhibit, drafts=drafts)
    page = exhibit_header(contents, language)
    listed = contents.linked(contents.exhibit, "sources")
    citing = {source.pk: [] for source in contents.sources}
    for panel in contents.panels:
        for source in contents.linked(panel, "sources"):
            citing[source.pk].append(SimpleNamespace(code=panel.code, url=f"{page.url}#panel-{panel.code}"))
    listed_pks = {source.pk for source in listed}

    def entry(source):
        return SimpleNamespace(
            citation=source.citation, url=source.url, anchor=f"source-{source.slug}", panels=citing[source.pk]
        )

    page.bibliography = [entry(source) for source in listed]
    page.cited = [entry(source) for source in contents.sources if source.pk not in listed_pks]
    page.description = gettext(
        "The works the exhibit “%(title)s” relies on, and every source its texts cite."
    ) % {"title": page.title}
    return page


def glossary_page(exhibit, *, drafts=False):
    """The exhibit's glossary: each term with its definition."""
    language = active_language()
    contents = read_exhibit(exhibit, drafts=drafts)
    page = exhibit_header(contents, language)
    page.terms = []
    for term in contents.glossary:
        word, lang = shown(term, "term", language)
        definition, definition_lang = shown(term, "definition", language)
        page.terms.append(
            SimpleNamespace(
                slug=term.slug,
                term=word,
                lang=lang,
                definition=markup_html(definition),
                definition_lang=definition_lang,
            )
        )
    page.description = gettext("Words used in the exhibit “%(title)s”, explained.") % {"title": page.title}
    return page

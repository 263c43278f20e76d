"""What a kiosk page holds, worked out once in plain Python from the exhibit's contents
(exhibits.content.reading): every screen's texts in every language with the language each is
really in, dates, the links between screens, images and map views. kiosk.js only puts these
strings in place, so the page carries the exhibit once per language and no markup twice.

A translated text is a string when it is in the screen's language, and [text, lang] when it
falls back to another. What every language shares (keys, the links between screens, numbers and
coordinates) is in `shared` once, entry by entry in the same order as each language's; kiosk.js
puts each entry together at startup.
"""

import datetime
import functools
from collections import defaultdict

from django.conf import settings
from django.utils import formats, translation
from django.utils.html import strip_tags
from django.utils.translation import get_language_info, gettext, ngettext

from exhibits.content import images
from exhibits.content.dates import format_date_range
from exhibits.content.models import Category
from exhibits.kiosks import maps
from exhibits.site.rendering import event_time, event_when, image_values, markup_html, remember, shown

# How long the "Still there?" warning counts down before an idle kiosk resets (WCAG 2.2.1 asks
# for at least 20 seconds to answer); short idle timeouts warn for half their length.
IDLE_WARNING_SECONDS = 20


def kiosk_page(contents, *, tiles_prefix=None):
    """The data of a kiosk page for `contents`; `tiles_prefix` is where its map tiles are, or None."""
    links = _Links(contents)
    overview, shown_on_overview = _overview(_points(links.mapped_places))
    data = {
        "languages": [code for code, _name in settings.LANGUAGES],
        "map": None,
        "shared": links.shared(contents),
        "text": {},
    }
    if tiles_prefix and overview:
        data["map"] = {
            "tiles": f"{tiles_prefix}{{z}}/{{x}}/{{y}}",
            "attribution": strip_tags(getattr(settings, "TARLO_MAP_ATTRIBUTION", "")),
            "overview": {
                "lat": overview.latitude,
                "lon": overview.longitude,
                "zoom": overview.zoom,
                "places": [links.mapped_places[index].slug for index in shown_on_overview],
            },
            "placeZoom": maps.PLACE_ZOOM,
        }
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            data["text"][code] = _Language(contents, links, code).data()
    return data


def kiosk_tiles(contents):
    """Every (z, x, y) map tile the kiosk of `contents` shows: its overview and each place's map."""
    return _tiles_of(_points(contents.places))


def _points(places):
    return tuple(
        (float(place.latitude), float(place.longitude)) for place in places if place.latitude is not None
    )


# Maps are a pure function of the points they show, so remembering them can never be stale.
@functools.lru_cache(maxsize=64)
def _overview(points):
    return maps.overview(list(points))


@functools.lru_cache(maxsize=64)
def _tiles_of(points):
    overview, _shown = _overview(points)
    tiles = overview.tiles() if overview else set()
    for point in points:
        tiles |= maps.place_view(point).tiles()
    return tiles


def idle_warning_seconds(idle_timeout):
    return min(IDLE_WARNING_SECONDS, idle_timeout // 2)


class _Links:
    """The links between the exhibit's objects, both ways, as the keys kiosk.js follows: the same
    in every language, so worked out once for all of them.

    The way back (a person's panels, a place's events) is the way there turned round, in one pass.
    """

    def __init__(self, contents):
        self.panel_links, self.panel_days = {}, {}
        self.event_panels, self.event_people, self.event_place = defaultdict(list), {}, {}
        self.figure_panels, self.figure_events = defaultdict(list), defaultdict(list)
        self.place_panels, self.place_events = defaultdict(list), defaultdict(list)
        for panel in contents.panels:
            events, figures, places = (
                contents.linked(panel, kind) for kind in ("events", "figures", "places")
            )
            self.panel_links[panel.pk] = {
                "events": [event.slug for event in events],
                "people": [figure.slug for figure in figures],
                "places": [place.slug for place in places],
            }
            self.panel_days[panel.pk] = sorted({event.start_date for event in events})
            for event in events:
                self.event_panels[event.pk].append(panel.code)
            for figure in figures:
                self.figure_panels[figure.pk].append(panel.code)
            for place in places:
                self.place_panels[place.pk].append(panel.code)
        for event in contents.events:
            figures = contents.linked(event, "figures")
            self.event_people[event.pk] = [figure.slug for figure in figures]
            for figure in figures:
                self.figure_events[figure.pk].append(event.slug)
            place = contents.place_of(event)
            self.event_place[event.pk] = place.slug if place else None
            if place is not None:
                self.place_events[place.pk].append(event.slug)
        self.mapped_places = [place for place in contents.places if place.latitude is not None]
        by_day = defaultdict(list)
        for event in contents.events:
            by_day[event.start_date].append(event.slug)
        # The timeline's days, each with its events: every day of the period, and any other day.
        self.days = [(day, by_day[day]) for day in sorted(set(by_day) | set(_period_days(contents.exhibit)))]

    def shared(self, contents):
        """What each screen's entry holds in every language, in the order of the languages' entries."""
        return {
            "panels": [
                {
                    "key": panel.code,
                    "dayNumber": str(self.panel_days[panel.pk][0].day) if self.panel_days[panel.pk] else "",
                    **self.panel_links[panel.pk],
                }
                for panel in contents.panels
            ],
            "days": [
                {"key": day.isoformat(), "number": str(day.day), "events": events}
                for day, events in self.days
            ],
            "events": [
                {
                    "key": event.slug,
                    "place": self.event_place[event.pk],
                    "people": self.event_people[event.pk],
                    "panels": self.event_panels[event.pk],
                }
                for event in contents.events
            ],
            "people": [
                {
                    "key": figure.slug,
                    "panels": self.figure_panels[figure.pk],
                    "events": self.figure_events[figure.pk],
                }
                for figure in contents.figures
            ],
            "places": [
                {
                    "key": place.slug,
                    "lat": float(place.latitude) if place.latitude is not None else None,
                    "lon": float(place.longitude) if place.latitude is not None else None,
                    "events": self.place_events[place.pk],
                    "panels": self.place_panels[place.pk],
                }
                for place in contents.places
            ],
        }


class _Language:
    """The kiosk's texts in one language, built while that language is active."""

    def __init__(self, contents, links, language):
        self.contents = contents
        self.links = links
        self.language = language

    def text(self, obj, field):
        value, lang = shown(obj, field, self.language)
        return value if lang == self.language else [value, lang]

    def markup(self, obj, field):
        value, lang = shown(obj, field, self.language)
        html = markup_html(value)
        return html if lang == self.language else [html, lang]

    def data(self):
        contents = self.contents
        exhibit = contents.exhibit
        return {
            "name": get_language_info(self.language)["name_local"],
            "ui": interface_strings(shown(exhibit, "title", self.language)[0], self.language),
            "counts": self.counts(),
            "exhibit": {
                "title": self.text(exhibit, "title"),
                "period": self.period(exhibit),
                "intro": self.markup(exhibit, "introduction"),
                "note": self.text(exhibit, "content_note"),
                "image": self.image(contents.image_of(exhibit)),
            },
            "panels": [self.panel(panel) for panel in contents.panels],
            "days": self.days(),
            "events": [self.event(event) for event in contents.events],
            "people": [self.person(figure) for figure in contents.figures],
            "places": [self.place(place) for place in contents.places],
            "glossary": [
                {"term": self.text(term, "term"), "definition": self.markup(term, "definition")}
                for term in contents.glossary
            ],
        }

    def counts(self):
        contents = self.contents
        sizes = [contents.panels, contents.events, contents.figures, contents.places, contents.glossary]
        return _counts(*map(len, sizes), self.language)

    def period(self, exhibit):
        return _date_range(exhibit.period_start.isoformat(), exhibit.period_end.isoformat(), self.language)

    def panel(self, panel):
        days = self.links.panel_days[panel.pk]
        day = ""
        if days:
            day = _date(days[0], "MONTH_DAY_FORMAT", self.language)
            if days[-1] != days[0]:
                day = f"{day} – {_date(days[-1], 'MONTH_DAY_FORMAT', self.language)}"
        return {
            "title": self.text(panel, "title"),
            "day": day,
            "note": self.text(panel, "content_note"),
            "body": self.markup(panel, "body"),
            "image": self.image(self.contents.image_of(panel)),
        }

    def days(self):
        """The timeline's days, each with its events, in order."""
        return [_day(day, self.language) for day, _events in self.links.days]

    def event(self, event):
        return {
            "title": self.text(event, "title"),
            "when": event_when(event, self.language),
            "time": event_time(event, self.language),
            "category": _category(event.category, self.language),
            "summary": self.markup(event, "summary"),
        }

    def person(self, figure):
        return {
            "name": self.text(figure, "name"),
            "role": self.text(figure, "role"),
            "dates": _life_dates(figure.born, figure.died, self.language),
            "bio": self.markup(figure, "biography"),
            "image": self.image(self.contents.image_of(figure, "portrait")),
        }

    def place(self, place):
        located = place.latitude is not None
        return {
            "name": self.text(place, "name"),
            "area": self.text(place, "area"),
            "coords": _coordinates(float(place.latitude), float(place.longitude), self.language)
            if located
            else "",
            "description": self.markup(place, "description"),
        }

    def image(self, image):
        if image is None or not image.file:
            return None
        key = (self.language, *image_values(image), image.focal_point_x, image.focal_point_y)
        return remember(_IMAGES, key, lambda: self._image(image))

    def _image(self, image):
        rendition = images.sized(image, "kiosk")
        return {
            "src": images.sized_url(image, "kiosk"),
            "width": rendition["width"] if rendition else image.width,
            "height": rendition["height"] if rendition else image.height,
            "alt": self.text(image, "alt_text"),
            "caption": self.text(image, "caption"),
            "credit": " ".join(
                part for part in [image.credit, f"({image.licence})" if image.licence else ""] if part
            ),
            "focus": f"{image.focal_point_x * 100:g}% {image.focal_point_y * 100:g}%",
        }


_IMAGES = {}


# Formatting dates, labels and coordinates is most of the work of a kiosk page; each of these is
# a pure function of its arguments (the language among them), so remembering it is never stale.
@functools.lru_cache(maxsize=1024)
def _date(day, format_name, language):
    with translation.override(language):
        return formats.date_format(day, format_name)


@functools.lru_cache(maxsize=1024)
def _day(day, language):
    """A day of the timeline as its strip shows it."""
    with translation.override(language):
        return {
            "label": gettext("%(weekday)s %(date)s")
            % {
                "weekday": formats.date_format(day, "l"),
                "date": formats.date_format(day, "MONTH_DAY_FORMAT"),
            },
            "month": formats.date_format(day, "N"),
        }


@functools.lru_cache(maxsize=256)
def _counts(panels, events, people, places, terms, language):
    with translation.override(language):
        return {
            "panels": ngettext("%(count)s panel", "%(count)s panels", panels) % {"count": panels},
            "timeline": ngettext("%(count)s event", "%(count)s events", events) % {"count": events},
            "people": ngettext("%(count)s person", "%(count)s people", people) % {"count": people},
            "places": ngettext("%(count)s place", "%(count)s places", places) % {"count": places},
            "glossary": ngettext("%(count)s term", "%(count)s terms", terms) % {"count": terms},
        }


@functools.lru_cache(maxsize=1024)
def _date_range(start, end, language):
    with translation.override(language):
        return format_date_range(start, end)


def _life_dates(born, died, language):
    return _date_range(born, died, language) if born or died else ""


@functools.lru_cache(maxsize=64)
def _category(value, language):
    with translation.override(language):
        return str(Category(value).label)


@functools.lru_cache(maxsize=1024)
def _coordinates(latitude, longitude, language):
    with translation.override(language):
        return maps.coordinates(latitude, longitude)


def _period_days(exhibit):
    days = (exhibit.period_end - exhibit.period_start).days
    return [exhibit.period_start + datetime.timedelta(days=offset) for offset in range(days + 1)]


@functools.lru_cache(maxsize=64)
def interface_strings(exhibit_title, language):
    """The kiosk's own words in `language`: a pure function of the title and the language (and
    the catalogues, loaded once per process)."""
    with translation.override(language):
        return _interface_strings(exhibit_title)


def _interface_strings(exhibit_title):
    return {
        "pageTitle": gettext("%(exhibit)s · kiosk") % {"exhibit": exhibit_title},
        "touchToBegin": gettext("Touch to begin"),
        "home": gettext("Home"),
        "back": gettext("Back"),
        "largeText": gettext("Large text"),
        "language": gettext("Language"),
        "controls": gettext("Kiosk controls"),
        "related": gettext("Related"),
        "sections": gettext("Sections"),
        "panels": gettext("Panels"),
        "timeline": gettext("Timeline"),
        "people": gettext("People"),
        "places": gettext("Places"),
        "glossary": gettext("Glossary"),
        "days": gettext("Days"),
        "panel": gettext("Panel"),
        "event": gettext("Event"),
        "person": gettext("Person"),
        "place": gettext("Place"),
        "contentNote": gettext("Content note"),
        "previous": gettext("Previous"),
        "next": gettext("Next"),
        "enlarge": gettext("Show the image full screen"),
        "credit": gettext("Credit:"),
        "mapHint": gettext("The numbers on the map are the places in the list."),
        "stillThere": gettext("Still there?"),
        "idleMessage": gettext("The kiosk returns to its start screen in %(seconds)s seconds."),
        "stay": gettext("Yes, I’m still here"),
    }

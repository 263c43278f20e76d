"""schema.org descriptions of events and people, for search engines and other readers."""

from exhibits.content import markup
from exhibits.content.dates import parse_partial_date
from exhibits.models import Precision

SCHEMA_CONTEXT = "https://schema.org"
# Authority records a figure or place may name (exhibits.content.models.base.wikidata_field).
WIKIDATA_URL = "https://www.wikidata.org/wiki/{}"
GEONAMES_URL = "https://www.geonames.org/{}/"


def event_json_ld(event, *, url, language):
    data = {
        "@context": SCHEMA_CONTEXT,
        "@type": "Event",
        "name": event.title,
        "startDate": _iso(
            event.start_date, event.start_time if Precision(event.precision).shows_time else None
        ),
        "eventStatus": "https://schema.org/EventScheduled",
        "inLanguage": language,
        "url": url,
    }
    if event.end_date:
        data["endDate"] = _iso(
            event.end_date, event.end_time if Precision(event.precision).shows_time else None
        )
    if event.summary:
        data["description"] = markup.to_plain_text(event.summary)
    if event.place_id:
        data["location"] = place_json_ld(event.place)
    return data


def place_json_ld(place):
    data = {"@type": "Place", "name": place.name}
    if place.latitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(place.latitude),
            "longitude": float(place.longitude),
        }
    return _with_same_as(data, place)


def place_page_json_ld(place, *, url, language):
    data = {"@context": SCHEMA_CONTEXT, **place_json_ld(place), "url": url}
    if place.description:
        data["description"] = markup.to_plain_text(place.description)
    return data


def person_json_ld(figure, *, url, language):
    data = {"@context": SCHEMA_CONTEXT, "@type": "Person", "name": figure.name, "url": url}
    alternate = [name for name in figure.other_names.splitlines() if name.strip()]
    if alternate:
        data["alternateName"] = [name.strip() for name in alternate]
    if figure.role:
        data["description"] = figure.role
    if figure.born:
        data["birthDate"] = _partial_iso(figure.born)
    if figure.died:
        data["deathDate"] = _partial_iso(figure.died)
    return _with_same_as(data, figure)


def same_as(obj):
    """The addresses of the authority records `obj` names: its Wikidata item, its GeoNames place."""
    urls = []
    if obj.wikidata_id:
        urls.append(WIKIDATA_URL.format(obj.wikidata_id))
    if getattr(obj, "geonames_id", ""):
        urls.append(GEONAMES_URL.format(obj.geonames_id))
    return urls


def _with_same_as(data, obj):
    urls = same_as(obj)
    if urls:
        data["sameAs"] = urls
    return data


def _iso(date, time=None):
    return f"{date.isoformat()}T{time.isoformat(timespec='minutes')}" if time else date.isoformat()


def _partial_iso(value):
    year, month, day = parse_partial_date(value)
    return "-".join(
        f"{part:02d}" if index else f"{part:04d}" for index, part in enumerate((year, month, day)) if part
    )

"""Partial dates (EDTF level 0: `1956`, `1956-10`, `1956-10-23`) and their display."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

PARTIAL_DATE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")


def parse_partial_date(value):
    """Return (year, month, day) with None for the parts `value` leaves open."""
    match = PARTIAL_DATE.match(value or "")
    if not match:
        raise ValidationError(
            _("Enter a date as YYYY, YYYY-MM or YYYY-MM-DD, for example 1896 or 1896-06-07."),
            code="invalid_partial_date",
        )
    year, month, day = (int(part) if part else None for part in match.group("year", "month", "day"))
    try:
        datetime.date(year, month or 1, day or 1)
    except ValueError:
        raise ValidationError(
            _("%(value)s is not a date in the calendar."),
            code="impossible_date",
            params={"value": value},
        ) from None
    return year, month, day


def validate_partial_date(value):
    parse_partial_date(value)


def format_partial_date(value):
    """Format a partial date in the active language: "1896. június 7." / "7 June 1896"."""
    if not value:
        return ""
    year, month, day = parse_partial_date(value)
    if month is None:
        return str(year)
    date = datetime.date(year, month, day or 1)
    return formats.date_format(date, "DATE_FORMAT" if day else "YEAR_MONTH_FORMAT")


def format_date_range(start, end):
    """Two partial dates as a range: “1896–1958”, but “1914. június 15. – 1984. február 9.”.

    Both languages close up a dash between bare years and space it between longer dates.
    """
    dash = "–" if len(start) <= 4 and len(end) <= 4 else " – "
    return f"{format_partial_date(start)}{dash}{format_partial_date(end)}"


def format_event_time(event, language):
    """The time of day of an event as precisely as it is known, in `language`, or ""."""
    from exhibits.models import Precision

    label = getattr(event, f"time_label_{language}", "") or ""
    if label or not event.start_time or not Precision(event.precision).shows_time:
        return label
    if language == "hu":  # Hungarian says the time with a suffix: "20 órakor", "20 óra 15 perckor"
        hour, minute = event.start_time.hour, event.start_time.minute
        return f"{hour} óra {minute} perckor" if minute else f"{hour} órakor"
    return formats.time_format(event.start_time, "P")


def format_event_when(event):
    """When an event happened, in the active language and only as precisely as it is known.

    "1956. október 23., este 8 órakor" / "23 October 1956, 8 p.m."; a time label written by
    the curator wins over the bare time, and is never borrowed from the other language. A
    label says itself how approximate it is ("shortly after 11"), so it gets no "about".
    """
    language = (get_language() or "hu").split("-")[0]
    when = formats.date_format(event.start_date, "DATE_FORMAT")
    time = format_event_time(event, language)
    if time:
        when = f"{when}, {time}"
    if event.end_date and event.end_date != event.start_date:
        when = f"{when} – {formats.date_format(event.end_date, 'DATE_FORMAT')}"
    if event.is_approximate and not getattr(event, f"time_label_{language}", ""):
        when = gettext("about %(when)s") % {"when": when}
    if event.is_uncertain:
        when = gettext("%(when)s (uncertain)") % {"when": when}
    return when

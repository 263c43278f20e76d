import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from exhibits.content.dates import format_partial_date, parse_partial_date


@pytest.mark.parametrize(
    "value, parts", [("1896", (1896, None, None)), ("1896-06", (1896, 6, None)), ("1896-06-07", (1896, 6, 7))]
)
def test_partial_dates_keep_only_what_is_known(value, parts):
    assert parse_partial_date(value) == parts


@pytest.mark.parametrize("value", ["1956-02-31", "1956-13", "56", "1956/10/23", "október"])
def test_impossible_or_malformed_partial_dates_are_refused(value):
    with pytest.raises(ValidationError):
        parse_partial_date(value)


@pytest.mark.parametrize(
    "language, value, shown",
    [
        ("hu", "1956-10-23", "1956. október 23."),
        ("en", "1956-10-23", "23 October 1956"),
        ("hu", "1956-10", "1956. október"),
        ("en", "1956-10", "October 1956"),
        ("en", "1956", "1956"),
    ],
)
def test_dates_read_as_each_language_writes_them(language, value, shown):
    with translation.override(language):
        assert format_partial_date(value) == shown

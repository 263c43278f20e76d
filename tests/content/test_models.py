import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from exhibits.models import Event, Exhibit, Figure, Panel, Place, Status


def event(**fields):
    defaults = dict(
        title_hu="Esemény", slug="esemeny", category="political", start_date=datetime.date(1956, 10, 23)
    )
    return Event(**{**defaults, **fields})


def error_codes(exc_info):
    return {error.code for errors in exc_info.value.error_dict.values() for error in errors}


@pytest.mark.django_db
class TestEventDates:
    def test_a_time_with_day_precision_is_refused(self):
        with pytest.raises(ValidationError) as exc_info:
            event(precision="day", start_time=datetime.time(20, 0)).full_clean()
        assert error_codes(exc_info) == {"time_without_precision"}

    def test_minute_precision_needs_a_time(self):
        with pytest.raises(ValidationError) as exc_info:
            event(precision="minute").full_clean()
        assert error_codes(exc_info) == {"precision_without_time"}

    def test_part_of_day_needs_the_words_of_the_sources(self):
        with pytest.raises(ValidationError) as exc_info:
            event(precision="part_of_day").full_clean()
        assert error_codes(exc_info) == {"part_of_day_without_label"}

    def test_an_end_before_the_start_is_refused(self):
        with pytest.raises(ValidationError) as exc_info:
            event(end_date=datetime.date(1956, 10, 22)).full_clean()
        assert "ends_before_start" in error_codes(exc_info)

    def test_an_end_time_before_the_start_time_on_the_same_day_is_refused(self):
        with pytest.raises(ValidationError) as exc_info:
            event(
                precision="hour",
                start_time=datetime.time(20),
                end_date=datetime.date(1956, 10, 23),
                end_time=datetime.time(19),
            ).full_clean()
        assert error_codes(exc_info) == {"ends_before_start"}

    def test_a_part_of_day_may_carry_a_rough_time_to_order_the_day(self):
        event(precision="part_of_day", start_time=datetime.time(21), time_label_hu="este").full_clean()

    def test_an_evening_speech_at_8_pm_is_valid(self):
        event(precision="hour", start_time=datetime.time(20), time_label_hu="este 8 órakor").full_clean()


@pytest.mark.django_db
class TestPlaces:
    @pytest.mark.parametrize("latitude, longitude", [("91", "19"), ("47", "-181"), ("47.5", None)])
    def test_coordinates_off_the_globe_or_half_given_are_refused(self, latitude, longitude):
        place = Place(name_hu="Sehol", slug="sehol", latitude=latitude, longitude=longitude)
        with pytest.raises(ValidationError):
            place.full_clean()

    def test_a_slug_clash_is_a_validation_error(self, place):
        with pytest.raises(ValidationError) as exc_info:
            Place(name_hu="Bem tér 2", slug=place.slug).full_clean()
        assert "slug" in exc_info.value.error_dict


@pytest.mark.django_db
class TestFigures:
    def test_a_death_before_birth_is_refused(self):
        figure = Figure(name_hu="X", sort_name_hu="X", slug="x", born="1956", died="1955-01")
        with pytest.raises(ValidationError) as exc_info:
            figure.full_clean()
        assert error_codes(exc_info) == {"died_before_born"}

    def test_dates_known_to_different_precision_do_not_clash(self):
        Figure(name_hu="X", sort_name_hu="X", slug="x", born="1956-06", died="1956").full_clean()

    def test_life_dates_read_in_the_active_language(self, figure):
        with translation.override("en"):
            assert figure.life_dates == "25 November 1895 – 21 October 1978"

    def test_life_dates_of_bare_years_close_up_the_dash(self):
        assert Figure(born="1896", died="1958").life_dates == "1896–1958"


@pytest.mark.django_db
class TestPanels:
    def test_a_label_code_is_unique_within_an_exhibit(self, panel):
        with translation.override("en"), pytest.raises(ValidationError) as exc_info:
            Panel(exhibit=panel.exhibit, code=panel.code, title_hu="Másik").full_clean()
        assert exc_info.value.messages == ["This exhibit already has a panel with this label code."]

    def test_the_same_label_code_may_be_used_in_another_exhibit(self, panel):
        other = Exhibit.objects.create(
            title_hu="Más",
            slug="mas",
            period_start=datetime.date(1956, 1, 1),
            period_end=datetime.date(1956, 12, 31),
        )
        Panel(exhibit=other, code=panel.code, title_hu="Másik").full_clean()

    def test_published_shows_only_published_panels(self, exhibit):
        Panel.objects.create(exhibit=exhibit, code="1", title_hu="Piszkozat")
        live = Panel.objects.create(exhibit=exhibit, code="2", title_hu="Kint", status=Status.PUBLISHED)
        Panel.objects.create(exhibit=exhibit, code="3", title_hu="Ellenőrzés", status=Status.REVIEW)

        assert list(Panel.objects.published()) == [live]
        assert Panel.objects.not_published().count() == 2


@pytest.mark.django_db
def test_only_published_events_are_listed_as_published(event):
    draft = Event.objects.create(
        title_hu="Piszkozat", slug="piszkozat", category="political", start_date=datetime.date(1956, 10, 24)
    )
    assert list(Event.objects.published()) == [event]
    assert list(Event.objects.not_published()) == [draft]

"""Every error a model's clean() raises is a form error next to a field the admin form has,
never a server error: the admin's real add form is posted for every case."""

import datetime
import inspect
import re

import pytest
from django.contrib import admin
from django.core.exceptions import NON_FIELD_ERRORS
from django.urls import reverse

from exhibits.editorial.locking import current_version
from exhibits.models import Event, Exhibit, Figure, Place, Status


def event(**fields):
    return {
        "title_hu": "Tüntetés",
        "slug": "tuntetes",
        "category": "demonstration",
        "start_date": "1956-10-23",
        "precision": "day",
        **fields,
    }


def exhibit(**fields):
    return {
        "title_hu": "1956",
        "slug": "1956",
        "period_start": "1956-10-23",
        "period_end": "1956-11-04",
        **fields,
    }


def figure(**fields):
    return {"name_hu": "Nagy Imre", "sort_name_hu": "Nagy Imre", "slug": "nagy-imre", **fields}


def place(**fields):
    return {"name_hu": "Bem tér", "slug": "bem-ter", **fields}


# (model, code, field the message must stand next to, the form as posted)
CASES = [
    (Event, "time_without_precision", "start_time", event(start_time="20:00")),
    (Event, "precision_without_time", "start_time", event(precision="hour")),
    (Event, "part_of_day_without_label", "time_label_hu", event(precision="part_of_day")),
    (Event, "hour_with_minutes", "precision", event(precision="hour", start_time="20:15")),
    (
        Event,
        "end_time_without_date",
        "end_date",
        event(precision="hour", start_time="20:00", end_time="21:00"),
    ),
    (Event, "ends_before_start", "end_date", event(end_date="1956-10-22")),
    (
        Event,
        "ends_before_start",
        "end_time",
        event(precision="hour", start_time="20:00", end_date="1956-10-23", end_time="19:00"),
    ),
    (Exhibit, "ends_before_start", "period_end", exhibit(period_end="1956-10-01")),
    (Figure, "died_before_born", "died", figure(born="1896-06-07", died="1895")),
    (Place, "half_coordinates", NON_FIELD_ERRORS, place(latitude="47.51")),
]


def clean_codes(model):
    """The error codes `model.clean()` raises, read from its source."""
    if "clean" not in vars(model):
        return set()
    return set(re.findall(r'code="(\w+)"', inspect.getsource(model.clean)))


def test_the_cases_cover_every_error_code_of_every_model_with_a_change_page():
    covered = {(model, code) for model, code, _field, _data in CASES}
    raised = {
        (model, code)
        for model in admin.site._registry
        if model._meta.app_label == "exhibits"
        for code in clean_codes(model)
    }

    assert raised and raised <= covered


def field_row(html, field):
    """The HTML of the admin form row of `field`, up to the next row."""
    start = html.index(f"field-{field}")
    following = html.find('class="form-row', start)
    return html[start : following if following != -1 else None]


@pytest.mark.parametrize(
    "model, code, field, data",
    CASES,
    ids=[f"{model.__name__}-{code}-{field}" for model, code, field, _data in CASES],
)
def test_a_clean_error_is_shown_next_to_the_field_it_is_about(staff_client, model, code, field, data):
    url = reverse(f"admin:exhibits_{model._meta.model_name}_add")

    response = staff_client.post(url, {"status": "draft", **data}, headers={"accept-language": "hu"})

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert code in [error.code for error in form.errors.as_data()[field]]
    message = form.errors[field][0]
    html = response.content.decode()
    if field == NON_FIELD_ERRORS:
        assert html.index(str(message)) < html.index("<fieldset")
    else:
        assert str(message) in field_row(html, field)
    assert not model.objects.exists()


def test_an_error_about_a_field_the_person_may_not_change_is_shown_above_the_form(translator_client, db):
    broken = Event.objects.create(
        title_hu="Este",
        slug="este",
        category="political",
        start_date=datetime.date(1956, 10, 23),
        precision="part_of_day",
        time_label_hu="",
        status=Status.DRAFT,
    )

    response = translator_client.post(
        reverse("admin:exhibits_event_change", args=[broken.pk]),
        {"title_en": "Evening", "time_label_en": "", "edit_version": current_version(broken)},
    )

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors.as_data()
    assert "part_of_day_without_label" in [error.code for error in errors[NON_FIELD_ERRORS]]

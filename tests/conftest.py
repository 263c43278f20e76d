import datetime

import pytest

from exhibits.i18n import compile_catalogues
from exhibits.models import Event, Exhibit, Figure, Panel, Place, Status

if compile_catalogues():
    # Django may have read the catalogues before they were compiled: read them again.
    from asgiref.local import Local
    from django.utils.translation import trans_real

    trans_real._translations, trans_real._default, trans_real._active = {}, None, Local()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def place(db):
    return Place.objects.create(
        name_hu="Bem tér", name_en="Bem Square", slug="bem-ter", latitude="47.5101", longitude="19.0377"
    )


@pytest.fixture
def figure(db):
    return Figure.objects.create(
        name_hu="Anasztasz Mikojan",
        name_en="Anastas Mikoyan",
        sort_name_hu="Mikojan, Anasztasz",
        sort_name_en="Mikoyan, Anastas",
        other_names="Mikoian\nAnastas Ivanovich Mikoyan",
        slug="anastas-mikoyan",
        born="1895-11-25",
        died="1978-10-21",
    )


@pytest.fixture
def exhibit(db):
    return Exhibit.objects.create(
        title_hu="1956", title_en="1956", slug="1956",
        period_start=datetime.date(1956, 10, 23), period_end=datetime.date(1956, 11, 4),
    )


@pytest.fixture
def panel(exhibit):
    return Panel.objects.create(exhibit=exhibit, code="56-01", title_hu="A Bem téren", body_hu="Szöveg.")


@pytest.fixture
def event(place):
    return Event.objects.create(
        title_hu="Tüntetés a Bem téren", slug="bem-ter-tuntetes", category="demonstration",
        start_date=datetime.date(1956, 10, 23), place=place, status=Status.PUBLISHED,
    )


@pytest.fixture
def staff_client(client, admin_user):
    client.force_login(admin_user)
    return client

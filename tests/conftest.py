import datetime

import pytest

from exhibits.i18n import compile_catalogues
from exhibits.models import Event, Exhibit, Figure, Panel, Place, Status

compile_catalogues()


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


# Editorial roles (exhibits.roles): a logged-in client per role, and one for a stranger.
def role_user(django_user_model, role):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(username=role.lower(), password="x", is_staff=True)
    if role != "Stranger":
        user.groups.add(Group.objects.get(name=role))
    return user


def client_for(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def curator(db, django_user_model):
    return role_user(django_user_model, "Curator")


@pytest.fixture
def translator(db, django_user_model):
    return role_user(django_user_model, "Translator")


@pytest.fixture
def publisher(db, django_user_model):
    return role_user(django_user_model, "Publisher")


@pytest.fixture
def curator_client(curator):
    return client_for(curator)


@pytest.fixture
def translator_client(translator):
    return client_for(translator)


@pytest.fixture
def publisher_client(publisher):
    return client_for(publisher)

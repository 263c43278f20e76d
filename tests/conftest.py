import datetime

import pytest
from django.conf import settings
from django.utils import translation

from exhibits.models import Event, Exhibit, Figure, Panel, Place, Status
from exhibits.site import caching
from tests import save_guard

save_guard.connect()


@pytest.fixture(autouse=True)
def default_language():
    """Start every test in the source language: requests leave their language active."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture(autouse=True)
def no_kept_pages_in_memory():
    """Start every test with no kept page in this process's memory (exhibits.site.caching)."""
    caching.IN_MEMORY.clear()


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
        title_hu="1956",
        title_en="1956",
        slug="1956",
        period_start=datetime.date(1956, 10, 23),
        period_end=datetime.date(1956, 11, 4),
    )


@pytest.fixture
def panel(exhibit):
    return Panel.objects.create(exhibit=exhibit, code="56-01", title_hu="A Bem téren", body_hu="Szöveg.")


@pytest.fixture
def event(place):
    return Event.objects.create(
        title_hu="Tüntetés a Bem téren",
        slug="bem-ter-tuntetes",
        category="demonstration",
        start_date=datetime.date(1956, 10, 23),
        place=place,
        status=Status.PUBLISHED,
    )


@pytest.fixture
def staff_client(client, admin_user):
    client.force_login(admin_user)
    return client


# --- Exports and translations (issue 5) ---


def png_upload(name="bem.png"):
    from io import BytesIO

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image as PILImage

    buffer = BytesIO()
    PILImage.new("RGB", (8, 6), "red").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture
def translated_exhibit(exhibit, event, figure):
    """The 1956 exhibit with three panels: one translated, one without English, one stale."""
    from exhibits.models import Image, Source

    image = Image.objects.create(
        file=png_upload(),
        alt_text_hu="Tömeg a Bem téren",
        alt_text_en="A crowd at Bem Square",
        credit="Fortepan / Nagy Gyula",
        licence="CC BY-SA 3.0",
    )
    source = Source.objects.create(
        slug="litvan", citation="Litván György (szerk.): Az 1956-os magyar forradalom"
    )
    event.figures.add(figure)
    event.sources.add(source)
    exhibit.introduction_hu = "A forradalom *tizenhárom napja*."
    exhibit.introduction_en = "The *thirteen days* of the revolution."
    exhibit.image = image
    exhibit.save()
    first = Panel.objects.create(
        exhibit=exhibit,
        order=1,
        code="56-01",
        image=image,
        title_hu="A Bem téren",
        title_en="At Bem Square",
        body_hu="A diákok *csendben* vonultak.\n\n- Petőfi-szobor\n- Bem-szobor",
        body_en="The students marched *in silence*.\n\n- Petőfi statue\n- Bem statue",
    )
    first.events.add(event)
    first.figures.add(figure)
    Panel.objects.create(
        exhibit=exhibit,
        order=2,
        code="56-02",
        title_hu="„Ruszkik haza!”",
        body_hu="Este 8 órakor **Gerő Ernő** beszélt a rádióban.",
    )
    third = Panel.objects.create(
        exhibit=exhibit,
        order=3,
        code="56-03",
        title_hu="A Rádió ostroma",
        title_en="The siege of the Radio",
        body_hu="A Bródy Sándor utcában.",
        body_en="In Bródy Sándor Street.",
    )
    third.title_hu = "A Magyar Rádió ostroma"
    third.save()
    return exhibit


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


@pytest.fixture(scope="module")
def browser():
    """Debian's headless Chromium (tests/chromium.py), one for each test module that asks for it."""
    from playwright.sync_api import sync_playwright

    from tests.chromium import launch

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()

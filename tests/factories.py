"""Readable builders of published content for the visitors' tests."""

import datetime
import io
import itertools

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage

from exhibits.content import images
from exhibits.models import Event, Exhibit, Figure, GlossaryTerm, Image, Kiosk, Panel, Place, Source, Status

_numbers = itertools.count(1)


def _next():
    return next(_numbers)


def png(name="kep.png", size=(8, 6)):
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, (120, 30, 30)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def image(**fields):
    defaults = dict(
        file=png(),
        alt_text_hu="Tüntetők a Bem téren",
        alt_text_en="Demonstrators on Bem Square",
        caption_hu="A Bem-szobor körül",
        caption_en="Around the Bem statue",
        credit="Fortepan",
        licence="CC BY-SA 3.0",
    )
    image = Image.objects.create(**{**defaults, **fields})
    images.ensure_renditions(image)  # as after an upload is committed
    return image


def exhibit(**fields):
    number = _next()
    defaults = dict(
        title_hu="Forradalom 1956",
        title_en="Revolution 1956",
        slug=f"forradalom-{number}",
        introduction_hu="Tizenhárom nap *Budapesten*.",
        introduction_en="Thirteen days in *Budapest*.",
        period_start=datetime.date(1956, 10, 23),
        period_end=datetime.date(1956, 11, 4),
        status=Status.PUBLISHED,
    )
    return Exhibit.objects.create(**{**defaults, **fields})


def place(**fields):
    number = _next()
    defaults = dict(
        name_hu="Bem tér",
        name_en="Bem Square",
        slug=f"bem-ter-{number}",
        latitude="47.510100",
        longitude="19.037700",
        description_hu="Tér a budai oldalon.",
        description_en="A square in Buda.",
        status=Status.PUBLISHED,
    )
    return Place.objects.create(**{**defaults, **fields})


def figure(**fields):
    number = _next()
    defaults = dict(
        name_hu="Gerő Ernő",
        name_en="Ernő Gerő",
        sort_name_hu="Gerő Ernő",
        sort_name_en="Gerő, Ernő",
        other_names="Ernst Gerö\nErno Gero",
        slug=f"gero-erno-{number}",
        role_hu="Az MDP első titkára",
        role_en="First Secretary of the Hungarian Working People’s Party",
        born="1898-07-08",
        died="1980-03-12",
        biography_hu="Rákosi utódja.",
        biography_en="Rákosi’s successor.",
        status=Status.PUBLISHED,
    )
    return Figure.objects.create(**{**defaults, **fields})


def event(**fields):
    number = _next()
    defaults = dict(
        title_hu="Tüntetés a Bem téren",
        title_en="Demonstration on Bem Square",
        slug=f"tuntetes-{number}",
        summary_hu="Diákok vonulnak.",
        summary_en="Students march.",
        category="demonstration",
        start_date=datetime.date(1956, 10, 23),
        status=Status.PUBLISHED,
    )
    return Event.objects.create(**{**defaults, **fields})


def panel(exhibit, **fields):
    number = _next()
    defaults = dict(
        exhibit=exhibit,
        code=f"56-{number:02d}",
        order=number,
        title_hu=f"Tabló {number}",
        title_en=f"Panel {number}",
        body_hu="A tüntetés *délután* kezdődött.",
        body_en="The demonstration began in the *afternoon*.",
        status=Status.PUBLISHED,
    )
    return Panel.objects.create(**{**defaults, **fields})


def linked_panel(exhibit, **fields):
    """A panel with its own image, two events, a figure and a place."""
    result = panel(exhibit, image=image(), **fields)
    at = place()
    result.events.add(event(place=at), event(place=at, start_date=datetime.date(1956, 10, 24)))
    result.figures.add(figure())
    result.places.add(at)
    return result


def kiosk(exhibit, **fields):
    number = _next()
    defaults = dict(name=f"Terem {number}", slug=f"terem-{number}", exhibit=exhibit, default_language="hu")
    return Kiosk.objects.create(**{**defaults, **fields})


def source(**fields):
    number = _next()
    defaults = dict(
        slug=f"forras-{number}", citation=f"Litván György (szerk.): Az 1956-os magyar forradalom. {number}."
    )
    return Source.objects.create(**{**defaults, **fields})


def glossary_term(**fields):
    number = _next()
    defaults = dict(
        term_hu="ÁVH",
        term_en="ÁVH",
        slug=f"avh-{number}",
        other_forms_hu="ÁVH-sok\nállamvédelmisek",
        other_forms_en="state security",
        definition_hu="Államvédelmi Hatóság: a kommunista politikai rendőrség 1956-ig.",
        definition_en="State Protection Authority: the communist political police until 1956.",
        status=Status.PUBLISHED,
    )
    return GlossaryTerm.objects.create(**{**defaults, **fields})

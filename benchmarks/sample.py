"""A made-up published exhibit for measurements: `build_sample_exhibit(panels=12)`."""

import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage

from exhibits.models import Event, Exhibit, Figure, Image, Kiosk, Panel, Place, Status

BODY_HU = (
    "1956. október 23-án délután diákok vonultak a *Bem térre*. A tömeg egyre nőtt, és este "
    "a Parlament elé ment.\n\nA rádió épületénél lövések dördültek.\n\n- tüntetés\n- szavalat\n- zászlók"
)
BODY_EN = (
    "On the afternoon of 23 October 1956 students marched to *Bem Square*. The crowd grew, and in "
    "the evening it moved to Parliament.\n\nShots were fired at the Radio building.\n\n- demonstration\n"
    "- recitation\n- flags"
)


def _png():
    buffer = io.BytesIO()
    PillowImage.new("RGB", (4, 3), (90, 40, 40)).save(buffer, format="PNG")
    return SimpleUploadedFile("sample.png", buffer.getvalue(), content_type="image/png")


def build_sample_exhibit(*, panels=12, slug="benchmark"):
    """Create a published exhibit of `panels` panels, each with an image, 2 events, a figure and
    a place, and a kiosk showing it; return the kiosk."""
    published = {"status": Status.PUBLISHED}
    exhibit = Exhibit.objects.create(
        slug=slug,
        title_hu="Forradalom 1956",
        title_en="Revolution 1956",
        introduction_hu=BODY_HU,
        introduction_en=BODY_EN,
        period_start=datetime.date(1956, 10, 23),
        period_end=datetime.date(1956, 11, 4),
        **published,
    )
    for number in range(1, panels + 1):
        image = Image.objects.create(
            file=_png(),
            alt_text_hu="Tüntetők",
            alt_text_en="Demonstrators",
            caption_hu="A Bem téren",
            caption_en="On Bem Square",
            credit="Fortepan",
        )
        place = Place.objects.create(
            slug=f"{slug}-place-{number}",
            name_hu=f"Helyszín {number}",
            name_en=f"Place {number}",
            **published,
        )
        figure = Figure.objects.create(
            slug=f"{slug}-figure-{number}",
            name_hu=f"Személy {number}",
            name_en=f"Person {number}",
            sort_name_hu=f"Személy {number}",
            role_hu="Tüntető",
            role_en="Demonstrator",
            **published,
        )
        panel = Panel.objects.create(
            exhibit=exhibit,
            code=f"56-{number:02d}",
            order=number,
            title_hu=f"Tabló {number}",
            title_en=f"Panel {number}",
            body_hu=BODY_HU,
            body_en=BODY_EN,
            image=image,
            **published,
        )
        for hour in (14, 20):
            event = Event.objects.create(
                slug=f"{slug}-event-{number}-{hour}",
                title_hu=f"Esemény {number}/{hour}",
                title_en=f"Event {number}/{hour}",
                summary_hu=BODY_HU,
                category="demonstration",
                start_date=datetime.date(1956, 10, 23) + datetime.timedelta(days=number % 12),
                start_time=datetime.time(hour),
                precision="hour",
                place=place,
                **published,
            )
            event.figures.add(figure)
            panel.events.add(event)
        panel.figures.add(figure)
        panel.places.add(place)
    return Kiosk.objects.create(name="Benchmark", slug=slug, exhibit=exhibit, idle_timeout=90)

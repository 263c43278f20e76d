"""Prepare the database of the kiosk's browser-test server: `python -m tests.kiosks.browser_seed setup|publish`.

The 1956 exhibit from fixtures/, with generated photographs on two panels and one person (the
demo has none, and the repository fetches none), and a second kiosk that idles after 8 seconds.
"""

import io
import os
import sys
from pathlib import Path

import django


def photograph(name, size):
    """A grey, grainy stand-in for a historical photograph."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image, ImageDraw, ImageFilter

    width, height = size
    image = Image.linear_gradient("L").resize(size).point(lambda value: 60 + value // 2)
    draw = ImageDraw.Draw(image)
    for step in range(0, width, max(1, width // 9)):
        draw.rectangle([step, height // 2, step + width // 14, height], fill=40 + step % 70)
    image = image.filter(ImageFilter.GaussianBlur(2)).convert("RGB")
    output = io.BytesIO()
    image.save(output, format="JPEG", quality=80)
    return SimpleUploadedFile(name, output.getvalue(), content_type="image/jpeg")


def setup():
    from django.conf import settings
    from django.core.management import call_command

    from exhibits.models import Exhibit, Figure, Panel
    from tests import factories

    call_command("migrate", interactive=False, verbosity=0)
    fixtures = sorted(str(path) for path in (Path(settings.BASE_DIR) / "fixtures").glob("*.json"))
    call_command("loaddata", *fixtures, verbosity=0)
    wide = factories.image(
        file=photograph("radio.jpg", (1600, 1000)),
        alt_text_hu="Tömeg a Rádió épülete előtt",
        alt_text_en="A crowd outside the Radio building",
        caption_hu="A Bródy Sándor utca este",
        caption_en="Bródy Sándor utca in the evening",
    )
    tall = factories.image(
        file=photograph("kossuth.jpg", (900, 1300)),
        alt_text_hu="Emberek a Kossuth téren",
        alt_text_en="People in Kossuth tér",
        caption_hu="A Kossuth tér október 25-én",
        caption_en="Kossuth tér on 25 October",
    )
    portrait = factories.image(
        file=photograph("nagy-imre.jpg", (800, 1000)), alt_text_hu="Nagy Imre", alt_text_en="Imre Nagy"
    )
    Panel.objects.filter(code="56-03").update(image=wide)
    Panel.objects.filter(code="56-06").update(image=tall)
    Figure.objects.filter(slug="nagy-imre").update(portrait=portrait)
    factories.kiosk(Exhibit.objects.get(slug="1956"), slug="idle-test", idle_timeout=8, default_language="en")


def publish():
    from exhibits.models import Exhibit
    from tests import factories

    factories.panel(
        Exhibit.objects.get(slug="1956"), code="56-99", order=99, title_hu="Frissen közzétett tabló"
    )


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.kiosks.browser_settings")
    django.setup()
    {"setup": setup, "publish": publish}[sys.argv[1]]()

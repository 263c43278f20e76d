"""Prepare the database of the admin's browser-test server: `python -m tests.admin.browser_seed`.

The 1956 exhibit from fixtures/, two images with their renditions, a small unpublished
exhibit to reorder, a stale translation, a silent kiosk and a curator with a signed-in session,
whose key is printed (the browser is given the cookie: no password form to walk through).
"""

import datetime
import io
import os
from importlib import import_module
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parents[2]


def jpeg(name, colour):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image as PillowImage

    buffer = io.BytesIO()
    PillowImage.new("RGB", (640, 420), colour).save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def setup():
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.core.management import call_command
    from django.utils import timezone

    from exhibits.editorial import actions, drafts
    from exhibits.i18n import compile_catalogues
    from exhibits.models import Exhibit, Kiosk, Panel, Place, Status
    from tests import factories

    compile_catalogues()
    call_command("migrate", interactive=False, verbosity=0)
    call_command("loaddata", *sorted(str(path) for path in (ROOT / "fixtures").glob("*.json")), verbosity=0)
    curator = get_user_model().objects.create_superuser("kurator", "", "x")

    crowd = factories.image(file=jpeg("bem.jpg", (110, 80, 60)), alt_text_hu="Tüntetők a Bem téren")
    factories.image(file=jpeg("radio.jpg", (40, 60, 90)), alt_text_hu="A Magyar Rádió épülete")
    revolution = Exhibit.objects.get(slug="1956")
    first = drafts.with_pending_draft(revolution.panels.get(code="56-01"))
    first.image = crowd
    actions.save_edit(obj=first, user=curator)

    trial = Exhibit.objects.create(
        title_hu="Próbakiállítás",
        slug="proba",
        period_start=datetime.date(1956, 10, 23),
        period_end=datetime.date(1956, 11, 4),
        content_note_hu="",
        content_note_en="",
    )
    for number in range(1, 4):
        Panel.objects.create(
            exhibit=trial,
            code=f"P-{number}",
            order=number,
            title_hu=f"Próbatabló {number}",
            status=Status.DRAFT,
        )

    place = Place.objects.order_by("pk").first()
    Place.objects.filter(pk=place.pk).update(status=Status.DRAFT)
    place = Place.objects.get(pk=place.pk)
    place.description_hu = f"{place.description_hu}\n\nÚj bekezdés, még fordítás nélkül."
    actions.save_edit(obj=place, user=curator)

    Kiosk.objects.update(last_seen_at=timezone.now() - datetime.timedelta(days=3))

    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(curator.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = curator.get_session_auth_hash()
    session.create()
    print(session.session_key)


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    django.setup()
    setup()

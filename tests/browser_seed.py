"""Prepare the database of a browser-test server: `python -m tests.browser_seed setup|publish|kiosk-token`.

Runs in its own process with the server's DATABASE_URL and MEDIA_ROOT, so that the tests
never write to the database a running server uses from inside the test process.
"""

import os
import sys

import django


def setup():
    from django.core.management import call_command

    from tests import factories

    call_command("migrate", interactive=False, verbosity=0)
    exhibit = factories.exhibit(slug="forradalom", image=factories.image())
    for number in range(1, 4):
        factories.linked_panel(
            exhibit,
            code=f"56-0{number}",
            title_hu=f"Magyar tabló {number}",
            title_en=f"English panel {number}",
        )
    factories.kiosk(exhibit, slug="terem-1", idle_timeout=15, default_language="hu")


def publish():
    from exhibits.models import Exhibit
    from tests import factories

    factories.panel(Exhibit.objects.get(slug="forradalom"), code="56-99", title_hu="Frissen közzétett tabló")


EDITOR_PASSWORD = "szerkeszto-jelszo"  # of a test database only


def editorial():
    """Two curators and a publisher, and a published, translated exhibit of three panels."""
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command

    from tests import factories

    call_command("migrate", interactive=False, verbosity=0)
    for name, role in [("anna", "Curator"), ("bela", "Curator"), ("petra", "Publisher")]:
        user = User.objects.create_user(name, password=EDITOR_PASSWORD, is_staff=True)
        user.groups.add(Group.objects.get(name=role))
    exhibit = factories.exhibit(slug="forradalom")
    for number in range(1, 4):
        factories.panel(
            exhibit,
            code=f"56-0{number}",
            order=number,
            title_hu=f"Magyar tabló {number}",
            title_en=f"English panel {number}",
            body_hu="A diákok délután a Bem térre vonultak.\n\nA tömeg egyre nőtt.",
            body_en="In the afternoon the students marched to Bem Square.\n\nThe crowd kept growing.",
        )


def kiosk_token():
    """Print a new token for the kiosk, as the admin shows it once (the kiosk is set up with it)."""
    from exhibits.kiosks import tokens
    from exhibits.models import Kiosk

    print(tokens.issue(kiosk=Kiosk.objects.get(slug="terem-1"), user=None))


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    django.setup()
    {"setup": setup, "publish": publish, "editorial": editorial, "kiosk-token": kiosk_token}[sys.argv[1]]()

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand

from exhibits.i18n import compile_catalogues
from exhibits.models import Exhibit

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"


class Command(BaseCommand):
    help = (
        "Set up a local Tárló and run it: compile translations, migrate, load the 1956 exhibit "
        "into an empty database, create a local staff account once, and start the server."
    )

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument("--no-serve", action="store_true", help="Set up only; do not start the server.")

    def handle(self, *args, addrport, no_serve, **options):
        compile_catalogues()
        call_command("migrate", interactive=False, verbosity=0)
        self.load_fixtures()
        self.create_demo_admin()
        if not no_serve:
            call_command("runserver", addrport, use_reloader=False)

    def load_fixtures(self):
        fixtures = sorted(str(path) for path in FIXTURES_DIR.glob("*.json"))
        if Exhibit.objects.exists() or not fixtures:
            return
        call_command("loaddata", *fixtures, verbosity=0)
        self.stdout.write(self.style.SUCCESS(f"Loaded {len(fixtures)} fixture file(s) from {FIXTURES_DIR}."))

    def create_demo_admin(self):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", email="", password=password)
        self.stdout.write(
            self.style.WARNING(
                "Created a local staff account for this database only. It is shown once:\n"
                f"    user: admin    password: {password}\n"
                "Sign in at /admin/ and change it, or create your own with `manage.py createsuperuser`."
            )
        )

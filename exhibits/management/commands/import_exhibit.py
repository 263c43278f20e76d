from django.core.management.base import BaseCommand, CommandError

from exhibits.exports.json_import import ExhibitImportError, import_exhibit
from exhibits.management import acting_user


class Command(BaseCommand):
    help = (
        "Load an exhibit exported with `export_exhibit --format json` into a site that does not "
        "have it yet (image files are copied separately, into MEDIA_ROOT)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The JSON file.")
        acting_user.add_arguments(parser)

    def handle(self, *args, file, user, reason, **options):
        user = acting_user.acting_user(user)
        try:
            with open(file, "rb") as stream:
                exhibit = import_exhibit(file=stream, user=user, reason=reason)
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from None
        except ExhibitImportError as error:
            raise CommandError(f"{file}: {error} Nothing was changed.") from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported the exhibit “{exhibit.slug}” with {exhibit.panels.count()} panel(s)."
            )
        )

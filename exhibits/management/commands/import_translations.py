from django.core.management.base import BaseCommand, CommandError

from exhibits.management import acting_user
from exhibits.translations.importing import TranslationImportError, TranslationsRefused, import_translations


class Command(BaseCommand):
    help = (
        "Write the translations in an XLIFF 1.2 file exported from Tárló. All or nothing: if any "
        "unit is refused (the Hungarian changed since the export, someone else edited the "
        "translation, an unknown id, a wrong language, broken placeholders), nothing is written. "
        "The English for published content goes into its pending draft, for a publisher to publish."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The XLIFF file, e.g. 1956.en.xlf.")
        acting_user.add_arguments(parser)

    def handle(self, *args, file, user, reason, **options):
        user = acting_user.acting_user(user)
        try:
            with open(file, "rb") as stream:
                result = import_translations(file=stream, user=user, reason=reason)
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from None
        except TranslationImportError as error:
            raise CommandError(f"{file}: {error} Nothing was changed.") from None
        except TranslationsRefused as refused:
            for unit_id, problem in refused.problems:
                self.stderr.write(f"{unit_id}: {problem}")
            raise CommandError(f"{file}: {refused}") from None
        for unit_id in result.written:
            if unit_id in result.drafted:
                self.stdout.write(
                    f"written into the pending draft: {unit_id} (visitors see it once published)"
                )
            else:
                self.stdout.write(f"written: {unit_id}")
        self.stdout.write(self.style.SUCCESS(result.summary()))

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from exhibits.exports import FORMATS, UnknownFormat, export_exhibit, get_exporter
from exhibits.exports.base import ExportError
from exhibits.models import Exhibit


class Command(BaseCommand):
    help = "Export an exhibit's text as CSV, JSON, XLIFF 1.2, DOCX or a printable label sheet."

    def add_arguments(self, parser):
        parser.add_argument("slug", help="The exhibit's slug.")
        parser.add_argument("--format", required=True, help=f"One of: {', '.join(FORMATS)}.")
        parser.add_argument("-o", "--output", required=True, help="The file to write.")

    def handle(self, *args, slug, format, output, **options):
        try:
            exhibit = Exhibit.objects.get(slug=slug)
        except Exhibit.DoesNotExist:
            raise CommandError(f"No exhibit has the slug “{slug}”.") from None
        try:
            get_exporter(format)
        except UnknownFormat as error:
            raise CommandError(str(error)) from None
        try:
            with open(output, "wb") as stream:
                export_exhibit(exhibit=exhibit, format=format, stream=stream)
        except ExportError as error:
            Path(output).unlink(missing_ok=True)
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"Wrote {exhibit.slug} as {format} to {output}."))

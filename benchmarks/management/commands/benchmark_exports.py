from django.core.management.base import BaseCommand

from benchmarks import exports


class Command(BaseCommand):
    help = (
        "Time each export of a 1,000-panel exhibit and measure the peak memory of the streaming "
        "formats at 1,000 and 4,000 panels (in a transaction that is rolled back)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--panels", type=int, default=1000)
        parser.add_argument("--large", type=int, default=4000)

    def handle(self, *args, panels, large, **options):
        exports.run(self.stdout, panels=panels, large=large)

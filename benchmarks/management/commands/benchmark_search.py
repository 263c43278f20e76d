from django.core.management.base import BaseCommand, CommandError

from benchmarks import search


class Command(BaseCommand):
    help = (
        "Time the search page with the 1956 exhibit and with 10,000 generated events more, in a "
        "throwaway database, and print the ratio and the queries per page."
    )

    def add_arguments(self, parser):
        parser.add_argument("--events", type=int, default=10000, help="How many events to generate.")
        parser.add_argument("--repeat", type=int, default=20, help="Runs per query; the median is shown.")

    def handle(self, *args, events, repeat, **options):
        if events < 1 or repeat < 1:
            raise CommandError("--events and --repeat must be at least 1.")
        search.run(self.stdout, events=events, repeat=repeat)

from django.core.management.base import BaseCommand, CommandError

from benchmarks import pages


class Command(BaseCommand):
    help = (
        "Serve Tárló with gunicorn from a throwaway SQLite database holding a 12-panel exhibit, twice "
        "(page cache on and off), and measure the exhibit page, the kiosk page and the timeline with "
        "../shared/bench-peers/compare.sh, beside a bare Django view and a Wagtail exhibit page in the "
        "same run: requests/s, p50/p99 latency and the ratios. Then time each export in the same "
        "throwaway database (benchmark_exports alone does only that, in yours)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--seconds", type=float, default=5.0, help="Seconds measured per page (after 2 s warm-up)."
        )
        parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes per server.")
        parser.add_argument(
            "--rounds",
            type=int,
            default=1,
            help="Runs of the side-by-side script; with more than one, the median of each ratio follows.",
        )
        parser.add_argument("--export-panels", type=int, default=1000, help="Panels of the exported exhibit.")
        parser.add_argument(
            "--export-large", type=int, default=4000, help="Panels of the larger exhibit streamed for memory."
        )
        parser.add_argument("--skip-exports", action="store_true", help="Measure the pages only.")

    def handle(self, *args, seconds, workers, rounds, export_panels, export_large, **options):
        if not (1 <= seconds <= 120 and 1 <= workers <= 16 and 1 <= rounds <= 20):
            raise CommandError("Use 1–120 seconds per page, 1–16 workers and 1–20 rounds.")
        pages.compare_script()  # before building anything: say at once if it is missing
        with pages.throwaway_site(self.stdout) as env:
            pages.run(self.stdout, env, seconds=seconds, workers=workers, rounds=rounds)
            if not options["skip_exports"]:
                self.stdout.write("")
                exported = pages.manage(
                    env,
                    "benchmark_exports",
                    f"--panels={export_panels}",
                    f"--large={export_large}",
                    capture_output=True,
                    text=True,
                )
                self.stdout.write(exported.stdout.rstrip("\n"))

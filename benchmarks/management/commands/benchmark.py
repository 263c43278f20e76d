from django.core.management.base import BaseCommand, CommandError

from benchmarks import pages


class Command(BaseCommand):
    help = (
        "Serve Tárló with gunicorn (2 workers) on 127.0.0.1 from a throwaway SQLite database holding a "
        "12-panel exhibit, and print requests/s and p50/p99 latency of the exhibit page (uncached, "
        "cached, 304), timeline and kiosk page next to a minimal Django view, with the ratios; then time "
        "each export in the same throwaway database (benchmark_exports alone does only that, in yours)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=600, help="At most this many requests per page.")
        parser.add_argument("--seconds", type=float, default=8.0, help="At most this long per page.")
        parser.add_argument("--concurrency", type=int, default=4, help="Simultaneous client connections.")
        parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes.")
        parser.add_argument("--export-panels", type=int, default=1000, help="Panels of the exported exhibit.")
        parser.add_argument(
            "--export-large", type=int, default=4000, help="Panels of the larger exhibit streamed for memory."
        )
        parser.add_argument("--skip-exports", action="store_true", help="Measure the pages only.")

    def handle(self, *args, requests, seconds, concurrency, workers, export_panels, export_large, **options):
        if not (1 <= requests <= 100_000 and 0 < seconds <= 120 and 1 <= concurrency <= 64):
            raise CommandError("Use 1–100000 requests, up to 120 seconds and 1–64 connections per page.")
        with pages.throwaway_site(self.stdout) as env:
            pages.run(
                self.stdout, env, requests=requests, seconds=seconds, concurrency=concurrency, workers=workers
            )
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

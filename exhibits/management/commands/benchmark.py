import http.client
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

HOST = "127.0.0.1"  # the load generator talks to this address only


class Command(BaseCommand):
    help = (
        "Serve Tárló with gunicorn (2 workers) on 127.0.0.1 from a throwaway SQLite database holding a "
        "12-panel exhibit, and print requests/s and p50/p99 latency of the exhibit page (uncached, "
        "cached, 304), timeline and kiosk page next to a minimal Django view, with the ratios."
    )

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=600, help="At most this many requests per page.")
        parser.add_argument("--seconds", type=float, default=8.0, help="At most this long per page.")
        parser.add_argument("--concurrency", type=int, default=4, help="Simultaneous client connections.")
        parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes.")

    def handle(self, *args, requests, seconds, concurrency, workers, **options):
        if not (1 <= requests <= 100_000 and 0 < seconds <= 120 and 1 <= concurrency <= 64):
            raise CommandError("Use 1–100000 requests, up to 120 seconds and 1–64 connections per page.")
        with tempfile.TemporaryDirectory(prefix="tarlo-benchmark-") as folder:
            env = self.environment(Path(folder))
            self.prepare(env)
            port = free_port()
            server = self.serve(env, port, workers)
            try:
                self.measure(
                    port, requests=requests, seconds=seconds, concurrency=concurrency, workers=workers
                )
            finally:
                server.terminate()
                server.wait(timeout=15)

    def environment(self, folder):
        env = {key: value for key, value in os.environ.items() if key not in {"REDIS_URL", "DEBUG"}}
        env.update(
            DJANGO_SETTINGS_MODULE="exhibits.benchmarking.settings",
            DATABASE_URL=f"sqlite:///{folder / 'benchmark.sqlite3'}",
            MEDIA_ROOT=str(folder / "media"),
            STATIC_ROOT=str(folder / "static"),
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS=HOST,
        )
        return env

    def prepare(self, env):
        manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
        steps = [
            ["migrate", "--noinput", "-v", "0"],
            ["collectstatic", "--noinput", "-v", "0"],
            [
                "shell",
                "-c",
                "from exhibits.sample import build_sample_exhibit; build_sample_exhibit(panels=12)",
            ],
        ]
        self.stdout.write("Preparing a throwaway database with a 12-panel exhibit …")
        for step in steps:
            subprocess.run(manage + step, env=env, check=True, cwd=settings.BASE_DIR)

    def serve(self, env, port, workers):
        gunicorn = Path(sys.executable).parent / "gunicorn"
        server = subprocess.Popen(
            [
                str(gunicorn),
                "museum.wsgi",
                "--bind",
                f"{HOST}:{port}",
                "--workers",
                str(workers),
                "--log-level",
                "warning",
            ],
            env=env,
            cwd=settings.BASE_DIR,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if request(port, "/benchmark/minimal/")[0] == 200:
                    return server
            except OSError:
                time.sleep(0.2)
        server.terminate()
        raise CommandError("gunicorn did not start.")

    def measure(self, port, *, requests, seconds, concurrency, workers):
        exhibit = "/hu/exhibits/benchmark/"
        etag = request(port, exhibit)[1].get("etag")
        counter = iter(range(10**9))
        pages = [
            ("minimal Django view", lambda: ("/benchmark/minimal/", {}), 200),
            ("exhibit, uncached", lambda: (f"{exhibit}?uncached={next(counter)}", {}), 200),
            ("exhibit, from cache", lambda: (exhibit, {}), 200),
            ("exhibit, 304", lambda: (exhibit, {"If-None-Match": etag}), 304),
            ("timeline, from cache", lambda: ("/hu/timeline/", {}), 200),
            ("kiosk page, from cache", lambda: ("/kiosk/benchmark/", {}), 200),
            ("minimal Django view, again", lambda: ("/benchmark/minimal/", {}), 200),
        ]
        self.stdout.write(
            f"gunicorn, {workers} workers, {HOST}:{port}; {concurrency} connections; "
            f"at most {requests} requests or {seconds:g} s per page\n"
        )
        self.stdout.write(f"{'page':<28}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'ratio':>8}")
        results = []
        for name, target, status in pages:
            results.append((name, *load(port, target, status, requests, seconds, concurrency)))
        baseline = statistics.mean(rate for name, rate, *_ in results if name.startswith("minimal"))
        for name, rate, p50, p99 in results:
            self.stdout.write(f"{name:<28}{rate:>9.0f}{p50:>9.1f}{p99:>9.1f}{rate / baseline:>8.2f}")
        self.stdout.write(
            "\nRatios are to the mean of the two minimal-view runs. Targets: exhibit uncached "
            "≥ 0.15, from cache or 304 ≥ 0.7."
        )


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def request(port, path, headers=None):
    connection = http.client.HTTPConnection(HOST, port, timeout=10)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        response.read()
        return response.status, {key.lower(): value for key, value in response.getheaders()}
    finally:
        connection.close()


def load(port, target, status, requests, seconds, concurrency):
    """Send up to `requests` requests for at most `seconds`; return (req/s, p50 ms, p99 ms)."""
    for _ in range(10):  # warm up
        request(port, *target())
    latencies, errors, lock = [], [], threading.Lock()
    budget = iter(range(requests))
    deadline = time.monotonic() + seconds

    def worker():
        while time.monotonic() < deadline:
            with lock:
                if next(budget, None) is None:
                    return
                path, headers = target()
            started = time.perf_counter()
            got = request(port, path, headers)[0]
            elapsed = time.perf_counter() - started
            with lock:
                (latencies if got == status else errors).append(elapsed if got == status else got)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    if errors or not latencies:
        raise CommandError(f"Unexpected answers {sorted(set(errors))[:5]} (expected {status}).")
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    return len(latencies) / wall, statistics.median(latencies) * 1000, p99 * 1000

"""Serve Tárló with gunicorn on 127.0.0.1 from a throwaway SQLite database holding a sample
exhibit, and measure its visitor pages against a minimal Django view measured in the same run.

The ratios to that view are what to compare: the machine is shared and noisy, the ratios hold.
"""

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
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError

HOST = "127.0.0.1"  # the load generator talks to this address only
PANELS = 12
TARGETS = "Targets: exhibit uncached ≥ 0.15, from cache or 304 ≥ 0.7."


@contextmanager
def throwaway_site(stdout):
    """Yield the environment of a site in a temporary folder: database, media and static files."""
    with tempfile.TemporaryDirectory(prefix="tarlo-benchmark-") as folder:
        env = environment(Path(folder))
        prepare(stdout, env)
        yield env


def run(stdout, env, *, requests, seconds, concurrency, workers):
    """Print requests/s, p50 and p99 latency and the ratio to the minimal view for each page."""
    port = free_port()
    server = serve(env, port, workers)
    try:
        measure(stdout, port, requests=requests, seconds=seconds, concurrency=concurrency, workers=workers)
    finally:
        server.terminate()
        server.wait(timeout=15)


def manage(env, *arguments, **options):
    """Run manage.py in the site of `env`."""
    command = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), *arguments]
    return subprocess.run(command, env=env, check=True, cwd=settings.BASE_DIR, **options)


def environment(folder):
    env = {key: value for key, value in os.environ.items() if key not in {"REDIS_URL", "DEBUG"}}
    env.update(
        DJANGO_SETTINGS_MODULE="benchmarks.settings",
        DATABASE_URL=f"sqlite:///{folder / 'benchmark.sqlite3'}",
        MEDIA_ROOT=str(folder / "media"),
        STATIC_ROOT=str(folder / "static"),
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=HOST,
        # Production settings, but over plain HTTP on 127.0.0.1: the documented local opt-out.
        PLAIN_HTTP="1",
        TRUSTED_PROXIES="0",
    )
    return env


def prepare(stdout, env):
    steps = [
        ["migrate", "--noinput", "-v", "0"],
        ["collectstatic", "--noinput", "-v", "0"],
        [
            "shell",
            "-c",
            f"from benchmarks.sample import build_sample_exhibit; build_sample_exhibit(panels={PANELS})",
        ],
    ]
    stdout.write(f"Preparing a throwaway database with a {PANELS}-panel exhibit …")
    for step in steps:
        manage(env, *step, stdout=subprocess.DEVNULL)


def serve(env, port, workers):
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


def measure(stdout, port, *, requests, seconds, concurrency, workers):
    exhibit = "/hu/exhibits/benchmark/"
    etag = request(port, exhibit)[1].get("etag")
    pages = [
        ("minimal Django view", lambda: ("/benchmark/minimal/", {}), 200),
        ("exhibit, uncached", lambda: ("/hu/benchmark/uncached/exhibits/benchmark/", {}), 200),
        ("exhibit, from cache", lambda: (exhibit, {}), 200),
        ("exhibit, 304", lambda: (exhibit, {"If-None-Match": etag}), 304),
        ("timeline, from cache", lambda: ("/hu/timeline/", {}), 200),
        ("kiosk page, from cache", lambda: ("/kiosk/benchmark/", {}), 200),
        ("minimal Django view, again", lambda: ("/benchmark/minimal/", {}), 200),
    ]
    stdout.write(
        f"gunicorn, {workers} workers, {HOST}:{port}; {concurrency} connections; "
        f"at most {requests} requests or {seconds:g} s per page\n"
    )
    stdout.write(f"{'page':<28}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'ratio':>8}")
    results = []
    for name, target, status in pages:
        results.append((name, *load(port, target, status, requests, seconds, concurrency)))
    baseline = statistics.mean(rate for name, rate, *_ in results if name.startswith("minimal"))
    for name, rate, p50, p99 in results:
        stdout.write(f"{name:<28}{rate:>9.0f}{p50:>9.1f}{p99:>9.1f}{rate / baseline:>8.2f}")
    stdout.write(f"\nRatios are to the mean of the two minimal-view runs. {TARGETS}")


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

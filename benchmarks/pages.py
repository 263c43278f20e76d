"""Serve Tárló with gunicorn on 127.0.0.1 from a throwaway SQLite database holding a sample
exhibit, and measure its visitor pages with the shared side-by-side script, which serves a bare
Django view and a Wagtail exhibit page beside them in the same run (`../shared/bench-peers/`).

The ratios are what to compare: the machine is shared and noisy, the ratios hold.
"""

import http.client
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError

HOST = "127.0.0.1"  # the load generator talks to this address only
PANELS = 12  # as many as the Wagtail page has
PEERS = Path(os.environ.get("TARLO_BENCH_PEERS", Path(settings.BASE_DIR).parent / "shared" / "bench-peers"))
TARGETS = (
    "Targets (issue 10): exhibit and kiosk uncached ≥ 3 × Wagtail; "
    "from cache and 304 ≥ 1.0 × the bare Django view."
)


def compare_script():
    script = PEERS / "compare.sh"
    if not script.is_file():
        raise CommandError(
            f"The side-by-side script is not at {script}: set TARLO_BENCH_PEERS to the bench-peers folder."
        )
    return script


@contextmanager
def throwaway_site(stdout):
    """Yield the environment of a site in a temporary folder: database, media and static files."""
    with tempfile.TemporaryDirectory(prefix="tarlo-benchmark-") as folder:
        env = environment(Path(folder))
        prepare(stdout, env)
        yield env


def run(stdout, env, *, seconds, workers, rounds=1):
    """Print the side-by-side script's table for our pages, cached and uncached, and the targets;
    with several `rounds`, each round's table and then the median of each ratio."""
    script = compare_script()
    tables = []
    with ExitStack() as servers:
        cached = servers.enter_context(serving(env, workers))
        uncached = servers.enter_context(serving({**env, "PAGE_CACHE_SECONDS": "0"}, workers))
        pages = [
            ("exhibit-uncached", uncached, "/en/exhibits/benchmark/", ""),
            ("kiosk-uncached", uncached, "/kiosk/benchmark/", ""),
            ("exhibit-cached", cached, "/en/exhibits/benchmark/", ""),
            ("exhibit-304", cached, "/en/exhibits/benchmark/", "etag"),
            ("kiosk-cached", cached, "/kiosk/benchmark/", ""),
            ("kiosk-304", cached, "/kiosk/benchmark/", "etag"),
            ("timeline-cached", cached, "/en/timeline/", ""),
        ]
        arguments = [argument(name, port, path, header) for name, port, path, header in pages]
        stdout.write(f"gunicorn, {workers} workers each: cached on :{cached}, uncached on :{uncached}")
        for _round in range(rounds):
            result = subprocess.run(
                ["bash", str(script), *arguments],
                env={**peer_environment(), "BENCH_SECONDS": f"{seconds:g}"},
                capture_output=True,
                text=True,
            )
            if result.returncode != 0:
                raise CommandError(f"The side-by-side script failed:\n{result.stderr.strip()}")
            stdout.write(result.stdout.rstrip("\n"))
            tables.append(result.stdout)
    if rounds > 1:
        stdout.write(median_ratios(tables))
    stdout.write(f"\n/bare and /wagtail are ratios of requests/s in one run. {TARGETS}")


def median_ratios(tables):
    """The median of each page's /bare and /wagtail ratios over the script's tables."""
    ratios = {}
    for table in tables:
        for line in table.splitlines()[1:]:
            name, *_figures, to_bare, to_wagtail, _non_2xx = line.split()
            ratios.setdefault(name, []).append((float(to_bare), float(to_wagtail)))
    lines = [f"\nmedian of {len(tables)} rounds" + " " * 8 + "/bare /wagtail"]
    for name, pairs in ratios.items():
        lines.append(
            f"{name:24s} {statistics.median(b for b, _w in pairs):6.2f} "
            f"{statistics.median(w for _b, w in pairs):8.2f}"
        )
    return "\n".join(lines)


def peer_environment():
    """Ours without what would point the reference servers at our settings."""
    return {
        key: value for key, value in os.environ.items() if key not in {"DJANGO_SETTINGS_MODULE", "PYTHONPATH"}
    }


def argument(name, port, path, header):
    """compare.sh's NAME=URL[@@HEADER] for a page; a 304 sends the ETag the page has now."""
    url = f"http://{HOST}:{port}{path}"
    if header == "etag":
        etag = request(port, path)[1].get("etag")
        if not etag:
            raise CommandError(f"{path} has no ETag to ask a 304 with.")
        return f"{name}={url}@@If-None-Match: {etag}"
    return f"{name}={url}"


def manage(env, *arguments, **options):
    """Run manage.py in the site of `env`."""
    command = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), *arguments]
    return subprocess.run(command, env=env, check=True, cwd=settings.BASE_DIR, **options)


def environment(folder):
    env = {key: value for key, value in os.environ.items() if key not in {"REDIS_URL", "DEBUG"}}
    env.update(
        DJANGO_SETTINGS_MODULE="museum.settings",
        DATABASE_URL=f"sqlite:///{folder / 'benchmark.sqlite3'}",
        MEDIA_ROOT=str(folder / "media"),
        STATIC_ROOT=str(folder / "static"),
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=HOST,
        PUBLIC_URL=f"http://{HOST}",  # the label sheet's QR codes point here
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


@contextmanager
def serving(env, workers):
    """Yield the port of gunicorn serving the site of `env` with `workers` workers; stop it after."""
    port = free_port()
    gunicorn = Path(sys.executable).parent / "gunicorn"
    command = [str(gunicorn), "museum.wsgi", "--bind", f"{HOST}:{port}", "--workers", str(workers)]
    server = subprocess.Popen([*command, "--log-level", "warning"], env=env, cwd=settings.BASE_DIR)
    try:
        wait_until_up(port)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=15)


def wait_until_up(port):
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if request(port, "/en/timeline/")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise CommandError("gunicorn did not start.")


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

"""A gunicorn server of the kiosk for browser tests: its own SQLite database seeded with the 1956
exhibit (tests.kiosks.browser_seed), map tiles from a stand-in tile server, on a free port."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class KioskServer:
    def __init__(self, folder, *, tiles_template=""):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.kiosks.browser_settings",
            "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
            "MEDIA_ROOT": str(folder / "media"),
            "DEBUG": "1",  # serves media and the apps' static files without collectstatic
            "ALLOWED_HOSTS": "127.0.0.1",
            "TEST_MAP_TILES_URL": tiles_template,
        }
        self.env.pop("REDIS_URL", None)
        self.process = None

    def seed(self, action="setup"):
        subprocess.run(
            [sys.executable, "-m", "tests.kiosks.browser_seed", action], env=self.env, cwd=ROOT, check=True
        )

    def start(self):
        gunicorn = Path(sys.executable).parent / "gunicorn"
        self.process = subprocess.Popen(
            [
                str(gunicorn),
                "museum.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "2",
                "--log-level",
                "warning",
            ],
            env=self.env,
            cwd=ROOT,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.url}/kiosk/terem-1/", timeout=2)
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("the kiosk test server did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

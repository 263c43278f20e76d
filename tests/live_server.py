"""A real server for browser tests: gunicorn on a free 127.0.0.1 port, its own SQLite database.

The database is prepared by `python -m tests.browser_seed ACTION` in its own process, with the
server's DATABASE_URL and MEDIA_ROOT, so that tests never write to a database a running server
uses from inside the test process.
"""

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn serving a prepared SQLite database on a free 127.0.0.1 port; can be stopped.

    `seeds` is the module whose actions prepare the database (`seed(action)`), `settings` the
    settings module, `env` more environment, `ready` the address that answers once it is up.
    """

    def __init__(
        self,
        folder,
        *,
        seeds="tests.browser_seed",
        settings="tests.settings",
        env=None,
        workers=1,
        ready="/hu/",
    ):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.database = folder / "db.sqlite3"
        self.seeds, self.workers, self.ready = seeds, workers, ready
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": settings,
            "DATABASE_URL": f"sqlite:///{self.database}",
            "MEDIA_ROOT": str(folder / "media"),
            "DEBUG": "1",  # serves media and the apps' static files without collectstatic
            "ALLOWED_HOSTS": "127.0.0.1",
            **(env or {}),
        }
        self.env.pop("REDIS_URL", None)
        self.process = None

    def seed(self, action="setup"):
        subprocess.run([sys.executable, "-m", self.seeds, action], env=self.env, cwd=ROOT, check=True)

    def start(self):
        gunicorn = Path(sys.executable).parent / "gunicorn"
        self.process = subprocess.Popen(
            [
                str(gunicorn),
                "museum.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.workers),
                "--log-level",
                "warning",
                # A stopped server is what some tests need: not half a minute of finishing requests.
                "--graceful-timeout",
                "2",
            ],
            env=self.env,
            cwd=ROOT,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.url}{self.ready}", timeout=2)
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("the test server did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:  # a busy machine: stop it the hard way
                self.process.kill()
                self.process.wait(timeout=10)

    def run_python(self, code):
        """Run Python `code` against the server's database (Django set up) and return what it prints."""
        script = f"import django; django.setup()\n{code}"
        return subprocess.run(
            [sys.executable, "-c", script], env=self.env, cwd=ROOT, check=True, capture_output=True, text=True
        ).stdout.strip()

    def issue_kiosk_token(self, slug):
        """A new token for the kiosk, as the admin shows it once to the technician."""
        return self.run_python(
            "from exhibits.kiosks import tokens; from exhibits.models import Kiosk\n"
            f"print(tokens.issue(kiosk=Kiosk.objects.get(slug={slug!r}), user=None))"
        )

    def rows(self, sql, *params):
        """Rows of `sql` read from the server's database, as the server committed them."""
        with sqlite3.connect(self.database) as connection:
            return connection.execute(sql, params).fetchall()

    def drafts(self, model):
        """The data of every pending draft of `model` (e.g. "panel"), by object id."""
        rows = self.rows(
            "SELECT d.object_id, d.data FROM exhibits_draft d JOIN django_content_type t ON t.id = d.content_type_id "
            "WHERE t.app_label = 'exhibits' AND t.model = ?",
            model,
        )
        return {int(object_id): json.loads(data) for object_id, data in rows}

"""Real services for the tests of what happens when they fail: a Redis of our own to stop, a
socket that never answers, and gunicorn serving the project's production settings."""

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What the test run itself puts in the environment (tests.settings) or a developer may have set;
# a subprocess of "production" starts without any of it.
PROJECT_VARIABLES = {
    "SECRET_KEY",
    "DEBUG",
    "DATABASE_URL",
    "REDIS_URL",
    "ALLOWED_HOSTS",
    "PLAIN_HTTP",
    "TRUSTED_PROXIES",
    "TWO_FACTOR_REQUIRED",
    "DJANGO_SETTINGS_MODULE",
    "MEDIA_ROOT",
    "STATIC_ROOT",
}


def clean_environment(**env):
    """os.environ without the project's variables, plus `env`."""
    base = {key: value for key, value in os.environ.items() if key not in PROJECT_VARIABLES}
    return {**base, **env}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, *, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port}")


class RedisServer:
    """A redis-server of our own on a free port (the shared one on 6379 is never touched)."""

    def __init__(self, folder, port=None):
        self.port = port or free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = subprocess.Popen(
            [
                shutil.which("redis-server") or "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(folder),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


@contextmanager
def silent_socket():
    """Yield the port of a socket that accepts connections and never sends a byte."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    held = []
    stop = threading.Event()

    def accept():
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join(timeout=5)
        for connection in held:
            connection.close()
        listener.close()


def manage(*args, env, timeout=300):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )


class Gunicorn:
    """gunicorn serving museum.wsgi with `env` on a free 127.0.0.1 port; its stderr in a file."""

    def __init__(self, env, folder, *, workers=1):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = Path(folder) / f"gunicorn-{self.port}.log"
        self.log = open(self.log_path, "w")  # closed in stop()
        self.process = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "museum.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(workers),
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=self.log,
        )
        try:
            wait_for_port(self.port, seconds=30)
        except RuntimeError:
            self.stop()
            raise RuntimeError(f"gunicorn did not start:\n{self.log_path.read_text()}") from None

    def stderr(self):
        return self.log_path.read_text()

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=15)
        self.log.close()


def production_environment(folder, **env):
    """The environment of a production site (DEBUG off) with its own SQLite database and media."""
    return clean_environment(
        **{
            "DJANGO_SETTINGS_MODULE": "museum.settings",
            "SECRET_KEY": "a-long-and-random-enough-secret-key-for-these-tests-only-0123456789",
            "ALLOWED_HOSTS": "127.0.0.1,museum.example",
            "DATABASE_URL": f"sqlite:///{Path(folder) / 'db.sqlite3'}",
            "MEDIA_ROOT": str(Path(folder) / "media"),
            "STATIC_ROOT": str(Path(folder) / "static"),
            **env,
        }
    )

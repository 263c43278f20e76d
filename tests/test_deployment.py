"""The site as production runs it: gunicorn, DEBUG off, the settings from the environment, behind
a TLS proxy (played by the test, which sends what the proxy adds)."""

import http.client
import socket
import subprocess
import sys
import time

import pytest

from tests.services import ROOT, Gunicorn, free_port, manage, production_environment

HOST = "museum.example"
BEHIND_PROXY = {"Host": HOST, "X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.7"}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A production site's folder: a migrated SQLite database with a panel, collected static files."""
    folder = tmp_path_factory.mktemp("production")
    env = production_environment(folder)
    manage("migrate", "--noinput", "-v", "0", env=env)
    manage("collectstatic", "--noinput", "-v", "0", env=env)
    manage(
        "shell",
        "-c",
        "from tests import factories; factories.panel(factories.exhibit(slug='forradalom'), title_hu='Bem tér')",
        env=env,
    )
    return folder


@pytest.fixture
def serve(site):
    servers = []

    def start(workers=1, **env):
        server = Gunicorn(production_environment(site, **env), site, workers=workers)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


def get(server, path, headers=BEHIND_PROXY):
    """(status, headers, body) of a GET, following no redirect."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    result = response.status, dict(response.getheaders()), response.read().decode()
    connection.close()
    return result


# HTTPS, HSTS and the proxy


def test_plain_http_is_sent_to_https(serve):
    status, headers, _body = get(serve(), "/hu/", headers={"Host": HOST})

    assert status == 301 and headers["Location"] == f"https://{HOST}/hu/"


def test_pages_behind_the_tls_proxy_carry_hsts_and_secure_cookies_only(serve):
    server = serve()

    status, headers, _body = get(server, "/hu/exhibits/forradalom/")
    _status, login_headers, _body = get(server, "/admin/login/")

    assert status == 200
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert login_headers["Set-Cookie"].startswith("csrftoken=") and "; Secure" in login_headers["Set-Cookie"]


def test_hsts_can_start_short(serve):
    _status, headers, _body = get(serve(HSTS_SECONDS="300"), "/hu/exhibits/forradalom/")

    assert headers["Strict-Transport-Security"].startswith("max-age=300;")


def test_a_local_run_over_plain_http_opts_out_explicitly(serve):
    status, headers, _body = get(serve(PLAIN_HTTP="1"), "/hu/exhibits/forradalom/", headers={"Host": HOST})

    assert status == 200 and "Strict-Transport-Security" not in headers


# Translations are served however the site is started


def test_a_production_server_started_without_any_setup_step_speaks_hungarian(serve):
    _status, _headers, page = get(serve(), "/admin/login/", headers={**BEHIND_PROXY, "Accept-Language": "hu"})

    assert "Hitelesítő kód" in page and "Authentication code" not in page


# The database unreachable: a maintenance page, and a trace on stderr


def test_an_unreachable_database_shows_a_maintenance_page_in_both_languages(serve):
    server = serve(DATABASE_URL=f"postgres://postgres@127.0.0.1:{free_port()}/tarlo_nowhere")

    pages = {path: get(server, path) for path in ["/hu/", "/en/timeline/", "/kiosk/terem-1/"]}

    for status, headers, body in pages.values():
        assert status == 503 and headers["Retry-After"] == "60"
        assert "Karbantartás" in body and "Maintenance" in body and "Server Error" not in body


def test_a_server_error_leaves_a_line_on_stderr_with_its_traceback(serve):
    server = serve(DATABASE_URL=f"postgres://postgres@127.0.0.1:{free_port()}/tarlo_nowhere")

    get(server, "/hu/timeline/")

    log = server.stderr()
    line = next(line for line in log.splitlines() if "logger=django.request" in line)
    assert "level=ERROR" in line and "status=503" in line and "path=/hu/timeline/" in line
    assert "ip=203.0.113.7" in line
    assert "OperationalError" in log


# Request bodies are refused before they are read


def test_an_oversized_post_to_a_public_page_is_refused_before_its_body_is_sent(serve):
    server = serve()
    head = (
        "POST /hu/search/ HTTP/1.1\r\n"
        f"Host: {HOST}\r\nX-Forwarded-Proto: https\r\n"
        "Content-Type: multipart/form-data; boundary=x\r\n"
        f"Content-Length: {150 * 1024 * 1024}\r\n\r\n"
        '--x\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\n\r\n'
    )

    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as connection:
        connection.sendall(head.encode())  # and never the 150 MB: a server waiting for them times out
        answer = connection.recv(200).decode()

    assert answer.startswith("HTTP/1.1 413")


# SQLite written from several processes at once


WRITER = """
import os, sys, time
import django
django.setup()
from django.db import OperationalError, transaction
from exhibits.models import Panel

start, name = float(sys.argv[1]), sys.argv[2]
while time.time() < start:
    time.sleep(0.001)
failures = 0
for number in range(40):
    try:
        # As an admin save does: read the row, then write it (and its history) in one transaction.
        with transaction.atomic():
            panel = Panel.objects.get(code="56-42")
            panel.title_hu = f"{name} {number}"
            panel.save()
    except OperationalError as error:
        failures += 1
        print(error, file=sys.stderr)
print(failures)
"""


def test_four_processes_saving_at_once_on_sqlite_all_succeed(site):
    env = production_environment(site)
    manage(
        "shell",
        "-c",
        "from tests import factories; factories.panel(factories.exhibit(), code='56-42')",
        env=env,
    )
    start = time.time() + 3  # every writer imported and waiting
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(start), f"writer-{number}"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for number in range(4)
    ]
    results = [writer.communicate(timeout=180) for writer in writers]

    failures = [int(out.strip() or -1) for out, _err in results]
    assert failures == [0, 0, 0, 0], [err[-500:] for _out, err in results]
    history = manage(
        "shell",
        "-c",
        "from exhibits.models import Panel; print(Panel.history.filter(code='56-42').count())",
        env=env,
    )
    assert history.stdout.split()[-1] == str(1 + 4 * 40)

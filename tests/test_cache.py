"""museum.cache: the site stays up, and as fast, when Redis fails (a real Redis, stopped or silent),
asked through the site's WSGI application as gunicorn asks it."""

import logging
import runpy
import time

import pytest
import redis
from django.core.cache import cache

from tests import factories
from tests.services import ROOT, RedisServer, silent_socket
from tests.wsgi import visit

pytestmark = pytest.mark.django_db


def production_caches(monkeypatch, redis_url):
    """CACHES exactly as museum/settings.py builds it for `redis_url`."""
    monkeypatch.setenv("REDIS_URL", redis_url)
    return runpy.run_path(str(ROOT / "museum" / "settings.py"))["CACHES"]


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path)
    yield server
    server.stop()


@pytest.fixture
def exhibit():
    exhibit = factories.exhibit(title_hu="Forradalom 1956")
    factories.linked_panel(exhibit, title_hu="Első tabló")
    factories.kiosk(exhibit, slug="terem-redis")
    return exhibit


def pages(exhibit):
    return [f"/hu/exhibits/{exhibit.slug}/", "/hu/", "/hu/timeline/", "/kiosk/terem-redis/"]


def test_pages_are_kept_in_redis_while_it_runs(settings, monkeypatch, redis_server, exhibit):
    settings.CACHES = production_caches(monkeypatch, redis_server.url)

    visit(pages(exhibit)[0])

    assert redis.Redis(port=redis_server.port).keys("tarlo:*:tarlo:page:*")


def test_stopping_redis_changes_nothing_a_visitor_sees(settings, monkeypatch, redis_server, exhibit, caplog):
    settings.CACHES = production_caches(monkeypatch, redis_server.url)
    before = {url: visit(url) for url in pages(exhibit)}

    redis_server.stop()
    with caplog.at_level(logging.WARNING, logger="museum.cache"):
        cache.clear()  # answered as a miss, like everything while Redis is down
        after = {url: visit(url) for url in pages(exhibit)}

    assert {url: response.status for url, response in after.items()} == dict.fromkeys(after, 200)
    assert all(after[url].body == before[url].body for url in after)
    assert "cache unavailable" in caplog.text


def test_a_silent_redis_holds_a_page_up_a_quarter_second_once_and_then_not_at_all(
    settings, monkeypatch, exhibit
):
    with silent_socket() as port:
        settings.CACHES = production_caches(monkeypatch, f"redis://127.0.0.1:{port}/0")
        started = time.monotonic()
        first = visit(pages(exhibit)[0])
        first_seconds = time.monotonic() - started
        started = time.monotonic()
        others = [visit(url) for url in pages(exhibit)]
        others_seconds = time.monotonic() - started

    assert first.status == 200 and "Első tabló" in first.text
    assert all(response.status == 200 for response in others)
    assert first_seconds < 1.5
    assert others_seconds < 0.25 * len(others)


def test_a_redis_that_comes_back_is_used_again(settings, monkeypatch, redis_server, exhibit, tmp_path):
    from museum import cache as fail_safe

    settings.CACHES = production_caches(monkeypatch, redis_server.url)
    monkeypatch.setattr(fail_safe, "RETRY_SECONDS", 0.5)
    redis_server.stop()
    visit(pages(exhibit)[1])  # fails, and Redis is left alone for RETRY_SECONDS
    again = RedisServer(tmp_path, port=redis_server.port)
    time.sleep(0.6)

    try:
        visit(pages(exhibit)[0])
        kept = redis.Redis(port=again.port).keys("tarlo:*:tarlo:page:*")
    finally:
        again.stop()

    assert kept

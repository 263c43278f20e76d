import datetime
import json
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from exhibits.kiosks import tokens
from exhibits.models import Kiosk, Status
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


@pytest.fixture
def kiosk():
    exhibit = factories.exhibit()
    factories.linked_panel(exhibit, title_hu="Bem tér", title_en="Bem Square")
    kiosk = factories.kiosk(exhibit, idle_timeout=45, default_language="en")
    kiosk.token = tokens.issue(kiosk=kiosk, user=None)
    return kiosk


def config(page):
    return json.loads(
        re.search(r'<script id="kiosk-config" type="application/json">(.*?)</script>', page).group(1)
    )


def beat(client, kiosk, body, token=None):
    """POST a heartbeat as kiosk.js does, with the kiosk's token (`kiosk.token`) unless given."""
    token = kiosk.token if token is None else token
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.post(
        f"/kiosk/{kiosk.slug}/heartbeat/", body, content_type="application/json", headers=headers
    )


def test_the_kiosk_holds_its_exhibit_in_both_languages(client, kiosk):
    page = client.get(f"/kiosk/{kiosk.slug}/").content.decode()

    assert 'data-language="hu" lang="hu" hidden' in page and 'data-language="en" lang="en">' in page
    assert "Bem tér" in page and "Bem Square" in page and "Érintse meg a képernyőt" in page
    assert config(page)["idleSeconds"] == 45 and config(page)["defaultLanguage"] == "en"


def test_the_kiosk_has_no_links_at_all(client, kiosk):
    page = client.get(f"/kiosk/{kiosk.slug}/").content.decode()

    assert "<a " not in page and "/admin" not in page


def test_the_offline_copy_lists_the_page_fonts_and_images(client, kiosk):
    page = client.get(f"/kiosk/{kiosk.slug}/").content.decode()
    assets = config(page)["assets"]

    shown = set(re.findall(r'<img src="([^"]+)"', page))
    assert shown and shown <= set(assets)
    assert f"/kiosk/{kiosk.slug}/" in assets
    assert any(asset.endswith("latin-ext-wght-normal.woff2") for asset in assets)


@pytest.mark.parametrize("panels", [5, 50])
def test_the_kiosk_page_costs_the_same_queries_however_many_panels(client, panels):
    exhibit = factories.exhibit(image=factories.image())
    for _ in range(panels):
        factories.linked_panel(exhibit)
    kiosk = factories.kiosk(exhibit)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/kiosk/{kiosk.slug}/")

    assert (
        response.status_code == 200 and response.content.decode().count('class="screen panel"') == panels * 2
    )
    assert len(queries) == 11


def test_a_kiosk_of_an_unpublished_exhibit_is_not_found(client, kiosk):
    kiosk.exhibit.status = Status.DRAFT
    kiosk.exhibit.save()

    assert client.get(f"/kiosk/{kiosk.slug}/").status_code == 404


def test_staff_preview_a_kiosk_with_drafts_and_without_offline_copy(staff_client, kiosk):
    factories.panel(kiosk.exhibit, status=Status.DRAFT, title_hu="Készülő tabló")

    page = staff_client.get(f"/kiosk/{kiosk.slug}/?preview").content.decode()

    assert "Készülő tabló" in page and config(page)["isPreview"] is True


def test_changing_the_kiosks_settings_changes_its_version(client, kiosk):
    before = client.get(f"/kiosk/{kiosk.slug}/")["ETag"]
    kiosk.idle_timeout = 60
    kiosk.save()

    assert client.get(f"/kiosk/{kiosk.slug}/")["ETag"] != before


def test_the_service_worker_is_served_from_the_kiosk_path(client):
    response = client.get("/kiosk/sw.js")

    assert response.status_code == 200 and response["Content-Type"] == "text/javascript"
    assert "caches.open" in response.content.decode()


class TestHeartbeat:
    def test_records_last_contact_and_version(self, client, kiosk):
        response = beat(client, kiosk, {"content_version": "abc123"})

        kiosk.refresh_from_db()
        assert response.status_code == 200 and kiosk.content_version == "abc123"
        assert timezone.now() - kiosk.last_seen_at < datetime.timedelta(seconds=5)

    def test_answers_with_the_version_the_kiosk_page_has(self, client, kiosk):
        page_version = config(client.get(f"/kiosk/{kiosk.slug}/").content.decode())["contentVersion"]

        assert beat(client, kiosk, {"content_version": "0"}).json() == {"content_version": page_version}

    def test_writes_at_most_once_every_few_seconds(self, client, kiosk):
        beat(client, kiosk, {"content_version": "aaaa"})
        beat(client, kiosk, {"content_version": "bbbb"})

        kiosk.refresh_from_db()
        assert kiosk.content_version == "aaaa"

    def test_touches_only_last_contact_and_version(self, client, kiosk):
        beat(client, kiosk, {"content_version": "aaaa", "name": "Hacked", "idle_timeout": 1})

        kiosk.refresh_from_db()
        assert kiosk.name.startswith("Terem") and kiosk.idle_timeout == 45

    @pytest.mark.parametrize(
        "body",
        ["not json", "[]", json.dumps({"content_version": "<script>"}), json.dumps({"content_version": 7})],
    )
    def test_refuses_broken_input_with_a_clear_error(self, client, kiosk, body):
        response = beat(client, kiosk, body)

        kiosk.refresh_from_db()
        assert response.status_code == 400 and kiosk.last_seen_at is None

    def test_an_unknown_kiosk_is_not_found_and_nothing_is_created(self, client):
        response = client.post(
            "/kiosk/nowhere/heartbeat/", {"content_version": "aa"}, content_type="application/json"
        )

        assert response.status_code == 404 and not Kiosk.objects.exists()

    def test_needs_post(self, client, kiosk):
        assert client.get(f"/kiosk/{kiosk.slug}/heartbeat/").status_code == 405

    def test_works_without_a_csrf_token(self, kiosk):
        from django.test import Client

        response = beat(Client(enforce_csrf_checks=True), kiosk, {"content_version": "abc"})

        assert response.status_code == 200

    def test_a_kiosk_without_its_token_is_refused_and_nothing_is_written(self, client, kiosk):
        response = beat(client, kiosk, {"content_version": "abc123"}, token="")

        kiosk.refresh_from_db()
        assert response.status_code == 401 and kiosk.last_seen_at is None and kiosk.content_version == ""

    @pytest.mark.parametrize("token", ["wrong", "x" * 43, "Bearer"])
    def test_a_wrong_token_is_refused_and_nothing_is_written(self, client, kiosk, token):
        response = beat(client, kiosk, {"content_version": "abc123"}, token=token)

        kiosk.refresh_from_db()
        assert response.status_code == 401 and kiosk.last_seen_at is None

    def test_another_kiosks_token_is_refused(self, client, kiosk):
        other = factories.kiosk(kiosk.exhibit)
        other_token = tokens.issue(kiosk=other, user=None)

        response = beat(client, kiosk, {"content_version": "abc123"}, token=other_token)

        assert response.status_code == 401

    def test_a_revoked_token_is_refused(self, client, kiosk):
        tokens.revoke(kiosk=Kiosk.objects.get(pk=kiosk.pk), user=None)

        response = beat(client, kiosk, {"content_version": "abc123"})

        kiosk.refresh_from_db()
        assert response.status_code == 401 and kiosk.last_seen_at is None

    def test_a_kiosk_never_given_a_token_is_refused(self, client, kiosk):
        fresh = factories.kiosk(kiosk.exhibit)

        response = beat(client, fresh, {"content_version": "abc123"}, token="anything")

        fresh.refresh_from_db()
        assert response.status_code == 401 and fresh.last_seen_at is None

    def test_the_token_is_only_a_hash_in_the_database_and_nowhere_in_the_kiosk_page(self, client, kiosk):
        page = client.get(f"/kiosk/{kiosk.slug}/").content.decode()

        stored = Kiosk.objects.get(pk=kiosk.pk)
        assert kiosk.token not in page and kiosk.token not in stored.token_hash
        assert stored.token_hash and stored.token_issued_at

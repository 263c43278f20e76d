"""museum.middleware: request bodies larger than the settings allow are refused unread."""

import pytest
from django.test import Client

from exhibits.models import Kiosk
from tests import factories

pytestmark = pytest.mark.django_db


def post(client, url, size, **extra):
    return client.post(url, {"q": "x" * size}, **extra)


def test_a_visitor_cannot_send_a_large_body_to_a_public_page(client, settings):
    response = post(client, "/hu/search/", settings.TARLO_MAX_VISITOR_REQUEST_BYTES + 1)

    assert response.status_code == 413


def test_a_large_body_is_refused_from_its_content_length_before_anything_reads_it(settings):
    client = Client(enforce_csrf_checks=True)

    # The header claims 150 MB; the CSRF check would otherwise parse (and spool) the body first.
    response = client.post(
        "/hu/search/",
        b"",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(150 * 1024 * 1024),
    )

    assert response.status_code == 413


def test_the_kiosk_heartbeat_and_the_login_form_are_small_enough(client):
    kiosk = factories.kiosk(factories.exhibit())

    client.post(
        f"/kiosk/{kiosk.slug}/heartbeat/", {"content_version": "abc"}, content_type="application/json"
    )
    response = client.post("/admin/login/", {"username": "someone", "password": "x" * 200})

    assert response.status_code == 200 and Kiosk.objects.exists()


def test_staff_may_send_an_upload_sized_body(staff_client, settings):
    response = post(staff_client, "/admin/exhibits/source/add/", settings.TARLO_MAX_VISITOR_REQUEST_BYTES * 4)

    assert response.status_code == 200


def test_nobody_may_send_more_than_the_largest_upload(staff_client, settings):
    settings.TARLO_MAX_REQUEST_BYTES = 512 * 1024

    response = post(staff_client, "/admin/exhibits/source/add/", 600 * 1024)

    assert response.status_code == 413

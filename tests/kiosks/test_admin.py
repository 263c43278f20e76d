"""Issuing and revoking a kiosk's token in the admin: shown once, only its hash kept."""

import re

import pytest
from django.urls import reverse
from django.utils.translation import gettext as _

from exhibits.models import Kiosk
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def kiosk():
    return factories.kiosk(factories.exhibit(), slug="terem-3")


def token_page(kiosk):
    return reverse("admin:exhibits_kiosk_token", args=[kiosk.pk])


def shown_token(page):
    return re.search(r'<code class="kiosk-token-value">([^<]+)</code>', page).group(1)


def beat(client, kiosk, token):
    return client.post(
        f"/kiosk/{kiosk.slug}/heartbeat/",
        {"content_version": "abc"},
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )


def test_the_kiosks_page_in_the_admin_links_to_its_token(staff_client, kiosk):
    page = staff_client.get(reverse("admin:exhibits_kiosk_change", args=[kiosk.pk])).content.decode()

    assert token_page(kiosk) in page


def test_an_issued_token_is_shown_once_with_the_address_that_sets_up_the_kiosk(staff_client, kiosk, client):
    issued = staff_client.post(token_page(kiosk), {"action": "issue"}).content.decode()
    token = shown_token(issued)
    later = staff_client.get(token_page(kiosk)).content.decode()

    assert f"http://testserver/kiosk/terem-3/#token={token}" in issued
    assert token not in later and "kiosk-token-value" not in later
    assert token not in Kiosk.objects.get(pk=kiosk.pk).token_hash
    assert beat(client, kiosk, token).status_code == 200


def test_issuing_again_replaces_the_token(staff_client, kiosk, client):
    first = shown_token(staff_client.post(token_page(kiosk), {"action": "issue"}).content.decode())

    second = shown_token(staff_client.post(token_page(kiosk), {"action": "issue"}).content.decode())

    assert beat(client, kiosk, first).status_code == 401 and beat(client, kiosk, second).status_code == 200


def test_a_revoked_token_stops_the_heartbeat(staff_client, kiosk, client):
    token = shown_token(staff_client.post(token_page(kiosk), {"action": "issue"}).content.decode())

    response = staff_client.post(token_page(kiosk), {"action": "revoke"})

    assert response.status_code == 302 and beat(client, kiosk, token).status_code == 401
    assert not Kiosk.objects.get(pk=kiosk.pk).token_hash


def test_issuing_and_revoking_is_kept_in_the_history_with_who_did_it(staff_client, kiosk, admin_user):
    staff_client.post(token_page(kiosk), {"action": "issue"})
    staff_client.post(token_page(kiosk), {"action": "revoke"})

    reasons = list(
        kiosk.history.order_by("history_date").values_list("history_change_reason", "history_user")
    )

    assert reasons[-2:] == [
        (_("kiosk token issued"), admin_user.pk),
        (_("kiosk token revoked"), admin_user.pk),
    ]


def test_someone_who_may_only_view_kiosks_cannot_issue_a_token(curator_client, kiosk):
    response = curator_client.post(token_page(kiosk), {"action": "issue"})

    assert response.status_code == 403 and not Kiosk.objects.get(pk=kiosk.pk).token_hash


def test_the_token_page_is_never_cached(staff_client, kiosk):
    response = staff_client.post(token_page(kiosk), {"action": "issue"})

    assert "no-store" in response["Cache-Control"]

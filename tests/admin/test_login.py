"""The admin's login form, as a person (or a password guesser) uses it: CSRF enforced, django-axes
on, two-factor login with a real TOTP device."""

import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from exhibits.models import Status
from tests import factories

pytestmark = pytest.mark.django_db

PASSWORD = "a long and secret passphrase"


@pytest.fixture(autouse=True)
def lockout_on(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 5
    settings.TARLO_TRUSTED_PROXIES = 1


@pytest.fixture
def curator(django_user_model):
    user = django_user_model.objects.create_user("kata", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Curator"))
    return user


@pytest.fixture
def publisher(django_user_model):
    user = django_user_model.objects.create_user("peter", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Publisher"))
    return user


def browser():
    return Client(enforce_csrf_checks=True)


def log_in(client, username, password, code="", language="hu", address="198.51.100.7", forwarded=None):
    """Open the login page and send its form, as a browser does (CSRF token included)."""
    headers = {"Accept-Language": language}
    if forwarded:
        headers["X-Forwarded-For"] = forwarded
    page = client.get("/admin/login/?next=/admin/", headers=headers, REMOTE_ADDR=address).content.decode()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    return client.post(
        "/admin/login/?next=/admin/",
        {"csrfmiddlewaretoken": csrf, "username": username, "password": password, "otp_token": code},
        headers=headers,
        REMOTE_ADDR=address,
    )


def is_logged_in(client):
    return client.get("/admin/", headers={"Accept-Language": "en"}).status_code == 200


def current_code(device):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


# Lockout (django-axes)


def test_the_right_password_logs_in(curator):
    client = browser()

    response = log_in(client, "kata", PASSWORD)

    assert response.status_code == 302 and is_logged_in(client)


def test_after_five_wrong_passwords_even_the_right_one_is_refused(curator):
    client = browser()
    failures = [log_in(client, "kata", f"guess {number}") for number in range(5)]

    response = log_in(client, "kata", PASSWORD)

    assert [failure.status_code for failure in failures[:4]] == [200] * 4
    assert response.status_code == 429 and not is_logged_in(client)


def test_a_forged_x_forwarded_for_starts_no_fresh_count(curator):
    client = browser()
    # Behind the proxy, the client's own header comes first and the proxy appends the real address.
    for number in range(5):
        log_in(client, "kata", "guess", forwarded=f"10.0.0.{number}, 203.0.113.9")

    response = log_in(client, "kata", PASSWORD, forwarded="10.9.9.9, 203.0.113.9")

    assert response.status_code == 429 and not is_logged_in(client)


def test_the_same_user_from_another_address_may_still_log_in(curator):
    for _attempt in range(5):
        log_in(browser(), "kata", "guess", address="198.51.100.7")
    elsewhere = browser()

    response = log_in(elsewhere, "kata", PASSWORD, address="192.0.2.44")

    assert response.status_code == 302 and is_logged_in(elsewhere)


@pytest.mark.parametrize(
    "language, message",
    [
        ("hu", "Túl sok hibás jelszó vagy kód"),
        ("en", "Too many wrong passwords or codes"),
    ],
)
def test_the_lockout_says_so_in_the_visitors_language(curator, language, message):
    client = browser()
    for _attempt in range(5):
        log_in(client, "kata", "guess", language=language)

    response = log_in(client, "kata", PASSWORD, language=language)

    assert message in response.content.decode() and "15" in response.content.decode()


# Two-factor login (django-otp)


@pytest.fixture
def device(curator):
    return TOTPDevice.objects.create(user=curator, name="phone", confirmed=True)


def test_someone_with_an_authenticator_logs_in_with_its_code(device):
    client = browser()

    response = log_in(client, "kata", PASSWORD, code=current_code(device))

    assert response.status_code == 302 and is_logged_in(client)


def test_someone_with_an_authenticator_is_not_let_in_on_the_password_alone(device):
    client = browser()

    response = log_in(client, "kata", PASSWORD, language="en")

    assert "Enter the code from your authenticator app" in response.content.decode()
    assert not is_logged_in(client)


def test_a_wrong_code_is_refused_and_counts_towards_the_lockout(device):
    client = browser()
    for _attempt in range(5):
        log_in(client, "kata", PASSWORD, code="000000" if current_code(device) != "000000" else "111111")

    response = log_in(client, "kata", PASSWORD, code=current_code(device))

    assert response.status_code == 429 and not is_logged_in(client)


@pytest.fixture
def required(settings):
    settings.TARLO_TWO_FACTOR_REQUIRED = True


def test_a_publisher_must_set_up_two_factor_login_before_the_admin_opens(required, publisher):
    client = browser()
    log_in(client, "peter", PASSWORD)

    admin = client.get("/admin/")
    setup = client.get(admin["Location"], headers={"Accept-Language": "en"}).content.decode()

    assert admin.status_code == 302 and admin["Location"].startswith("/admin/two-factor/")
    assert "<svg" in setup and "must sign in with a second factor" in setup


def test_setting_up_two_factor_login_with_a_code_from_the_app_opens_the_admin(required, publisher):
    client = browser()
    log_in(client, "peter", PASSWORD)
    page = client.get("/admin/two-factor/").content.decode()
    device = TOTPDevice.objects.get(user=publisher)
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)

    response = client.post(
        "/admin/two-factor/?next=/admin/", {"csrfmiddlewaretoken": csrf, "code": current_code(device)}
    )

    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert TOTPDevice.objects.get(user=publisher).confirmed and is_logged_in(client)


def test_a_wrong_code_does_not_turn_two_factor_login_on(required, publisher):
    client = browser()
    log_in(client, "peter", PASSWORD)
    page = client.get("/admin/two-factor/").content.decode()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)

    client.post("/admin/two-factor/", {"csrfmiddlewaretoken": csrf, "code": "12345"})

    assert not TOTPDevice.objects.get(user=publisher).confirmed and not is_logged_in(client)


def test_a_publisher_without_two_factor_login_cannot_preview_drafts(required, publisher):
    exhibit = factories.exhibit(status=Status.DRAFT, slug="rejtett")
    client = browser()
    log_in(client, "peter", PASSWORD)

    response = client.get(f"/hu/exhibits/{exhibit.slug}/?preview")

    assert response.status_code == 302 and response["Location"].startswith("/admin/two-factor/")


def test_a_curator_needs_no_second_factor_even_when_it_is_required(required, curator):
    client = browser()

    log_in(client, "kata", PASSWORD)

    assert is_logged_in(client)


def test_without_the_setting_a_publisher_may_sign_in_with_the_password(publisher):
    client = browser()

    log_in(client, "peter", PASSWORD)

    assert is_logged_in(client)

"""The Content-Security-Policy (django-csp): on every page, and nothing on a page that it blocks."""

import runpy
from html.parser import HTMLParser

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import reverse

from exhibits.models import Event, Exhibit, Figure, Kiosk, Panel, Place, Source
from tests import factories
from tests.services import ROOT

pytestmark = pytest.mark.django_db

POLICY = {
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
}
DATA_BLOCKS = {"application/json", "application/ld+json"}  # not run: no script-src applies


class InlineCode(HTMLParser):
    """Collects what a strict policy blocks: inline scripts, style elements and attributes, on… handlers."""

    def __init__(self):
        super().__init__()
        self.found = []
        self._in_inline_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and not attributes.get("src") and attributes.get("type") not in DATA_BLOCKS:
            self.found.append("<script> without src")
        if tag == "style":
            self.found.append("<style>")
        for name, value in attrs:
            if name == "style":
                self.found.append(f'<{tag} style="{value}">')
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            if name in {"href", "src", "action"} and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}=javascript:…>")


def inline_code(html):
    parser = InlineCode()
    parser.feed(html)
    return parser.found


def policy(response):
    return {directive.strip() for directive in response["Content-Security-Policy"].split(";")}


@pytest.fixture
def site():
    cache.clear()
    exhibit = factories.exhibit(slug="forradalom", image=factories.image())
    panel = factories.linked_panel(exhibit)
    event, figure, place = panel.events.first(), panel.figures.first(), panel.places.first()
    figure.portrait = factories.image()
    figure.save()
    kiosk = factories.kiosk(exhibit, slug="terem-1")
    return [
        "/hu/",
        f"/hu/exhibits/{exhibit.slug}/",
        f"/en/events/{event.slug}/",
        f"/hu/figures/{figure.slug}/",
        f"/hu/places/{place.slug}/",
        "/hu/timeline/",
        "/en/search/?q=Bem",
        f"/kiosk/{kiosk.slug}/",
    ]


def test_every_visitor_page_carries_the_policy(client, site):
    for url in site:
        response = client.get(url)

        assert response.status_code == 200 and policy(response) == POLICY, url


def test_visitor_pages_have_no_inline_script_or_style(client, site):
    found = {url: inline_code(client.get(url).content.decode()) for url in site}

    assert found == dict.fromkeys(site, [])


def test_a_preview_has_no_inline_script_or_style_either(staff_client, site):
    found = {
        url: inline_code(staff_client.get(f"{url}{'&' if '?' in url else '?'}preview").content.decode())
        for url in site
    }

    assert found == dict.fromkeys(site, [])


def admin_pages(exhibit):
    kiosk = Kiosk.objects.first()
    pages = [
        "/admin/",
        "/admin/two-factor/",
        reverse("admin:exhibits_kiosk_token", args=[kiosk.pk]),
    ]
    for model in [Exhibit, Panel, Event, Figure, Place, Source, Kiosk]:
        info = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        pages += [reverse(f"{info}_changelist"), reverse(f"{info}_add")]
        pages.append(reverse(f"{info}_change", args=[model.objects.first().pk]))
    return pages


def test_admin_pages_carry_the_policy_and_run_no_inline_script(staff_client, translated_exhibit):
    factories.kiosk(translated_exhibit)

    for url in admin_pages(translated_exhibit):
        response = staff_client.get(url)
        blocked = [item for item in inline_code(response.content.decode()) if "style" not in item]

        assert response.status_code == 200 and policy(response) == POLICY, url
        assert blocked == [], url


@pytest.mark.parametrize(
    "url",
    [
        "/admin/login/",
        "/admin/",
        "/admin/two-factor/",
        "/admin/exhibits/kiosk/",
        "/admin/exhibits/panel/add/",
    ],
)
def test_the_admin_pages_of_this_issue_have_no_inline_style(staff_client, url):
    assert inline_code(staff_client.get(url).content.decode()) == []


def test_the_map_tiles_host_is_allowed_for_images_when_configured(monkeypatch):
    monkeypatch.setenv("MAP_TILES_URL", "https://{s}.tile.example.org/{z}/{x}/{y}.png")

    directives = runpy.run_path(str(ROOT / "museum" / "settings.py"))["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]

    assert directives["img-src"] == ["'self'", "data:", "https://*.tile.example.org"]
    assert directives["script-src"] == ["'self'"] and directives[
        "connect-src" if "connect-src" in directives else "default-src"
    ] == ["'self'"]


def test_a_changed_policy_is_sent_from_the_next_response_on(client, site, settings):
    client.get("/en/timeline/")  # the site's policy is now built and kept
    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {"default-src": ["'self'"], "img-src": ["https://tiles.example"]}
    }

    policy = client.get("/en/timeline/")["Content-Security-Policy"]

    assert "img-src https://tiles.example" in policy


def test_a_view_that_asks_for_a_nonce_gets_its_own_policy(rf, settings):
    from csp.constants import NONCE, SELF

    from museum.middleware import ContentSecurityPolicyMiddleware

    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": [SELF], "script-src": [SELF, NONCE]}}

    middleware = ContentSecurityPolicyMiddleware(lambda request: HttpResponse("page"))
    nonces = set()
    for _ in range(2):
        request = rf.get("/")
        middleware.process_request(request)
        nonces.add(str(request.csp_nonce))
        response = middleware.process_response(request, HttpResponse("page"))
        assert f"'nonce-{str(request.csp_nonce)}'" in response["Content-Security-Policy"]

    assert len(nonces) == 2

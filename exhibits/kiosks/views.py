"""Gallery kiosks: /kiosk/<slug>/, one page holding the whole exhibit in every language."""

import hashlib
import json
import re
from datetime import timedelta
from types import SimpleNamespace

from django.conf import settings
from django.db.models import Q
from django.http import Http404, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import DetailView

from exhibits.content.images import sized_url
from exhibits.content.reading import read_exhibit
from exhibits.content.version import content_version
from exhibits.kiosks import tokens
from exhibits.models import Kiosk, Status
from exhibits.site.caching import published_page, shows_drafts

VERSION_FORMAT = re.compile(r"^[0-9a-f]{1,64}$")
HEARTBEAT_SECONDS = 15  # how often a kiosk reports and asks for news
STATIC_ASSETS = [
    "kiosks/kiosk.css",
    "kiosks/kiosk.js",
    "site/fonts.css",
    "site/fonts/source-sans-3-latin-wght-normal.woff2",
    "site/fonts/source-sans-3-latin-ext-wght-normal.woff2",
    "site/fonts/source-sans-3-latin-wght-italic.woff2",
    "site/fonts/source-sans-3-latin-ext-wght-italic.woff2",
]


def kiosk_version(kiosk, version=None):
    """The version of what a kiosk shows: the content (at `version`, else now) and its own settings."""
    version = version or content_version()[0]
    own = f"{version}|{kiosk.exhibit_id}|{kiosk.default_language}|{kiosk.idle_timeout}"
    return hashlib.sha256(own.encode()).hexdigest()[:32]


def _kiosk_page_version(request, version, slug):
    kiosk = get_object_or_404(
        Kiosk.objects.filter(exhibit__status=Status.PUBLISHED).select_related("exhibit__image"), slug=slug
    )
    request.kiosk = kiosk
    return kiosk_version(kiosk, version)


@method_decorator(published_page(version=_kiosk_page_version), name="dispatch")
class KioskView(DetailView):
    template_name = "kiosks/kiosk.html"
    context_object_name = "kiosk"

    def get_object(self, queryset=None):
        if not shows_drafts(self.request):
            return self.request.kiosk
        return get_object_or_404(Kiosk.objects.select_related("exhibit__image"), slug=self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        drafts = shows_drafts(self.request)
        contents = read_exhibit(self.object.exhibit, drafts=drafts)
        exhibit = contents.exhibit
        version = kiosk_version(self.object)
        return super().get_context_data(
            exhibit=exhibit,
            exhibit_image=contents.image_of(exhibit),
            panels=[kiosk_panel(panel, contents) for panel in contents.panels],
            events=[kiosk_event(event, contents) for event in contents.events],
            figures=[kiosk_figure(figure, contents) for figure in contents.figures],
            places=contents.places,
            is_preview=drafts,
            content_version=version,
            languages=settings.LANGUAGES,
            kiosk_config={
                "idleSeconds": self.object.idle_timeout,
                "defaultLanguage": self.object.default_language,
                "contentVersion": version,
                "heartbeatUrl": reverse("kiosk:heartbeat", kwargs={"slug": self.object.slug}),
                "heartbeatSeconds": HEARTBEAT_SECONDS,
                "serviceWorkerUrl": reverse("kiosk:service-worker"),
                "isPreview": drafts,
                "assets": [
                    self.request.path,
                    *(static(name) for name in STATIC_ASSETS),
                    *sorted({sized_url(image, "kiosk") for image in contents.images.values()}),
                ],
            },
            **kwargs,
        )


def kiosk_panel(panel, contents):
    return SimpleNamespace(
        obj=panel,
        image=contents.image_of(panel),
        figures=contents.linked(panel, "figures"),
        places=contents.linked(panel, "places"),
        events=contents.linked(panel, "events"),
    )


def kiosk_event(event, contents):
    return SimpleNamespace(obj=event, place=contents.place_of(event))


def kiosk_figure(figure, contents):
    return SimpleNamespace(obj=figure, portrait=contents.image_of(figure, "portrait"))


@csrf_exempt
@require_POST
@never_cache
def heartbeat(request, slug):
    """Record that a kiosk is alive and which content it runs; answer with the current version.

    Only the kiosk itself may call it: it sends the secret token issued for it in the admin
    (`Authorization: Bearer <token>`). Without the right token nothing is written. It then
    writes nothing but those two fields, at most once every TARLO_KIOSK_HEARTBEAT_SECONDS.
    """
    kiosk = (
        Kiosk.objects.filter(slug=slug)
        .only("pk", "exhibit_id", "default_language", "idle_timeout", "token_hash")
        .first()
    )
    if kiosk is None:
        raise Http404("No such kiosk.")
    if not tokens.is_valid(kiosk, _bearer_token(request)):
        response = JsonResponse({"error": "This kiosk's token is missing or wrong."}, status=401)
        response["WWW-Authenticate"] = 'Bearer realm="kiosk"'
        return response
    try:
        reported = json.loads(request.body or b"{}").get("content_version", "")
    except (ValueError, AttributeError):
        return HttpResponseBadRequest('Send JSON: {"content_version": "…"}.')
    if not isinstance(reported, str) or not VERSION_FORMAT.match(reported):
        return HttpResponseBadRequest("content_version must be 1 to 64 lower-case hexadecimal digits.")
    now = timezone.now()
    stale = now - timedelta(seconds=settings.TARLO_KIOSK_HEARTBEAT_SECONDS)
    Kiosk.objects.filter(Q(last_seen_at__isnull=True) | Q(last_seen_at__lt=stale), pk=kiosk.pk).update(
        last_seen_at=now, content_version=reported
    )
    return JsonResponse({"content_version": kiosk_version(kiosk)})


def _bearer_token(request):
    scheme, _space, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


@require_GET
def service_worker(request):
    """The kiosks' service worker, served from /kiosk/ so that it may control kiosk pages."""
    response = TemplateResponse(request, "kiosks/kiosk_sw.js", content_type="text/javascript")
    response["Cache-Control"] = "no-cache"
    return response

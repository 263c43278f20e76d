"""Gallery kiosks: /kiosk/<slug>/, one page holding the whole exhibit in every language."""

import hashlib
import json
import re
from datetime import timedelta

import orjson
from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.http import Http404, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import DetailView
from markupsafe import Markup

from exhibits.content import queries
from exhibits.content.images import sized_url
from exhibits.content.reading import published_exhibit, read_exhibit
from exhibits.content.version import content_version
from exhibits.kiosks import tiles, tokens
from exhibits.kiosks.kiosk_page import idle_warning_seconds, kiosk_page, kiosk_tiles
from exhibits.models import Kiosk, Status
from exhibits.site.caching import published_page, shows_drafts
from exhibits.site.rendering import detail_path, named_path, static_url

VERSION_FORMAT = re.compile(r"^[0-9a-f]{1,64}$")
HEARTBEAT_SECONDS = 15  # how often a kiosk reports and asks for news
TILE_MAX_AGE = 7 * 24 * 3600
MAP_ASSETS = ["site/vendor/leaflet/leaflet.css", "site/vendor/leaflet/leaflet.js"]
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
    """The version of what a kiosk shows: the content (at `version`, else now), its own settings
    and its map's."""
    version = version or content_version()[0]
    own = f"{version}|{kiosk.exhibit_id}|{kiosk.default_language}|{kiosk.idle_timeout}|{map_tiles_url()}"
    return hashlib.sha256(own.encode()).hexdigest()[:32]


def map_tiles_url():
    return getattr(settings, "TARLO_MAP_TILES_URL", "")


def _kiosk_page_version(request, version, slug):
    kiosk = published_kiosk(slug)
    request.kiosk = kiosk
    request.kiosk_version = kiosk_version(kiosk, version)
    return request.kiosk_version


def published_kiosk(slug):
    """The kiosk at `slug` with its exhibit, read for visitors; 404 unless the exhibit is published."""
    found = queries.run(_kiosk_at, lean=True, slug=slug)
    exhibit = published_exhibit(pk=found[0].exhibit_id) if found else None
    if exhibit is None:
        raise Http404("No kiosk of a published exhibit is at this address.")
    found[0].exhibit = exhibit
    return found[0]


def _kiosk_at(p):
    return Kiosk.objects.filter(slug=p.value("slug"))


# Where the exhibit's JSON goes in the rendered page.
EXHIBIT_DATA = "\x00tarlo-exhibit-data\x00"


class KioskPageResponse(TemplateResponse):
    """A kiosk page, with its exhibit's JSON (most of the page) put in as the bytes orjson wrote:
    put in through the template, it would be decoded into the page's text and encoded back."""

    @property
    def rendered_content(self):
        before, _marker, after = super().rendered_content.rpartition(EXHIBIT_DATA)
        return b"".join([before.encode(), self.context_data["exhibit_json"], after.encode()])


@method_decorator(published_page(version=_kiosk_page_version), name="dispatch")
class KioskView(DetailView):
    """The whole exhibit in every language, as data that kiosk.js shows one screen at a time."""

    template_name = "kiosks/kiosk.html"
    template_engine = "jinja2"
    context_object_name = "kiosk"
    response_class = KioskPageResponse

    def get_object(self, queryset=None):
        if not shows_drafts(self.request):
            return self.request.kiosk
        return get_object_or_404(Kiosk.objects.select_related("exhibit"), slug=self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        kiosk = self.object
        drafts = shows_drafts(self.request)
        with translation.override(kiosk.default_language):  # lists in the order of its start language
            contents = read_exhibit(kiosk.exhibit, drafts=drafts)
        tiles_prefix = f"{self.request.path}tiles/" if map_tiles_url() else None
        page = kiosk_page(contents, tiles_prefix=tiles_prefix)
        version = getattr(self.request, "kiosk_version", None) or kiosk_version(kiosk)
        tiles = sorted(kiosk_tiles(contents)) if tiles_prefix else []
        return {
            "kiosk": kiosk,
            "page_title": page["text"][kiosk.default_language]["ui"]["pageTitle"],
            "has_map": bool(page["map"]),
            "exhibit_data": Markup(EXHIBIT_DATA),
            "exhibit_json": script_json_bytes(page),
            "config": script_json(
                {
                    "idleSeconds": kiosk.idle_timeout,
                    "warningSeconds": idle_warning_seconds(kiosk.idle_timeout),
                    "defaultLanguage": kiosk.default_language,
                    "contentVersion": version,
                    "heartbeatUrl": detail_path("kiosk:heartbeat", kiosk.slug),
                    "heartbeatSeconds": HEARTBEAT_SECONDS,
                    "serviceWorkerUrl": named_path("kiosk:service-worker"),
                    "isPreview": drafts,
                    "assets": [
                        self.request.path,
                        *(static_url(name) for name in STATIC_ASSETS + (MAP_ASSETS if page["map"] else [])),
                        *sorted(
                            {sized_url(image, "kiosk") for image in contents.images.values() if image.file}
                        ),
                        *(f"{tiles_prefix}{z}/{x}/{y}" for z, x, y in tiles),
                    ],
                }
            ),
            **kwargs,
        }


def script_json(data):
    """`data` as JSON safe inside a <script type="application/json"> element, non-ASCII kept."""
    return Markup(script_json_bytes(data).decode())


def script_json_bytes(data):
    """script_json(data) as UTF-8. orjson: the kiosk page is mostly this JSON, and it writes it
    six times as fast as json."""
    return orjson.dumps(data).replace(b"<", b"\\u003C").replace(b">", b"\\u003E").replace(b"&", b"\\u0026")


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
    response = TemplateResponse(request, "kiosks/kiosk_sw.js", content_type="text/javascript", using="jinja2")
    response["Cache-Control"] = "no-cache"
    return response


@require_GET
def map_tile(request, slug, z, x, y):
    """One tile of a kiosk's map, from the museum's copy of it: only the tiles its maps show."""
    template = map_tiles_url()
    kiosk = get_object_or_404(
        Kiosk.objects.filter(exhibit__status=Status.PUBLISHED).select_related("exhibit"), slug=slug
    )
    if not template or (z, x, y) not in shown_tiles(kiosk):
        raise Http404("This kiosk's maps do not show that tile.")
    try:
        data, content_type = tiles.tile(template, z, x, y)
    except tiles.TileUnavailable:
        return HttpResponse("The map tile server did not answer.", status=502, content_type="text/plain")
    response = HttpResponse(data, content_type=content_type)
    response["Cache-Control"] = f"public, max-age={TILE_MAX_AGE}"
    return response


def shown_tiles(kiosk):
    """The tiles `kiosk`'s maps show, kept in the cache under its version."""
    key = f"tarlo:kiosk-tiles:{kiosk_version(kiosk)}"
    shown = cache.get(key)
    if shown is None:
        shown = kiosk_tiles(read_exhibit(kiosk.exhibit))
        cache.set(key, shown, TILE_MAX_AGE)
    return shown

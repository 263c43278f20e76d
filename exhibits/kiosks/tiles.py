"""Map tiles through the museum's own server, so that a kiosk can keep them in its offline copy.

A tile is fetched once from TARLO_MAP_TILES_URL and kept in the default storage (a local folder
or the museum's object storage, shared by every app server); after that it is served from there.
Only tiles a kiosk shows are fetched (exhibits.kiosks.views.map_tile checks), so the server never
becomes an open proxy to the tile provider, nor downloads it in bulk.
"""

import hashlib
import urllib.request

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

FETCH_TIMEOUT_SECONDS = 10
MAX_TILE_BYTES = 2 * 1024 * 1024
USER_AGENT = "Tarlo-kiosk-tiles/1 (museum kiosk; fetches each tile once)"
CONTENT_TYPES = [
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"RIFF", "image/webp"),
]


class TileUnavailable(Exception):
    """The tile provider did not answer with an image."""


def tile(template, z, x, y):
    """(bytes, content type) of tile z/x/y of the provider `template` ("https://…/{z}/{x}/{y}.png")."""
    name = f"map-tiles/{hashlib.sha256(template.encode()).hexdigest()[:16]}/{z}/{x}/{y}"
    if default_storage.exists(name):
        with default_storage.open(name, "rb") as stored:
            data = stored.read()
    else:
        data = fetch(tile_url(template, z, x, y))
        if not default_storage.exists(name):
            default_storage.save(name, ContentFile(data))
    return data, content_type(data)


def tile_url(template, z, x, y):
    """The provider's address of one tile; {s} (a subdomain) is "a", {r} (retina) is left out."""
    for placeholder, value in {"{z}": z, "{x}": x, "{y}": y, "{s}": "a", "{r}": ""}.items():
        template = template.replace(placeholder, str(value))
    return template


def fetch(url):
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_SECONDS) as response:  # noqa: S310
            data = response.read(MAX_TILE_BYTES + 1)
    except OSError as error:
        raise TileUnavailable(str(error)) from error
    if len(data) > MAX_TILE_BYTES or content_type(data) is None:
        raise TileUnavailable(f"{url} did not answer with a PNG, JPEG or WebP image.")
    return data


def content_type(data):
    for signature, name in CONTENT_TYPES:
        if data.startswith(signature) and (name != "image/webp" or data[8:12] == b"WEBP"):
            return name
    return None

"""Published pages: kept in the shared cache and revalidated with ETag / Last-Modified.

Every key and ETag carries the content version (exhibits.content.content_version), read
from the database on each request, so a published change is visible at once on every app
server, with Redis or without.
"""

import functools
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers, get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import get_language

from exhibits.content.version import content_version

PREVIEW_PARAMETER = "preview"


def shows_drafts(request):
    """Whether this request previews drafts: staff asking for it with ?preview."""
    return PREVIEW_PARAMETER in request.GET and request.user.is_active and request.user.is_staff


def site_version(request, **kwargs):
    return content_version()


def published_page(view=None, *, version=site_version):
    """Serve `view` from the cache, or 304, while the content version is unchanged.

    `version(request, **kwargs)` returns (version, last_modified). Staff previews bypass the
    cache and are never stored by browsers or proxies.
    """
    if view is None:
        return functools.partial(published_page, version=version)

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if shows_drafts(request):
            response = view(request, *args, **kwargs)
            add_never_cache_headers(response)
            response["X-Robots-Tag"] = "noindex"
            return response
        current, last_modified = version(request, **kwargs)
        key = hashlib.sha256(f"{current}|{get_language()}|{request.get_full_path()}".encode()).hexdigest()[
            :40
        ]
        etag = f'"{key}"'
        timestamp = int(last_modified.timestamp()) if last_modified else None
        response = get_conditional_response(request, etag=etag, last_modified=timestamp)
        if response is None:
            response = _cached_or_rendered(f"tarlo:page:{key}", view, request, *args, **kwargs)
            if response.status_code != 200:
                return response
        response["ETag"] = etag
        if timestamp:
            response["Last-Modified"] = http_date(timestamp)
        patch_cache_control(response, no_cache=True)
        return response

    return wrapped


def _cached_or_rendered(key, view, request, *args, **kwargs):
    cached = cache.get(key)
    if cached is not None:
        content, content_type = cached
        return HttpResponse(content, content_type=content_type)
    response = view(request, *args, **kwargs)
    if hasattr(response, "render"):
        response.render()
    if response.status_code == 200 and settings.TARLO_PAGE_CACHE_SECONDS:
        cache.set(key, (response.content, response["Content-Type"]), settings.TARLO_PAGE_CACHE_SECONDS)
    return response

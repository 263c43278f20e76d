"""Published pages: kept in the shared cache and revalidated with ETag / Last-Modified.

Every key and ETag carries the content version (exhibits.content.version), read from the
database on each request, so a published change is visible at once on every app server, with
Redis or without.

A page is kept once per value of the query parameters it reads, and only those: a page
declares them (`parameters=`), and is rendered seeing no others, so any other query string
is served the same page and adds nothing to the cache.

`PublishedPageMiddleware`, first in the middleware, keeps each such page under its address with
the headers the whole stack gave it (security headers, Content-Security-Policy).
`KeptPageApplication`, around Django's WSGI application, answers a request for that address at
once, while the content version is the one the page was kept at: neither Django's request
handling nor the rest of the stack is needed to send a page that is the same for everyone. It
sends it only where the stack would have: over HTTPS when HTTPS is required, to an allowed host.
"""

import functools
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIRequest
from django.core.signals import request_started
from django.http import HttpResponse, QueryDict
from django.utils.cache import add_never_cache_headers, get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import get_language

from exhibits.content.version import content_version

PREVIEW_PARAMETER = "preview"


def shows_drafts(request):
    """Whether this request previews drafts: someone allowed to, asking for it with ?preview."""
    return PREVIEW_PARAMETER in request.GET and request.user.has_perm("exhibits.preview_drafts")


def site_version(request, version, **kwargs):
    return version


def published_page(view=None, *, version=site_version, parameters=(), kept=True):
    """Serve `view` from the cache, or 304, while the content version is unchanged.

    `version(request, content_version, **kwargs)` returns the page's own version, built on the
    content version (a kiosk's adds its settings). `parameters` names the query parameters the
    page reads: the view sees only those, and they alone tell cached pages apart. Previews of
    drafts bypass the cache and are never stored by browsers or proxies. A page whose parameters
    are free text (search) is not `kept`: anyone could fill the cache by varying them; it still
    answers 304 for the ETag a visitor has.
    """
    if view is None:
        return functools.partial(published_page, version=version, parameters=parameters, kept=kept)

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if shows_drafts(request):
            response = view(request, *args, **kwargs)
            add_never_cache_headers(response)
            response["X-Robots-Tag"] = "noindex"
            return response
        _keep_only(request, parameters)
        content, last_modified = content_version()
        current = version(request, content, **kwargs)
        # The site's address too: pages carry absolute links (canonical, Open Graph, hreflang).
        page = f"{current}|{get_language()}|{_site(request)}{request.path}?{request.META['QUERY_STRING']}"
        key = hashlib.sha256(page.encode()).hexdigest()[:40]
        etag = f'"{key}"'
        timestamp = int(last_modified.timestamp()) if last_modified else None
        response = get_conditional_response(request, etag=etag, last_modified=timestamp)
        if response is None:
            if kept:
                response = _cached_or_rendered(f"tarlo:page:{key}", view, request, *args, **kwargs)
            else:
                response = view(request, *args, **kwargs)
                if hasattr(response, "render"):
                    response.render()
            if response.status_code != 200:
                return response
        response["ETag"] = etag
        if timestamp:
            response["Last-Modified"] = http_date(timestamp)
        patch_cache_control(response, no_cache=True)
        if kept:
            response.kept_at = content  # for PublishedPageMiddleware
        return response

    return wrapped


def _keep_only(request, parameters):
    """Leave on `request` only the query `parameters`, in a fixed order, for the view and the key."""
    kept = QueryDict(mutable=True)
    for name in sorted(parameters):
        values = request.GET.getlist(name)
        if values:
            kept.setlist(name, values)
    request.GET = kept
    request.GET._mutable = False
    request.META["QUERY_STRING"] = kept.urlencode()


def _cached_or_rendered(key, view, request, *args, **kwargs):
    seconds = settings.TARLO_PAGE_CACHE_SECONDS  # 0: the page cache is off
    cached = cache.get(key) if seconds else None
    if cached is not None:
        content, content_type = cached
        return HttpResponse(content, content_type=content_type)
    response = view(request, *args, **kwargs)
    if hasattr(response, "render"):
        response.render()
    if response.status_code == 200 and seconds:
        cache.set(key, (response.content, response["Content-Type"]), seconds)
    return response


class PublishedPageMiddleware:
    """Keep a published page under its address for `KeptPageApplication` (see above).

    A page `published_page` served is noted under its address (with only the parameters it
    reads) with the content version it was kept at and the headers it went out with.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            getattr(response, "kept_at", None)
            and request.method == "GET"
            and response.status_code == 200
            and not response.cookies
            and getattr(request, "_csp_nonce", None) is None  # a nonce is for one response only
            and settings.TARLO_PAGE_CACHE_SECONDS
        ):
            headers = {name: value for name, value in response.items() if name.lower() not in UNKEPT_HEADERS}
            kept = {"version": response.kept_at, "content": response.content, "headers": headers}
            cache.set(_address_key(request), kept, settings.TARLO_PAGE_CACHE_SECONDS)
        return response


class KeptPageApplication:
    """WSGI: answer a request for a kept page before Django handles it at all (see above).

    A GET or HEAD for exactly the address of a kept page, not asking for a preview, while the
    content version is the same, gets that page, or 304 for the ETag it already has. Anything
    else goes to Django: so does every request while the cache or the database fails, where
    Django's own handling decides what the visitor gets.
    """

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        try:
            answer = _kept_answer(environ)
        except Exception:  # noqa: BLE001 - the long way handles (and reports) every failure
            answer = None
        if answer is None:
            return self.application(environ, start_response)
        status, headers, body = answer
        start_response(status, headers)
        return [body]


def _kept_answer(environ):
    """(status, headers, body) of the kept page the request of `environ` asks for, or None."""
    if not settings.TARLO_PAGE_CACHE_SECONDS:
        return None  # with the page cache off, no page is kept
    request = WSGIRequest(environ)
    if not _may_be_kept(request):
        return None
    key = _address_key(request)
    kept = _kept_page(key)
    if kept is None:
        return None
    # As Django's handler does: its receivers close database connections that are too old or broken.
    request_started.send(sender=KeptPageApplication, environ=environ)
    if kept["version"] != content_version()[0]:
        IN_MEMORY.pop(key, None)
        return None
    headers = kept["headers"]
    response = get_conditional_response(request, etag=headers.get("ETag"))
    if response is not None:  # 304: the visitor has this page already
        status = f"{response.status_code} {response.reason_phrase}"
        return status, [(name, headers[name]) for name in REVALIDATION_HEADERS if name in headers], b""
    return "200 OK", kept["response_headers"], b"" if request.method == "HEAD" else kept["content"]


# Kept pages this process has sent lately, in front of the shared cache: neither a trip to Redis
# nor unpickling a page for each visitor. Each is still sent only at the content version it was
# kept at, asked of the database for every request.
IN_MEMORY = {}
IN_MEMORY_PAGES = 200


def _kept_page(key):
    """The page kept under `key`, from this process's memory, else from the shared cache."""
    kept = IN_MEMORY.get(key)
    if kept is None:
        kept = cache.get(key)
        if kept is None:
            return None
        length = ("Content-Length", str(len(kept["content"])))
        kept["response_headers"] = [*kept["headers"].items(), length]
        if len(IN_MEMORY) >= IN_MEMORY_PAGES:
            IN_MEMORY.clear()
        IN_MEMORY[key] = kept
    return kept


# What a 304 says of the page the visitor has.
REVALIDATION_HEADERS = ["ETag", "Last-Modified", "Cache-Control", "Vary"]

# Headers that belong to one response, not to the page.
UNKEPT_HEADERS = {"set-cookie", "date", "content-length"}


def _may_be_kept(request):
    """Whether a kept page may answer `request`: a visitor's GET or HEAD that the security
    middleware would not redirect to HTTPS, for an allowed host, outside static and media files."""
    if request.method not in {"GET", "HEAD"} or PREVIEW_PARAMETER in request.GET:
        return False
    if settings.SECURE_SSL_REDIRECT and not request.is_secure():
        return False
    if request.path_info.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
        return False
    try:
        request.get_host()
    except DisallowedHost:
        return False  # the long way answers it
    return True


def _address_key(request):
    """The key of the page at the request's address, once published_page kept only the parameters it
    reads, under the settings that shaped its headers: a new policy is not answered with old pages."""
    address = f"{_header_settings()}|{_site(request)}{request.get_full_path()}"
    return "tarlo:address:" + hashlib.sha256(address.encode()).hexdigest()[:40]


def _site(request):
    """The scheme and host a page was asked at: pages carry absolute links to themselves."""
    return f"{request.scheme}://{request.get_host()}"


# The settings the middleware after PublishedPageMiddleware builds a page's headers from.
HEADER_SETTINGS = [
    "CONTENT_SECURITY_POLICY",
    "CONTENT_SECURITY_POLICY_REPORT_ONLY",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "X_FRAME_OPTIONS",
]


def _header_settings():
    """HEADER_SETTINGS as text, worked out once per settings object (tests override settings)."""
    current = settings._wrapped
    if _HEADER_SETTINGS[0] is not current:
        _HEADER_SETTINGS[:] = [current, repr([getattr(current, name, None) for name in HEADER_SETTINGS])]
    return _HEADER_SETTINGS[1]


_HEADER_SETTINGS = [None, ""]

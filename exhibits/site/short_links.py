"""Short, permanent addresses for printed labels and for sharing: /p/56-03, /e/12, /f/7, /pl/3.

Each redirects (302) to the public page in the visitor's language, chosen as "/" chooses it:
the language cookie, then the browser's Accept-Language, then the site's default. A panel is
found by its label code, the one printed on the label; an event, a person or a place by its
id, which no edit changes (a slug may be changed; the address must outlive it). When several
exhibits have a panel with the same code, the oldest exhibit keeps the address, so a label
already printed never starts leading elsewhere. Unknown or unpublished content is a 404;
staff adding ?preview are led to the draft's preview.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_safe

from exhibits.models import Event, Figure, Panel, Place, Status
from exhibits.site.caching import PREVIEW_PARAMETER, shows_drafts
from exhibits.site.rendering import detail_path

# model: (the short address's URL name, the public page's URL name)
PAGES = {
    Event: ("short-event", "exhibits:event-detail"),
    Figure: ("short-figure", "exhibits:figure-detail"),
    Place: ("short-place", "exhibits:place-detail"),
}


def short_path(obj):
    """The short address of a panel, event, person or place, e.g. /p/56-03."""
    if isinstance(obj, Panel):
        return reverse("short-panel", kwargs={"code": obj.code})
    return reverse(PAGES[type(obj)][0], kwargs={"pk": obj.pk})


def public_url(path):
    """`path` on the site's public address (the TARLO_PUBLIC_URL setting, from PUBLIC_URL)."""
    base = settings.TARLO_PUBLIC_URL.rstrip("/")
    parts = urlsplit(base)
    if parts.scheme not in {"http", "https"} or not parts.netloc or parts.query or parts.fragment:
        raise ImproperlyConfigured(
            "Set PUBLIC_URL to the site's public address, e.g. https://tarlo.museum.example "
            f"(it is “{settings.TARLO_PUBLIC_URL}”)."
        )
    return base + path


def short_url(obj):
    """The absolute short address of `obj`, as printed on a label."""
    return public_url(short_path(obj))


@require_safe
def panel(request, code):
    drafts = shows_drafts(request)
    panels = Panel.objects.filter(code=code).select_related("exhibit").order_by("exhibit_id", "pk")
    if not drafts:
        panels = panels.published().filter(exhibit__status=Status.PUBLISHED)
    found = panels.first()
    if found is None:
        raise Http404("No panel has this code.")
    return _redirect(
        request, "exhibits:exhibit-detail", found.exhibit.slug, drafts=drafts, fragment=f"panel-{found.code}"
    )


@require_safe
def page(request, pk, *, model):
    drafts = shows_drafts(request)
    objects = model.objects.all() if drafts else model.objects.published()
    found = objects.filter(pk=pk).only("slug").first()
    if found is None:
        raise Http404("Nothing published has this address.")
    return _redirect(request, PAGES[model][1], found.slug, drafts=drafts)


def _redirect(request, view_name, slug, *, drafts, fragment=""):
    address = detail_path(view_name, slug, request.LANGUAGE_CODE)
    if drafts:
        address += f"?{PREVIEW_PARAMETER}"
    if fragment:
        address += f"#{fragment}"
    response = HttpResponseRedirect(address)
    # The language comes from the cookie or Accept-Language: a shared cache must tell them apart.
    patch_vary_headers(response, ["Accept-Language", "Cookie"])
    return response

"""Staff preview: a page's objects with every pending draft applied, as visitors will see them.

The views call these only when previewing (`?preview`, see exhibits.views.caching); what
visitors are served never passes through here. Each function costs a fixed number of queries
however many objects a page shows (exhibits.drafts.with_pending_drafts).

What a preview shows of a published object with a pending draft is the draft: its texts,
image and links, and the drafts of the events, people and places it links to. Which objects a
list holds, and their order, still come from the database rows (the filters run in SQL).
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from exhibits.editorial import drafts
from exhibits.models import Event, Exhibit, Figure, Panel, Place

PANEL_LINKS = {
    "events": Event.objects.chronological(),
    "figures": Figure.objects.all(),
    "places": Place.objects.all(),
}


def one(obj):
    """`obj` with its pending draft applied."""
    return drafts.with_pending_draft(obj) if obj is not None else None


def objects(items):
    """`items` (a list or queryset) with their pending drafts applied."""
    return drafts.with_pending_drafts(items)


def panels(items):
    """Panels with their drafts applied, their links as the drafts have them, and the linked
    events, people and places with their own drafts applied."""
    items = drafts.with_pending_drafts(items, links=PANEL_LINKS)
    return drafts.with_pending_drafts_of_related(items, list(PANEL_LINKS))


def events(items):
    """Events with their drafts applied, their place (loaded with them) included."""
    return drafts.with_pending_drafts_of_related(drafts.with_pending_drafts(items), ["place"])


def preview_links(obj):
    """(label, URL) pairs where staff see `obj` as visitors will once it is published."""
    query = "?preview"
    if isinstance(obj, Exhibit):
        exhibit, anchor = obj, ""
    elif isinstance(obj, Panel):
        exhibit, anchor = obj.exhibit, f"#panel-{obj.code}"
    else:
        names = {Event: "event-detail", Figure: "figure-detail", Place: "place-detail"}
        name = names.get(type(obj))
        if name is None:
            return []
        return [(_("Preview on the site"), reverse(f"exhibits:{name}", kwargs={"slug": obj.slug}) + query)]
    links = [
        (
            _("Preview on the site"),
            reverse("exhibits:exhibit-detail", kwargs={"slug": exhibit.slug}) + query + anchor,
        )
    ]
    for kiosk in exhibit.kiosks.order_by("name"):
        links.append(
            (
                _("Preview on the kiosk “%(kiosk)s”") % {"kiosk": kiosk.name},
                reverse("kiosk:kiosk-detail", kwargs={"slug": kiosk.slug}) + query,
            )
        )
    return links

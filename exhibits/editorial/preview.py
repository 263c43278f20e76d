"""Staff preview: the pages' objects with their pending drafts applied, as visitors will see them.

The views call these only when previewing (`?preview`, see exhibits.site.caching); what
visitors are served never passes through here. A whole exhibit is previewed through
exhibits.content.reading (`drafts=True`); a list of objects through `objects()`, in one query
however many there are.
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from exhibits.editorial import drafts
from exhibits.models import Event, Exhibit, Figure, Panel, Place


def one(obj):
    """`obj` with its pending draft applied."""
    return drafts.with_pending_draft(obj) if obj is not None else None


def objects(items):
    """`items` (a list or queryset) with their pending drafts applied."""
    return drafts.with_pending_drafts(items)


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

"""/sitemap.xml: every published page in every language, each with its hreflang alternates."""

from django.contrib import sitemaps
from django.urls import reverse

from exhibits.models import Event, Exhibit, Figure, Place


class VisitorSitemap(sitemaps.Sitemap):
    i18n = True
    alternates = True
    x_default = True


class PagesSitemap(VisitorSitemap):
    priority = 0.6

    def items(self):
        return ["exhibits:home", "exhibits:timeline"]

    def location(self, item):
        return reverse(item)


class ExhibitSitemap(VisitorSitemap):
    """The exhibits with their bibliography and glossary pages."""

    priority = 1.0
    pages = ["exhibits:exhibit-detail", "exhibits:exhibit-sources", "exhibits:exhibit-glossary"]

    def items(self):
        return [
            (page, exhibit) for exhibit in Exhibit.objects.published().order_by("pk") for page in self.pages
        ]

    def location(self, item):
        page, exhibit = item
        return reverse(page, kwargs={"slug": exhibit.slug})

    def lastmod(self, item):
        return item[1].updated_at


class DetailSitemap(VisitorSitemap):
    model = None
    view_name = ""

    def items(self):
        return self.model.objects.published().order_by("pk").only("slug", "updated_at")

    def location(self, item):
        return reverse(self.view_name, kwargs={"slug": item.slug})

    def lastmod(self, item):
        return item.updated_at


class EventSitemap(DetailSitemap):
    model, view_name = Event, "exhibits:event-detail"


class FigureSitemap(DetailSitemap):
    model, view_name = Figure, "exhibits:figure-detail"


class PlaceSitemap(DetailSitemap):
    model, view_name = Place, "exhibits:place-detail"


SITEMAPS = {
    "pages": PagesSitemap,
    "exhibits": ExhibitSitemap,
    "events": EventSitemap,
    "figures": FigureSitemap,
    "places": PlaceSitemap,
}

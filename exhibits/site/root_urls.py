"""The site's addresses outside the language prefixes: what search engines and browsers ask for,
and the short addresses printed on labels (exhibits.site.short_links)."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path, re_path

from exhibits.models import Event, Figure, Place
from exhibits.site import short_links, views
from exhibits.site.sitemaps import SITEMAPS

# An id has at most 18 digits: larger numbers are no row's, and the database cannot take them.
ID = r"(?P<pk>[0-9]{1,18})/?$"

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots-txt"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("favicon.ico", views.favicon, name="favicon"),
    re_path(r"^p/(?P<code>[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*)/?$", short_links.panel, name="short-panel"),
    re_path(rf"^e/{ID}", short_links.page, {"model": Event}, name="short-event"),
    re_path(rf"^f/{ID}", short_links.page, {"model": Figure}, name="short-figure"),
    re_path(rf"^pl/{ID}", short_links.page, {"model": Place}, name="short-place"),
]

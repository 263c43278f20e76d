"""The site's addresses outside the language prefixes: what search engines and browsers ask for."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path

from exhibits.site import views
from exhibits.site.sitemaps import SITEMAPS

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots-txt"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("favicon.ico", views.favicon, name="favicon"),
]

"""The curators' admin: one module per kind of content, registered on import."""

from django.contrib import admin

from . import content, exhibits, kiosks, media  # noqa: F401

admin.site.site_header = admin.site.site_title = "Tárló"

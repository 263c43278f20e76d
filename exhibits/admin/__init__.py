"""The curators' admin as a whole: each part of the app registers its own models' admins; this
names the site and opens its index on what needs the curator (exhibits.admin.dashboard)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

import exhibits.content.admin
import exhibits.content.admin_exhibits
import exhibits.kiosks.admin  # noqa: F401

admin.site.site_header = admin.site.site_title = "Tárló"
admin.site.index_title = _("What needs you")

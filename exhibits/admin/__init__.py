"""The curators' admin as a whole: each part of the app registers its own models' admins; this
names the site and opens its index on what needs the curator (exhibits.admin.dashboard)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

import exhibits.content.admin
import exhibits.content.admin_exhibits
import exhibits.kiosks.admin  # noqa: F401
from exhibits.admin.login import LoginForm

admin.site.site_header = admin.site.site_title = "Tárló"
admin.site.index_title = _("What needs you")
# The login asks for the authenticator code of those who have set up two-factor login.
admin.site.login_form = LoginForm
admin.site.login_template = "admin/exhibits/login.html"

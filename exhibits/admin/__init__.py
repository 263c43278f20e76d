"""The curators' admin: each part of the app registers its own models; this names the site."""

from django.contrib import admin

import exhibits.content.admin
import exhibits.content.admin_exhibits
import exhibits.content.admin_media
import exhibits.kiosks.admin  # noqa: F401
from exhibits.admin.login import LoginForm

admin.site.site_header = admin.site.site_title = "Tárló"
# The login asks for the authenticator code of those who have set up two-factor login.
admin.site.login_form = LoginForm
admin.site.login_template = "admin/exhibits/login.html"

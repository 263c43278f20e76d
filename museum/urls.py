from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from exhibits.admin.login import setup_view

urlpatterns = [
    path("admin/two-factor/", admin.site.admin_view(setup_view), name="two-factor"),
    path("admin/", admin.site.urls),
    path("kiosk/", include("exhibits.kiosks.urls")),
    path("api/v1/", include("exhibits.api.urls")),
    path("", include("exhibits.site.root_urls")),
]

# The public site: /hu/… and /en/…; "/" is redirected to the visitor's language.
urlpatterns += i18n_patterns(path("", include("exhibits.site.urls")))

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Served without the database, the session or the user: any of them may be what failed.
handler500 = "museum.errors.server_error"

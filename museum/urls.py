from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("kiosk/", include("exhibits.kiosks.urls")),
    path("", include("exhibits.site.root_urls")),
]

# The public site: /hu/… and /en/…; "/" is redirected to the visitor's language.
urlpatterns += i18n_patterns(path("", include("exhibits.site.urls")))

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

"""Outside the language prefix: a kiosk page carries every language and switches in place."""

from django.urls import path

from exhibits.kiosks import views

app_name = "kiosk"

urlpatterns = [
    path("sw.js", views.service_worker, name="service-worker"),
    path("<slug:slug>/", views.KioskView.as_view(), name="kiosk-detail"),
    path("<slug:slug>/heartbeat/", views.heartbeat, name="heartbeat"),
    # The kiosk page builds these addresses from its own: <kiosk page>tiles/z/x/y.
    path("<slug:slug>/tiles/<int:z>/<int:x>/<int:y>", views.map_tile, name="map-tile"),
]

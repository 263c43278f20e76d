"""Outside the language prefix: a kiosk page carries every language and switches in place."""

from django.urls import path

from exhibits.kiosks import views

app_name = "kiosk"

urlpatterns = [
    path("sw.js", views.service_worker, name="service-worker"),
    path("<slug:slug>/", views.KioskView.as_view(), name="kiosk-detail"),
    path("<slug:slug>/heartbeat/", views.heartbeat, name="heartbeat"),
]

from django.urls import path

from .views import kiosk, public

app_name = "exhibits"

urlpatterns = [
    path("", public.HomeView.as_view(), name="home"),
    path("exhibits/<slug:slug>/", public.ExhibitDetailView.as_view(), name="exhibit-detail"),
    path("events/<slug:slug>/", public.EventDetailView.as_view(), name="event-detail"),
    path("timeline/", public.TimelineView.as_view(), name="timeline"),
    path("figures/<slug:slug>/", public.FigureDetailView.as_view(), name="figure-detail"),
    path("places/<slug:slug>/", public.PlaceDetailView.as_view(), name="place-detail"),
    path("search/", public.SearchView.as_view(), name="search"),
]

# Outside the language prefix: a kiosk page carries every language and switches in place.
kiosk_patterns = (
    [
        path("sw.js", kiosk.service_worker, name="service-worker"),
        path("<slug:slug>/", kiosk.KioskView.as_view(), name="kiosk-detail"),
        path("<slug:slug>/heartbeat/", kiosk.heartbeat, name="heartbeat"),
    ],
    "kiosk",
)

from django.urls import path

from exhibits.site import views

app_name = "exhibits"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("exhibits/<slug:slug>/", views.ExhibitDetailView.as_view(), name="exhibit-detail"),
    path("exhibits/<slug:slug>/sources/", views.ExhibitSourcesView.as_view(), name="exhibit-sources"),
    path("exhibits/<slug:slug>/glossary/", views.ExhibitGlossaryView.as_view(), name="exhibit-glossary"),
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="event-detail"),
    path("timeline/", views.TimelineView.as_view(), name="timeline"),
    path("figures/<slug:slug>/", views.FigureDetailView.as_view(), name="figure-detail"),
    path("places/<slug:slug>/", views.PlaceDetailView.as_view(), name="place-detail"),
    path("search/", views.SearchView.as_view(), name="search"),
]

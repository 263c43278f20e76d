"""/api/v1/: the public read API, its schema and its documentation page."""

from django.urls import path, re_path
from rest_framework.routers import DefaultRouter

from exhibits.api import views

app_name = "api"

router = DefaultRouter()
router.include_format_suffixes = False  # one address for each thing: JSON is the only format
router.register("exhibits", views.ExhibitViewSet, basename="exhibit")
router.register("panels", views.PanelViewSet, basename="panel")
router.register("events", views.EventViewSet, basename="event")
router.register("figures", views.FigureViewSet, basename="figure")
router.register("places", views.PlaceViewSet, basename="place")
router.register("sources", views.SourceViewSet, basename="source")
router.register("glossary", views.GlossaryTermViewSet, basename="glossary-term")
router.register("images", views.ImageViewSet, basename="image")

urlpatterns = [
    path("schema/", views.SchemaView.as_view(), name="schema"),
    path("docs/", views.DocsView.as_view(), name="docs"),
    *router.urls,
    re_path(r"^[\s\S]*/$", views.not_found),  # any character, a line break too
]

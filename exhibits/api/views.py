"""The API's views: published content, read only, a page at a time, revalidated by ETag.

Every view shows what visitors may see and nothing else: published objects (the Publishable
managers' `published()`), links only to published objects, never an internal source, an
exhibit as exhibits.content.reading reads it. Each list and each object costs a fixed number
of queries, however many rows there are.
"""

import hashlib
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Prefetch, Q
from django.http import JsonResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.renderers import (
    OpenApiJsonRenderer,
    OpenApiJsonRenderer2,
    OpenApiYamlRenderer,
    OpenApiYamlRenderer2,
)
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from drf_spectacular.views import SpectacularAPIView
from rest_framework import mixins, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from exhibits.api import serializers
from exhibits.api.errors import Conditional
from exhibits.api.pagination import PageNumberPagination
from exhibits.content.models import (
    Category,
    Event,
    Exhibit,
    Figure,
    GlossaryTerm,
    Image,
    Panel,
    Place,
    Source,
)
from exhibits.content.reading import read_exhibit
from exhibits.content.version import content_version
from exhibits.site.filters import EventFilter


def alphabetical(queryset):
    """In the source language's alphabetical order: a list's pages do not depend on who asks."""
    with translation.override(settings.LANGUAGE_CODE):
        return queryset.alphabetical()


def visible_sources():
    return Source.objects.filter(is_internal=False).order_by("citation", "pk")


def visible_panels():
    """The published panels of published exhibits."""
    return Panel.objects.published().filter(exhibit__in=Exhibit.objects.published())


def visible_images():
    """The images published content shows: exhibits', panels' and people's portraits."""
    return Image.objects.filter(
        Q(pk__in=Exhibit.objects.published().values("image"))
        | Q(pk__in=visible_panels().values("image"))
        | Q(pk__in=Figure.objects.published().values("portrait"))
    ).order_by("pk")


def shown(name, queryset):
    """Prefetch what a many-to-many field `name` links to, as far as visitors may see it."""
    return Prefetch(name, queryset=queryset, to_attr=f"shown_{name}")


def read(exhibit):
    """The exhibit as exhibits.content.reading reads what visitors see, noted on its objects as
    the serializers show it: `shown_panels`, a panel's `shown_events`, and so on."""
    contents = read_exhibit(exhibit)
    exhibit = contents.exhibit
    for kind in ["panels", "events", "figures", "places", "glossary", "sources"]:
        setattr(exhibit, f"shown_{kind}", getattr(contents, kind))
    for panel in contents.panels:
        panel.exhibit = exhibit
        panel.shown_image = contents.image_of(panel)
        for name in ["events", "figures", "places", "sources"]:
            setattr(panel, f"shown_{name}", contents.linked(panel, name))
    return exhibit


class PublishedContentViewSet(viewsets.GenericViewSet):
    """Published content, read only: unknown query parameters refused, ETag and 304 as on the pages.

    The ETag is built from the content version (exhibits.content.version, one query) and the
    request's address, and is checked before anything else is read.
    """

    pagination_class = PageNumberPagination
    lookup_value_regex = "[0-9]+"

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)  # content negotiation first: a bad Accept is 406
        if request.method not in {"GET", "HEAD"}:
            return  # refused next, 405
        self.check_parameters(request)
        version, last_modified = content_version()
        query = urlencode(sorted(request.query_params.lists()), doseq=True)
        self.etag = '"{}"'.format(
            hashlib.sha256(f"{version}|{request.path}?{query}".encode()).hexdigest()[:40]
        )
        self.last_modified = int(last_modified.timestamp()) if last_modified else None
        answered = get_conditional_response(request, etag=self.etag, last_modified=self.last_modified)
        if answered is not None:
            raise Conditional(answered)

    def query_parameters(self):
        """The query parameters this operation reads: a list's filters and pages; none for one object."""
        if self.action != "list":
            return set()
        names = set(self.paginator.query_parameters())
        if getattr(self, "filterset_class", None):
            names |= set(self.filterset_class.base_filters)
        return names

    def check_parameters(self, request):
        """Refuse a query parameter this operation does not read, and one given without a value
        (a client's mistake that would otherwise quietly return everything)."""
        known = sorted(self.query_parameters())
        if known:
            unknown = _("Unknown parameter: this address reads %(known)s.") % {"known": ", ".join(known)}
        else:
            unknown = _("Unknown parameter: this address reads no query parameters.")
        errors = {}
        for name, values in request.query_params.lists():
            if name not in known:
                errors[name] = [unknown]
            elif "" in values:
                errors[name] = [_("Give a value, or leave the parameter out.")]
        if errors:
            raise ValidationError(errors)

    def handle_exception(self, exc):
        if isinstance(exc, Conditional):
            return exc.response
        return super().handle_exception(exc)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code in {200, 304} and hasattr(self, "etag"):
            response["ETag"] = self.etag
            if self.last_modified:
                response["Last-Modified"] = http_date(self.last_modified)
            patch_cache_control(response, no_cache=True)
        return response


class ReadOnlyViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, PublishedContentViewSet):
    pass


@extend_schema_view(
    list=extend_schema(summary="Published exhibits, the latest period first"),
    retrieve=extend_schema(
        summary="An exhibit with its panels in order, and its events, people, places, glossary and sources",
        responses=serializers.ExhibitDetailSerializer,
    ),
)
class ExhibitViewSet(ReadOnlyViewSet):
    serializer_class = serializers.ExhibitSerializer

    def get_queryset(self):
        return Exhibit.objects.published().select_related("image").order_by("-period_start", "pk")

    def retrieve(self, request, *args, **kwargs):
        exhibit = read(self.get_object())
        return Response(
            serializers.ExhibitDetailSerializer(exhibit, context=self.get_serializer_context()).data
        )


@extend_schema_view(retrieve=extend_schema(summary="A panel of a published exhibit"))
class PanelViewSet(mixins.RetrieveModelMixin, PublishedContentViewSet):
    serializer_class = serializers.PanelSerializer

    def get_queryset(self):
        return visible_panels().select_related("exhibit__image")

    def retrieve(self, request, *args, **kwargs):
        panel = self.get_object()
        panel = next(shown for shown in read(panel.exhibit).shown_panels if shown.pk == panel.pk)
        return Response(self.get_serializer(panel).data)


SLUG = "^[-a-zA-Z0-9_]+$"
EVENT_FILTERS = [
    OpenApiParameter("start", OpenApiTypes.DATE, description="Events that start on this day or later."),
    OpenApiParameter("end", OpenApiTypes.DATE, description="Events that start on this day or earlier."),
    OpenApiParameter("category", str, enum=Category.values, description="Events of this category."),
    OpenApiParameter(
        "figure", str, pattern=SLUG, description="Events this person took part in: the person's slug."
    ),
    OpenApiParameter("place", str, pattern=SLUG, description="Events at this place: the place's slug."),
]


@extend_schema_view(
    list=extend_schema(
        summary="Published events in time order, filtered like the timeline", parameters=EVENT_FILTERS
    ),
    retrieve=extend_schema(summary="A published event"),
)
class EventViewSet(ReadOnlyViewSet):
    serializer_class = serializers.EventSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = EventFilter

    def get_queryset(self):
        return (
            Event.objects.published()
            .prefetch_related(
                Prefetch("place", queryset=Place.objects.published(), to_attr="shown_place"),
                shown("figures", alphabetical(Figure.objects.published())),
                shown("sources", visible_sources()),
            )
            .chronological()
        )


@extend_schema_view(
    list=extend_schema(summary="Published people, in alphabetical order"),
    retrieve=extend_schema(summary="A published person"),
)
class FigureViewSet(ReadOnlyViewSet):
    serializer_class = serializers.FigureSerializer

    def get_queryset(self):
        return alphabetical(
            Figure.objects.published()
            .select_related("portrait")
            .prefetch_related(
                shown("events", Event.objects.published().chronological()),
                shown("sources", visible_sources()),
            )
        )


@extend_schema_view(
    list=extend_schema(summary="Published places, in alphabetical order"),
    retrieve=extend_schema(summary="A published place"),
)
class PlaceViewSet(ReadOnlyViewSet):
    serializer_class = serializers.PlaceSerializer

    def get_queryset(self):
        return alphabetical(
            Place.objects.published().prefetch_related(
                shown("events", Event.objects.published().chronological()),
                shown("sources", visible_sources()),
            )
        )


@extend_schema_view(
    list=extend_schema(summary="Sources visitors may see, by citation"),
    retrieve=extend_schema(summary="A source"),
)
class SourceViewSet(ReadOnlyViewSet):
    serializer_class = serializers.SourceSerializer

    def get_queryset(self):
        return visible_sources()


@extend_schema_view(
    list=extend_schema(summary="Published glossary terms, in alphabetical order"),
    retrieve=extend_schema(summary="A published glossary term"),
)
class GlossaryTermViewSet(ReadOnlyViewSet):
    serializer_class = serializers.GlossaryTermSerializer

    def get_queryset(self):
        return alphabetical(
            GlossaryTerm.objects.published().prefetch_related(
                shown("sources", visible_sources()),
                Prefetch("exhibits", queryset=Exhibit.objects.published().order_by("pk"), to_attr="shown_in"),
            )
        )


@extend_schema_view(
    list=extend_schema(summary="The images published content shows, with their renditions"),
    retrieve=extend_schema(summary="An image with its renditions"),
)
class ImageViewSet(ReadOnlyViewSet):
    serializer_class = serializers.ImageSerializer

    def get_queryset(self):
        return visible_images()


class SchemaView(SpectacularAPIView):
    """The OpenAPI 3 schema, generated from these views: JSON, or YAML when asked for. In English,
    the language its descriptions are written in, whoever asks."""

    renderer_classes = [OpenApiJsonRenderer, OpenApiJsonRenderer2, OpenApiYamlRenderer, OpenApiYamlRenderer2]

    def _get_schema_response(self, request):
        with translation.override("en"):
            return super()._get_schema_response(request)


class DocsView(TemplateView):
    """The schema in Swagger UI (vendored from npm, started by api/docs.js: CSP forbids inline script)."""

    template_name = "api/docs.html"


def not_found(request, *args, **kwargs):
    """Any other address under the API: 404, in JSON like every other API error."""
    return JsonResponse({"detail": _("There is nothing at this address.")}, status=404)

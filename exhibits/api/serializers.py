"""How each kind of published content is written out: ids, links, language maps, dates.

Every translated field (the model's `translated_fields`) is a language map, named as the model
names it; a markup field has its HTML beside it as `<name>_html`. Links to other objects are
short references (id, slug, API URL and the name to show), never to anything unpublished:
the views hand these serializers only what visitors may see.
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from exhibits.content import images
from exhibits.content.dates import format_event_when
from exhibits.content.models import Event, Exhibit, Figure, GlossaryTerm, Image, Panel, Place, Source
from exhibits.site.rendering import detail_path

from .fields import (
    ApiUrlField,
    InEachLanguageField,
    LanguageMapField,
    LinesField,
    LocalTimeField,
    OptionalCharField,
    PageField,
    SameAsField,
    texts,
)


def page_of(view_name):
    """The path of an object's public page: `view_name` by its slug (in exhibits.site.urls)."""

    def path(obj, language):
        return detail_path(f"exhibits:{view_name}", obj.slug, language)

    return path


def api_url(kind):
    return ApiUrlField(kind)


class ContentSerializer(serializers.ModelSerializer):
    """Shows each of the model's `translated_fields` as a language map, and `<name>_html` of a
    markup field as its HTML in each language (see `fields.texts`)."""

    def build_field(self, field_name, info, model_class, nested_depth):
        translated = getattr(model_class, "translated_fields", ())
        if field_name in translated:
            return LanguageMapField, {"field": field_name}
        base = field_name.removesuffix("_html")
        if base != field_name and base in translated:
            return LanguageMapField, {"field": base, "html": True}
        return super().build_field(field_name, info, model_class, nested_depth)


# --- References: what a link to another object shows ---


class ExhibitReference(ContentSerializer):
    """A link to an exhibit."""

    url = api_url("exhibit")

    class Meta:
        model = Exhibit
        fields = ["id", "slug", "url", "title"]


class EventReference(ContentSerializer):
    """A link to an event, with its date and category."""

    url = api_url("event")

    class Meta:
        model = Event
        fields = ["id", "slug", "url", "title", "start_date", "category"]


class FigureReference(ContentSerializer):
    """A link to a person, with the name and the name as it is sorted."""

    url = api_url("figure")

    class Meta:
        model = Figure
        fields = ["id", "slug", "url", "name", "sort_name"]


class PlaceReference(ContentSerializer):
    """A link to a place."""

    url = api_url("place")

    class Meta:
        model = Place
        fields = ["id", "slug", "url", "name"]


class GlossaryTermReference(ContentSerializer):
    """A link to a glossary term."""

    url = api_url("glossary-term")

    class Meta:
        model = GlossaryTerm
        fields = ["id", "slug", "url", "term"]


# --- The objects themselves ---


class RenditionSerializer(serializers.Serializer):
    """A resized copy of an image."""

    spec = serializers.CharField(help_text="The size's name, e.g. thumbnail, medium, large.")
    media_type = serializers.CharField(help_text="image/jpeg, image/png or image/webp.")
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    url = serializers.URLField()


class FocalPointSerializer(serializers.Serializer):
    """The point of the image that crops keep in view."""

    x = serializers.FloatField(help_text="0 is the left edge, 1 the right: crops keep this point in view.")
    y = serializers.FloatField(help_text="0 is the top edge, 1 the bottom.")


class ImageSerializer(ContentSerializer):
    """An image with its texts, credit, licence and resized copies (renditions)."""

    url = api_url("image")
    file = serializers.SerializerMethodField()
    credit = OptionalCharField()
    licence = OptionalCharField()
    focal_point = serializers.SerializerMethodField()
    renditions = serializers.SerializerMethodField()

    class Meta:
        model = Image
        fields = [
            "id",
            "url",
            "file",
            "width",
            "height",
            *texts(Image),
            "credit",
            "licence",
            "focal_point",
            "renditions",
        ]

    @extend_schema_field(serializers.URLField())
    def get_file(self, image):
        return self.context["request"].build_absolute_uri(image.file.url)

    @extend_schema_field(FocalPointSerializer)
    def get_focal_point(self, image):
        return {"x": image.focal_point_x, "y": image.focal_point_y}

    @extend_schema_field(RenditionSerializer(many=True))
    def get_renditions(self, image):
        """The resized copies made of the image's current file (exhibits.content.images)."""
        request = self.context["request"]
        return [
            {
                "spec": rendition["spec"],
                "media_type": images.ACCEPTED_FORMATS[rendition["format"]],
                "width": rendition["width"],
                "height": rendition["height"],
                "url": request.build_absolute_uri(images.rendition_url(image, rendition)),
            }
            for rendition in image.renditions
            if rendition["source"] == image.file.name
        ]


class SourceSerializer(serializers.ModelSerializer):
    """A work the texts rely on, as it is cited."""

    url = api_url("source")
    link = serializers.SerializerMethodField(help_text="The source's own web address, if it has one.")

    class Meta:
        model = Source
        fields = ["id", "slug", "url", "citation", "link"]

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_link(self, source):
        return source.url or None


class EventSerializer(ContentSerializer):
    """An event: when (as exactly as the sources date it), where, who took part, and the sources."""

    url = api_url("event")
    page = PageField(page_of("event-detail"))
    category_label = InEachLanguageField(lambda event: event.get_category_display())
    start_time = LocalTimeField()
    end_time = LocalTimeField()
    when = InEachLanguageField(
        format_event_when, help_text="The date and time as visitors read them, only as exact as is known."
    )
    place = PlaceReference(source="shown_place", allow_null=True, read_only=True)
    figures = FigureReference(many=True, source="shown_figures", read_only=True)
    sources = SourceSerializer(many=True, source="shown_sources", read_only=True)

    class Meta:
        model = Event
        fields = [
            "id",
            "slug",
            "url",
            "page",
            *texts(Event),
            "category",
            "category_label",
            "start_date",
            "start_time",
            "end_date",
            "end_time",
            "precision",
            "is_approximate",
            "is_uncertain",
            "when",
            "place",
            "figures",
            "sources",
        ]


class FigureSerializer(ContentSerializer):
    """A person: names in each language, role, life dates, biography, portrait, events and sources."""

    url = api_url("figure")
    page = PageField(page_of("figure-detail"))
    other_names = LinesField(help_text="Other spellings of the name, as search finds them.")
    born = OptionalCharField(help_text="YYYY, YYYY-MM or YYYY-MM-DD: as precise as it is known.")
    died = OptionalCharField(help_text="YYYY, YYYY-MM or YYYY-MM-DD: as precise as it is known.")
    life_dates = InEachLanguageField(lambda figure: figure.life_dates)
    portrait = ImageSerializer(allow_null=True, read_only=True)
    wikidata_id = OptionalCharField()
    sameAs = SameAsField(help_text="The person in the authority files (Wikidata).")  # noqa: N815
    events = EventReference(many=True, source="shown_events", read_only=True)
    sources = SourceSerializer(many=True, source="shown_sources", read_only=True)

    class Meta:
        model = Figure
        fields = [
            "id",
            "slug",
            "url",
            "page",
            *texts(Figure),
            "other_names",
            "born",
            "died",
            "life_dates",
            "portrait",
            "wikidata_id",
            "sameAs",
            "events",
            "sources",
        ]


class PlaceSerializer(ContentSerializer):
    """A place: names, description, coordinates, the events there, and the sources."""

    url = api_url("place")
    page = PageField(page_of("place-detail"))
    latitude = serializers.FloatField(allow_null=True, read_only=True, help_text="Degrees north (WGS 84).")
    longitude = serializers.FloatField(allow_null=True, read_only=True, help_text="Degrees east (WGS 84).")
    wikidata_id = OptionalCharField()
    geonames_id = OptionalCharField()
    sameAs = SameAsField(help_text="The place in the authority files (Wikidata, GeoNames).")  # noqa: N815
    events = EventReference(many=True, source="shown_events", read_only=True)
    sources = SourceSerializer(many=True, source="shown_sources", read_only=True)

    class Meta:
        model = Place
        fields = [
            "id",
            "slug",
            "url",
            "page",
            *texts(Place),
            "latitude",
            "longitude",
            "wikidata_id",
            "geonames_id",
            "sameAs",
            "events",
            "sources",
        ]


def glossary_page(term, language):
    """The glossary of the first published exhibit holding the term (`shown_in`), at the term."""
    if not term.shown_in:
        return None
    return f"{detail_path('exhibits:exhibit-glossary', term.shown_in[0].slug, language)}#{term.slug}"


class GlossaryTermSerializer(ContentSerializer):
    """A word visitors may not know, with its definition in each language."""

    url = api_url("glossary-term")
    page = PageField(glossary_page, allow_null=True)
    sources = SourceSerializer(many=True, source="shown_sources", read_only=True)

    class Meta:
        model = GlossaryTerm
        fields = ["id", "slug", "url", "page", *texts(GlossaryTerm), "sources"]


class ExhibitSerializer(ContentSerializer):
    """An exhibit: title, introduction, content note, the period it covers and its image."""

    url = api_url("exhibit")
    page = PageField(page_of("exhibit-detail"))
    image = ImageSerializer(allow_null=True, read_only=True)

    class Meta:
        model = Exhibit
        fields = ["id", "slug", "url", "page", *texts(Exhibit), "period_start", "period_end", "image"]


def panel_page(panel, language):
    return f"{detail_path('exhibits:exhibit-detail', panel.exhibit.slug, language)}#panel-{panel.code}"


class PanelSerializer(ContentSerializer):
    """A panel: its label code, title, body, image, and the events, people, places and sources it links to."""

    # The `shown_*` values are what exhibits.content.reading read of the exhibit (views.read).
    url = api_url("panel")
    page = PageField(panel_page)
    exhibit = ExhibitReference(read_only=True)
    image = ImageSerializer(source="shown_image", allow_null=True, read_only=True)
    events = EventReference(many=True, source="shown_events", read_only=True)
    figures = FigureReference(many=True, source="shown_figures", read_only=True)
    places = PlaceReference(many=True, source="shown_places", read_only=True)
    sources = SourceSerializer(many=True, source="shown_sources", read_only=True)

    class Meta:
        model = Panel
        fields = [
            "id",
            "url",
            "page",
            "exhibit",
            "code",
            "order",
            *texts(Panel),
            "image",
            "events",
            "figures",
            "places",
            "sources",
        ]


class ExhibitDetailSerializer(ExhibitSerializer):
    """An exhibit with everything that belongs to it: its panels in order, and its events (those
    its panels link to and those in its period), people, places, glossary terms and sources."""

    # The `shown_*` values are what exhibits.content.reading read of the exhibit (views.read).
    panels = PanelSerializer(many=True, source="shown_panels", read_only=True)
    events = EventReference(many=True, source="shown_events", read_only=True)
    figures = FigureReference(many=True, source="shown_figures", read_only=True)
    places = PlaceReference(many=True, source="shown_places", read_only=True)
    glossary = GlossaryTermReference(many=True, source="shown_glossary", read_only=True)
    sources = SourceSerializer(many=True, source="shown_sources", read_only=True)

    class Meta(ExhibitSerializer.Meta):
        fields = [
            *ExhibitSerializer.Meta.fields,
            "panels",
            "events",
            "figures",
            "places",
            "glossary",
            "sources",
        ]

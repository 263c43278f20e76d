"""The admins of what exhibits are made of: events, figures, places, glossary terms, sources and
images. (Exhibits and their panels: admin_exhibits.)"""

from django.contrib import admin
from django.db import models
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from exhibits.admin.autocomplete import ImageAutocompleteJsonView
from exhibits.admin.filters import WaitingFilter
from exhibits.admin.options import ContentAdminMixin, search_fields
from exhibits.admin.widgets import thumbnail_url
from exhibits.content.forms import SafeImageField
from exhibits.content.models.base import alphabetical_order
from exhibits.editorial.admin import WorkflowAdminMixin
from exhibits.models import Event, Figure, GlossaryTerm, Image, Place, Source
from exhibits.translations.admin import TranslationStateMixin


class AlphabeticalMixin:
    def get_ordering(self, request):
        """Alphabetical in the curator's language, by its own alphabet where the database can."""
        return [alphabetical_order(self.model)]


@admin.register(Event)
class EventAdmin(ContentAdminMixin, WorkflowAdminMixin, TranslationStateMixin, TranslationAdmin):
    list_display = ["title", "start_date", "time_label", "category", "place", "status"]
    list_filter = [
        "status",
        WaitingFilter,
        "category",
        "precision",
        ("start_date", admin.DateFieldListFilter),
    ]
    list_select_related = ["place"]
    date_hierarchy = "start_date"
    search_fields = search_fields(Event, "title", "slug", "place__name")
    prepopulated_fields = {"slug": ["title_hu"]}
    autocomplete_fields = ["place", "figures", "sources"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "category", "status"]}),
        (
            _("When"),
            {
                "fields": [
                    ("start_date", "start_time"),
                    ("end_date", "end_time"),
                    "precision",
                    ("is_approximate", "is_uncertain"),
                    "time_label",
                ]
            },
        ),
        (_("Where and who"), {"fields": ["place", "figures", "sources"]}),
        (_("Text"), {"fields": ["summary"]}),
    ]


@admin.register(Figure)
class FigureAdmin(
    AlphabeticalMixin, ContentAdminMixin, WorkflowAdminMixin, TranslationStateMixin, TranslationAdmin
):
    list_display = ["name", "role", "life_dates", "status"]
    list_filter = ["status", WaitingFilter]
    search_fields = search_fields(Figure, "name", "sort_name", "other_names", "slug")
    prepopulated_fields = {"slug": ["name_hu"]}
    autocomplete_fields = ["portrait", "sources"]
    fieldsets = [
        (None, {"fields": ["name", "sort_name", "other_names", "slug", "status"]}),
        (_("Life and role"), {"fields": ["role", ("born", "died"), "portrait"]}),
        (_("Text"), {"fields": ["biography", "sources"]}),
        (_("Authority records"), {"fields": ["wikidata_id"]}),
    ]

    @admin.display(description=_("life dates"))
    def life_dates(self, obj):
        return obj.life_dates


@admin.register(Place)
class PlaceAdmin(
    AlphabeticalMixin, ContentAdminMixin, WorkflowAdminMixin, TranslationStateMixin, TranslationAdmin
):
    list_display = ["name", "area", "latitude", "longitude", "status"]
    list_filter = ["status", WaitingFilter]
    search_fields = search_fields(Place, "name", "area", "slug")
    prepopulated_fields = {"slug": ["name_hu"]}
    autocomplete_fields = ["sources"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "status"]}),
        (_("Location"), {"fields": ["area", ("latitude", "longitude")]}),
        (_("Text"), {"fields": ["description", "sources"]}),
        (_("Authority records"), {"fields": [("wikidata_id", "geonames_id")]}),
    ]


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(
    AlphabeticalMixin, ContentAdminMixin, WorkflowAdminMixin, TranslationStateMixin, TranslationAdmin
):
    list_filter = ["status", WaitingFilter]
    search_fields = search_fields(GlossaryTerm, "term", "other_forms", "slug")
    prepopulated_fields = {"slug": ["term_hu"]}
    autocomplete_fields = ["sources"]
    fieldsets = [
        (None, {"fields": ["term", "other_forms", "slug", "status"]}),
        (_("Text"), {"fields": ["definition", "sources"]}),
    ]

    list_display = ["term", "status"]

    def get_list_display(self, request):
        term, *others = super().get_list_display(request)
        return [term, *self.word_count_columns, *others]


@admin.register(Source)
class SourceAdmin(ContentAdminMixin, WorkflowAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "slug", "url", "is_internal"]
    list_filter = ["is_internal"]
    search_fields = ["citation", "slug", "note"]
    prepopulated_fields = {"slug": ["citation"]}
    fields = ["citation", "slug", "url", "note", "is_internal"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Image)
class ImageAdmin(ContentAdminMixin, WorkflowAdminMixin, TranslationStateMixin, TranslationAdmin):
    list_display = ["thumbnail", "__str__", "credit", "licence", "created_at"]
    list_display_links = ["thumbnail", "__str__"]
    search_fields = search_fields(Image, "alt_text", "caption", "credit")
    readonly_fields = ["thumbnail", "width", "height"]
    formfield_overrides = {models.ImageField: {"form_class": SafeImageField}}
    fieldsets = [
        (None, {"fields": ["file", "thumbnail", ("width", "height")]}),
        (_("Description"), {"fields": ["alt_text", "caption"]}),
        (_("Rights"), {"fields": ["credit", "licence"]}),
        (_("Cropping"), {"fields": [("focal_point_x", "focal_point_y")]}),
    ]

    @admin.display(description=_("preview"))
    def thumbnail(self, obj):
        if not obj.file:
            return "—"
        return format_html('<img class="image-thumbnail" src="{}" alt="">', thumbnail_url(obj))

    def get_urls(self):
        # The image pickers of other admins ask here: results carry their thumbnails.
        picker = ImageAutocompleteJsonView.as_view(admin_site=self.admin_site)
        return [
            path("autocomplete/", self.admin_site.admin_view(picker), name="exhibits_image_autocomplete"),
            *super().get_urls(),
        ]

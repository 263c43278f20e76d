from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from exhibits.content.models.base import alphabetical_order
from exhibits.editorial.admin import WorkflowAdminMixin
from exhibits.models import Event, Figure, GlossaryTerm, Place
from exhibits.translations.admin import TranslationStateMixin


@admin.register(Place)
class PlaceAdmin(WorkflowAdminMixin, TranslationStateMixin, TranslationAdmin):
    list_display = ["name", "latitude", "longitude", "status"]
    list_filter = ["status"]
    search_fields = ["name_hu", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_hu"]}
    autocomplete_fields = ["sources"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "status"]}),
        (_("Location"), {"fields": ["area", ("latitude", "longitude")]}),
        (_("Text"), {"fields": ["description", "sources"]}),
        (_("Authority records"), {"fields": [("wikidata_id", "geonames_id")]}),
    ]

    def get_ordering(self, request):
        """Alphabetical in the curator's language, by its own alphabet where the database can."""
        return [alphabetical_order(Place)]


@admin.register(Figure)
class FigureAdmin(WorkflowAdminMixin, TranslationStateMixin, TranslationAdmin):
    list_display = ["name", "role", "life_dates", "status"]
    list_filter = ["status"]
    search_fields = ["name_hu", "name_en", "sort_name_hu", "sort_name_en", "other_names", "slug"]
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

    def get_ordering(self, request):
        """Alphabetical in the curator's language, by its own alphabet where the database can."""
        return [alphabetical_order(Figure)]


@admin.register(Event)
class EventAdmin(WorkflowAdminMixin, TranslationStateMixin, TranslationAdmin):
    list_display = ["title", "start_date", "time_label", "category", "place", "status"]
    list_filter = ["status", "category", "precision", ("start_date", admin.DateFieldListFilter)]
    list_select_related = ["place"]
    date_hierarchy = "start_date"
    search_fields = ["title_hu", "title_en", "slug", "place__name_hu", "place__name_en"]
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


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(WorkflowAdminMixin, TranslationStateMixin, TranslationAdmin):
    list_display = ["term", "status"]
    list_filter = ["status"]
    search_fields = ["term_hu", "term_en", "other_forms_hu", "other_forms_en", "slug"]
    prepopulated_fields = {"slug": ["term_hu"]}
    autocomplete_fields = ["sources"]
    fieldsets = [
        (None, {"fields": ["term", "other_forms", "slug", "status"]}),
        (_("Text"), {"fields": ["definition", "sources"]}),
    ]

    def get_ordering(self, request):
        """Alphabetical in the curator's language, by its own alphabet where the database can."""
        return [alphabetical_order(GlossaryTerm)]

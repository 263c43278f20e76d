from adminsortable2.admin import SortableAdminBase, SortableStackedInline
from django.conf import settings
from django.contrib import admin
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from exhibits.content import markup
from exhibits.content.fields import word_limits
from exhibits.editorial.admin import WorkflowAdminMixin, WorkflowInlineMixin
from exhibits.exports.admin import ExhibitExportsMixin
from exhibits.models import Exhibit, Panel
from exhibits.translations.admin import ExhibitTranslationsMixin, TranslationStateMixin


@admin.display(description=_("words"))
def body_word_counts(panel):
    """Each language's body word count against the label limit, e.g. “hu 132 / 150”."""
    limit = word_limits(Panel, "body")[1]
    counts = [
        (code, markup.word_count(getattr(panel, f"body_{code}", ""))) for code, _name in settings.LANGUAGES
    ]
    return format_html_join(
        " · ",
        '<span class="{}">{} {} / {}</span>',
        (("errornote" if count > limit else "", code, count, limit) for code, count in counts),
    )


class PanelInline(WorkflowInlineMixin, SortableStackedInline, TranslationStackedInline):
    model = Panel
    extra = 0
    show_change_link = True
    autocomplete_fields = ["image", "events", "figures", "places", "sources"]
    readonly_fields = [body_word_counts]
    fields = [
        ("code", "status"),
        "title",
        "body",
        body_word_counts,
        "image",
        ("events", "figures"),
        ("places", "sources"),
    ]


@admin.register(Exhibit)
class ExhibitAdmin(
    WorkflowAdminMixin,
    ExhibitExportsMixin,
    ExhibitTranslationsMixin,
    TranslationStateMixin,
    SortableAdminBase,
    TranslationAdmin,
):
    change_form_template = "admin/exhibits/exhibit/change_form.html"  # workflow buttons and exports
    list_display = ["title", "period_start", "period_end", "panel_count", "status"]
    list_filter = ["status"]
    search_fields = ["title_hu", "title_en", "slug"]
    prepopulated_fields = {"slug": ["title_hu"]}
    autocomplete_fields = ["image", "sources", "glossary"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "status"]}),
        (_("Period"), {"fields": [("period_start", "period_end")]}),
        (_("Introduction"), {"fields": ["content_note", "introduction", "image"]}),
        (_("Sources and glossary"), {"fields": ["sources", "glossary"]}),
    ]
    inlines = [PanelInline]

    @admin.display(description=_("panels"))
    def panel_count(self, obj):
        return obj.panels.count()


@admin.register(Panel)
class PanelAdmin(WorkflowAdminMixin, TranslationStateMixin, TranslationAdmin):
    list_display = ["code", "title", "exhibit", body_word_counts, "status"]
    list_display_links = ["code", "title"]
    list_filter = ["status", "exhibit"]
    list_select_related = ["exhibit"]
    search_fields = ["code", "title_hu", "title_en", "body_hu", "body_en"]
    autocomplete_fields = ["exhibit", "image", "events", "figures", "places", "sources"]
    readonly_fields = [body_word_counts]
    fieldsets = [
        (None, {"fields": ["exhibit", ("code", "order"), "status"]}),
        (_("Text"), {"fields": ["title", "content_note", "body", body_word_counts]}),
        (_("Links"), {"fields": ["image", "events", "figures", "places", "sources"]}),
    ]

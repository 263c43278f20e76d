"""The admins of exhibits and their panels.

The exhibit's page lists its panels compactly, in order, each linking to its own page; dragging
them (or their move buttons) changes only the hidden order fields of the panels that moved, and
saving the exhibit saves those through the one save path (an order change of a published panel
becomes its pending draft, like any other edit).
"""

from django import forms
from django.contrib import admin
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from exhibits.admin.filters import WaitingFilter
from exhibits.admin.forms import ContentForm
from exhibits.admin.options import ContentAdminMixin, search_fields
from exhibits.editorial import drafts
from exhibits.editorial.admin import WorkflowAdminMixin, WorkflowInlineMixin
from exhibits.exports.admin import ExhibitExportsMixin
from exhibits.models import Exhibit, Panel
from exhibits.translations.admin import ExhibitTranslationsMixin, TranslationStateMixin


class PanelOrderFormSet(BaseInlineFormSet):
    """The exhibit's panels as their editors left them (pending drafts applied), in that order."""

    def get_queryset(self):
        if not hasattr(self, "_panels"):
            panels = drafts.with_pending_drafts(super().get_queryset())
            self._panels = sorted(panels, key=lambda panel: (panel.order, panel.pk))
        return self._panels


class PanelOrderInline(WorkflowInlineMixin, admin.TabularInline):
    model = Panel
    form = ContentForm
    formset = PanelOrderFormSet
    fields = ["order"]
    template = "admin/exhibits/exhibit/panel_order.html"
    extra = 0
    can_delete = False
    verbose_name_plural = _("panels in order")

    class Media:
        js = ["tarlo-admin/panel_order.js"]

    def has_add_permission(self, request, obj=None):
        return False  # on the panel's own page, linked from the list

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "order":
            kwargs["widget"] = forms.HiddenInput
        return super().formfield_for_dbfield(db_field, request, **kwargs)


@admin.register(Exhibit)
class ExhibitAdmin(
    ContentAdminMixin,
    WorkflowAdminMixin,
    ExhibitExportsMixin,
    ExhibitTranslationsMixin,
    TranslationStateMixin,
    TranslationAdmin,
):
    change_form_template = "admin/exhibits/exhibit/change_form.html"
    list_display = ["title", "period_start", "period_end", "panel_count", "status"]
    list_filter = ["status", WaitingFilter]
    search_fields = search_fields(Exhibit, "title", "slug")
    prepopulated_fields = {"slug": ["title_hu"]}
    autocomplete_fields = ["image", "sources", "glossary"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "status"]}),
        (_("Period"), {"fields": [("period_start", "period_end")]}),
        (_("Introduction"), {"fields": ["content_note", "introduction", "image"]}),
        (_("Sources and glossary"), {"fields": ["sources", "glossary"]}),
    ]
    inlines = [PanelOrderInline]

    @admin.display(description=_("panels"))
    def panel_count(self, obj):
        return obj.panels.count()


@admin.register(Panel)
class PanelAdmin(ContentAdminMixin, WorkflowAdminMixin, TranslationStateMixin, TranslationAdmin):
    list_display = ["code", "title", "exhibit", "status"]
    list_display_links = ["code", "title"]
    list_filter = ["status", WaitingFilter, "exhibit"]
    list_select_related = ["exhibit"]
    search_fields = search_fields(Panel, "code", "title", "body")
    autocomplete_fields = ["exhibit", "image", "events", "figures", "places", "sources"]
    fieldsets = [
        (None, {"fields": ["exhibit", ("code", "order"), "status"]}),
        (_("Text"), {"fields": ["title", "content_note", "body"]}),
        (_("Links"), {"fields": ["image", "events", "figures", "places", "sources"]}),
    ]

    def get_list_display(self, request):
        code, title, exhibit, *others = super().get_list_display(request)
        return [code, title, exhibit, *self.word_count_columns, *others]

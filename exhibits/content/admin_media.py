from django.contrib import admin
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from exhibits.content.forms import SafeImageField
from exhibits.editorial.admin import WorkflowAdminMixin
from exhibits.models import Image, Source
from exhibits.translations.admin import TranslationStateMixin


@admin.register(Image)
class ImageAdmin(WorkflowAdminMixin, TranslationStateMixin, TranslationAdmin):
    list_display = ["thumbnail", "__str__", "credit", "licence", "created_at"]
    list_display_links = ["thumbnail", "__str__"]
    search_fields = ["alt_text_hu", "alt_text_en", "caption_hu", "caption_en", "credit"]
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
        return format_html('<img src="{}" alt="" style="max-height:80px;max-width:120px">', obj.file.url)


@admin.register(Source)
class SourceAdmin(WorkflowAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "slug", "url", "is_internal"]
    list_filter = ["is_internal"]
    search_fields = ["citation", "slug", "note"]
    prepopulated_fields = {"slug": ["citation"]}
    fields = ["citation", "slug", "url", "note", "is_internal"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

from django.contrib import admin

from exhibits.admin.filters import KioskContactFilter
from exhibits.editorial.admin import WorkflowAdminMixin
from exhibits.models import Kiosk


@admin.register(Kiosk)
class KioskAdmin(WorkflowAdminMixin, admin.ModelAdmin):
    list_display = ["name", "exhibit", "default_language", "idle_timeout", "last_seen_at", "content_version"]
    list_filter = ["exhibit", "default_language", KioskContactFilter]
    list_select_related = ["exhibit"]
    search_fields = ["name", "slug", "exhibit__title_hu", "exhibit__title_en"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["exhibit"]
    readonly_fields = ["last_seen_at", "content_version"]
    fields = [
        "name",
        "slug",
        "exhibit",
        "default_language",
        "idle_timeout",
        "last_seen_at",
        "content_version",
    ]

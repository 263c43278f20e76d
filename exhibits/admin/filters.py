"""List filters that the dashboard's links open (exhibits.admin.queues defines what they hold)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from exhibits.admin import queues


class WaitingFilter(admin.SimpleListFilter):
    title = _("to do")
    parameter_name = "waiting"

    def lookups(self, request, model_admin):
        return [("mine", _("my drafts")), ("review", _("review"))]

    def queryset(self, request, queryset):
        if self.value() == "mine":
            return queues.my_drafts(queryset, request.user)
        if self.value() == "review":
            return queues.awaiting_review(queryset)
        return queryset


class KioskContactFilter(admin.SimpleListFilter):
    title = _("contact")
    parameter_name = "contact"

    def lookups(self, request, model_admin):
        return [("silent", _("not seen for a day"))]

    def queryset(self, request, queryset):
        if self.value() == "silent":
            return queryset.filter(pk__in=queues.silent_kiosks().values("pk"))
        return queryset

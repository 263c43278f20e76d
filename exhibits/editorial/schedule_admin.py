"""Scheduled publishing in the admin: the schedule page of each publishable object (its Actions
menu leads there), the note on its change page, and the list of everything scheduled.

The times are entered in the museum's time zone (settings.TIME_ZONE) and kept in UTC; setting
and clearing go through exhibits.editorial.actions.schedule, which refuses what cannot be done.
"""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import quote
from django.contrib.admin.widgets import AdminSplitDateTime
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models.functions import Coalesce
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from exhibits.editorial import actions
from exhibits.editorial.actions.records import can_publish
from exhibits.editorial.actions.schedule import going_live, schedule_of
from exhibits.models import Schedule


def zone_help():
    return _("In the museum's time (%(zone)s). Leave it empty for none.") % {"zone": settings.TIME_ZONE}


class ScheduleForm(forms.Form):
    publish_at = forms.SplitDateTimeField(required=False, widget=AdminSplitDateTime)
    unpublish_at = forms.SplitDateTimeField(required=False, widget=AdminSplitDateTime)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.label = capfirst(Schedule._meta.get_field(name).verbose_name)
            field.help_text = zone_help()
            field.widget.widgets[1].format = "%H:%M"  # a schedule is to the minute


def schedule_url(obj, user=None):
    """The object's schedule page, or its change page for someone who cannot schedule."""
    opts = obj._meta
    page = "schedule" if user is None or can_publish(user) else "change"
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{page}", args=[quote(obj.pk)])


def schedule_view(model_admin, request, object_id):
    """Show and set the schedule of one object; only publishers may."""
    obj = model_admin.workflow_object(request, object_id)
    if not can_publish(request.user):
        raise PermissionDenied
    schedule = schedule_of(obj)
    opts = model_admin.model._meta
    change_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[quote(obj.pk)])
    if request.method == "POST":
        form = ScheduleForm(request.POST)
        if "_clear" in request.POST:
            actions.clear_schedule(obj=obj, user=request.user)
            model_admin.message_user(
                request, _("The schedule of “%(object)s” is cleared.") % {"object": obj}, messages.SUCCESS
            )
            return HttpResponseRedirect(change_url)
        if form.is_valid():
            try:
                saved = actions.set_schedule(obj=obj, user=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                message = (
                    _("“%(object)s” is scheduled.")
                    if saved
                    else _("The schedule of “%(object)s” is cleared.")
                )
                model_admin.message_user(request, message % {"object": obj}, messages.SUCCESS)
                return HttpResponseRedirect(change_url)
    else:
        initial = (
            {"publish_at": schedule.publish_at, "unpublish_at": schedule.unpublish_at} if schedule else {}
        )
        form = ScheduleForm(initial=initial)
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Schedule: %(object)s") % {"object": obj},
        "opts": opts,
        "object": obj,
        "schedule": schedule,
        "form": form,
        "media": model_admin.media + form.media,
        "going_live": going_live(obj),
    }
    return TemplateResponse(request, "admin/exhibits/schedule.html", context)


@admin.register(Schedule)
class ScheduleAdmin(admin.ModelAdmin):
    """What is scheduled, soonest first; each is set on its object's schedule page."""

    list_display = ["kind", "publish_at", "unpublish_at", "user", "problem_note"]  # after the object
    list_display_links = None
    list_select_related = ["content_type", "user"]
    ordering = ["-problem", Coalesce("publish_at", "unpublish_at")]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("content_object")

    def has_add_permission(self, request):
        return False  # on the object's own schedule page

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_list_display(self, request):
        @admin.display(description=gettext_lazy("object"))
        def scheduled_object(schedule):
            obj = schedule.content_object
            if obj is None:
                return _("(deleted)")
            return format_html('<a href="{}">{}</a>', schedule_url(obj, request.user), obj)

        return [scheduled_object, *self.list_display]

    @admin.display(description=gettext_lazy("kind of content"), ordering="content_type")
    def kind(self, schedule):
        return capfirst(schedule.content_type.model_class()._meta.verbose_name)

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(request, {"title": _("What is scheduled"), **(extra_context or {})})

    @admin.display(description=gettext_lazy("problem"))
    def problem_note(self, schedule):
        if not schedule.problem:
            return ""
        first, *more = schedule.problem.splitlines()
        return format_html(
            '<span class="schedule-problem">{}</span>{}', first, _(" (more on its page)") if more else ""
        )

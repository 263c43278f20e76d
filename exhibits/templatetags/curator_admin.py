"""Template helpers of the curators' admin."""

from django import template
from django.utils.html import format_html_join

from exhibits.admin import options
from exhibits.admin.dashboard import dashboard
from exhibits.translations import admin as translations_admin

register = template.Library()


@register.simple_tag(takes_context=True)
def curator_dashboard(context):
    """What waits for the signed-in person (exhibits.admin.dashboard)."""
    return dashboard(context["request"])


@register.filter
def word_counts(obj):
    """Each language's word count of each of `obj`'s texts that has a label word limit."""
    return format_html_join(
        " ", "{}", [(options.word_counts(obj, name),) for name in options.counted_fields(type(obj))]
    )


@register.filter
def translation_summary(obj):
    """The worst translation state of `obj`'s texts, per target language."""
    return translations_admin.translation_summary(obj)


@register.filter
def status_label(obj):
    """`obj`'s status, and whether it has changes waiting to be published."""
    return options.status_label(obj)


@register.filter
def next_panel_order(formset):
    """The order a new panel takes to come last in the exhibit's list."""
    return max((panel.order for panel in formset.get_queryset()), default=0) + 1


@register.filter
def content_first(app_list):
    """The admin's app list with the exhibits' content before the accounts."""
    return sorted(app_list, key=lambda app: app["app_label"] != "exhibits")

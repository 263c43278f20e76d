"""What every content admin shares, derived from the models' own declarations.

A model says which fields are translated (`translated_fields`), which are markup and what their
word limits are (exhibits.content.fields); the admin reads those facts here rather than repeating
them: search covers each language's column, word counts follow the limits, images are picked
with thumbnails.
"""

from django.conf import settings
from django.contrib import admin
from django.utils.html import format_html, format_html_join
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from exhibits.admin.forms import ContentForm
from exhibits.admin.widgets import ImageAutocompleteSelect
from exhibits.content import markup
from exhibits.content.fields import is_markup, word_limits
from exhibits.editorial import drafts
from exhibits.models import Image


def languages():
    return [code for code, _name in settings.LANGUAGES]


def search_fields(model, *names):
    """`names` as admin search fields, each translated field (also across a relation, e.g.
    "place__name") expanded to its column in every language."""
    expanded = []
    for name in names:
        *path, last = name.split("__")
        target = model
        for step in path:
            target = target._meta.get_field(step).related_model
        if last in getattr(target, "translated_fields", ()):
            expanded += ["__".join([*path, build_localized_fieldname(last, code)]) for code in languages()]
        else:
            expanded.append(name)
    return expanded


def counted_fields(model):
    """The markup texts of `model` that have a label word limit: those whose words are counted."""
    return [
        name
        for name in getattr(model, "translated_fields", ())
        if is_markup(model, name) and word_limits(model, name)
    ]


def word_counts(obj, name):
    """Each language's word count of `obj`'s text `name` against its limit, e.g. “hu 132 / 150”."""
    low, high = word_limits(type(obj), name)
    counts = []
    for code in languages():
        count = markup.word_count(getattr(obj, build_localized_fieldname(name, code)) or "")
        state = "over" if count > high else "under" if count and count < low else "fits"
        counts.append((state, code, count, high))
    return format_html(
        '<span class="word-counts">{}</span>',
        format_html_join(" · ", '<span class="word-count word-count--{}">{} {} / {}</span>', counts),
    )


def word_count_column(model, name):
    """An admin column (and read-only form field) with the word counts of `model`'s text `name`."""

    def column(obj):
        return word_counts(obj, name)

    column.__name__ = f"{name}_words"
    label = model._meta.get_field(name).verbose_name
    return admin.display(description=format_lazy("{}: {}", label, _("words")))(column)


def untranslated_name(column):
    """`body` for `body_hu` or `body_en` (django-modeltranslation's columns), else the name itself."""
    for code in languages():
        if column.endswith(f"_{code}"):
            return column.removesuffix(f"_{code}")
    return column


def with_word_counts(fieldsets, columns):
    """`fieldsets` with each word count column right after the text it counts, in every language."""
    after = {column.__name__.removesuffix("_words"): column for column in columns}
    result = []
    for name, options in fieldsets:
        fields = list(options["fields"])
        placed = []
        for index, item in enumerate(fields):
            placed.append(item)
            if not isinstance(item, str) or untranslated_name(item) not in after:
                continue
            following = fields[index + 1] if index + 1 < len(fields) else None
            if not isinstance(following, str) or untranslated_name(following) != untranslated_name(item):
                placed.append(after[untranslated_name(item)])
        result.append((name, {**options, "fields": placed}))
    return result


class ContentAdminMixin:
    """For every content admin: its form, image pickers with thumbnails, and word counts under
    each text that has a label word limit (`word_count_columns`, for list columns too)."""

    form = ContentForm

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.word_count_columns = [word_count_column(self.model, name) for name in counted_fields(self.model)]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.related_model is Image and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = ImageAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), *self.word_count_columns]

    def get_fieldsets(self, request, obj=None):
        return with_word_counts(super().get_fieldsets(request, obj), self.word_count_columns)


def status_label(obj):
    """`obj`'s status as a label, with a second one when a pending draft waits to be published."""
    draft = drafts.pending_draft(obj)
    labels = [(f"status status--{obj.status}", obj.get_status_display())]
    if draft is not None:
        pending = _("changes in review") if draft.is_submitted else _("pending draft")
        labels.append(("status status--pending", pending))
    return format_html_join(" ", '<span class="{}">{}</span>', labels)

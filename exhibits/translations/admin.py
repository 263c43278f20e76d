"""Translation state in the admin: a column, a filter, the changes since each translation,
an overview per exhibit, and the XLIFF upload that brings translations back."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from exhibits.editorial import drafts
from exhibits.exports.records import exhibit_records, fields_in_order
from exhibits.translations.importing import TranslationImportError, TranslationsRefused, import_translations
from exhibits.translations.state import (
    TranslationState,
    filter_by_state,
    source_changes,
    state,
    target_languages,
)


class TranslationStateFilter(admin.SimpleListFilter):
    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        return [
            (f"{language}:{choice.value}", f"{language}: {choice.label}")
            for language in target_languages()
            for choice in TranslationState
        ]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        language, _sep, value = self.value().partition(":")
        if language not in target_languages() or value not in TranslationState.values:
            return queryset.none()
        return filter_by_state(queryset, TranslationState(value), language)


def state_badge(translation_state):
    """The state as a label; its colours (both admin themes) are in tarlo-admin/admin.css."""
    return format_html(
        '<span class="translation-badge translation-badge--{}">{}</span>',
        translation_state.value.replace("_", "-"),
        translation_state.label,
    )


def translation_summary(obj):
    """For each target language, the worst state among `obj`'s texts: “en hiányzik”."""
    obj = drafts.with_pending_draft(obj)  # what translators work on: the text to be published
    worst = []
    for language in target_languages():
        states = {state(obj, field, language) for field in fields_in_order(type(obj))}
        for candidate in [TranslationState.MISSING, TranslationState.STALE, TranslationState.UP_TO_DATE]:
            if candidate in states:
                worst.append((language, state_badge(candidate)))
                break
    return format_html_join(" · ", '<span class="translation-language">{}</span> {}', worst)


class TranslationStateMixin:
    """For a translated model's admin: a state column and filter, and a read-only panel on the
    change form with each text's state and what changed in the Hungarian since."""

    def get_list_display(self, request):
        return [*super().get_list_display(request), "translation_summary"]

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), TranslationStateFilter]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "translation_details"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is not None:
            fieldsets.append((_("Translation"), {"fields": ["translation_details"]}))
        return fieldsets

    @admin.display(description=_("translation"))
    def translation_summary(self, obj):
        return translation_summary(obj)

    @admin.display(description=_("translation state"))
    def translation_details(self, obj):
        rows = []
        for field in fields_in_order(type(obj)):
            for language in target_languages():
                translation_state = state(obj, field, language)
                changes = (
                    source_changes(obj, field, language)
                    if translation_state == TranslationState.STALE
                    else ""
                )
                rows.append(
                    (
                        obj._meta.get_field(field).verbose_name,
                        language,
                        state_badge(translation_state),
                        changes,
                    )
                )
        return format_html(
            '<table class="translation-state"><tbody>{}</tbody></table>',
            format_html_join(
                "",
                '<tr><th scope="row">{}</th><td>{}</td><td>{}</td><td><pre class="diff">{}</pre></td></tr>',
                rows,
            ),
        )


class TranslationUploadForm(forms.Form):
    file = forms.FileField(
        label=_("XLIFF 1.2 file"), help_text=_("A file exported from Tárló and translated.")
    )


class ExhibitTranslationsMixin:
    """For the exhibit admin: the translation overview and the XLIFF upload."""

    def get_urls(self):
        from django.urls import path

        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/translations/",
                self.admin_site.admin_view(self.translation_overview),
                name="{}_{}_translations".format(*info),
            ),
            path(
                "<path:object_id>/translations/import/",
                self.admin_site.admin_view(self.translation_upload),
                name="{}_{}_import_translations".format(*info),
            ),
            *super().get_urls(),
        ]

    def translation_overview(self, request, object_id):
        exhibit = get_object_or_404(self.model, pk=object_id)
        if not self.has_view_permission(request, exhibit):
            raise PermissionDenied
        languages = target_languages()
        rows = [
            {
                "unit": unit,
                "url": reverse(
                    f"admin:{unit.obj._meta.app_label}_{unit.obj._meta.model_name}_change", args=[unit.obj.pk]
                ),
                "done": all(unit.state(language) == TranslationState.UP_TO_DATE for language in languages),
                "states": [
                    (
                        state_badge(s := unit.state(language)),
                        source_changes(unit.obj, unit.field, language) if s == TranslationState.STALE else "",
                    )
                    for language in languages
                ],
            }
            for unit in exhibit_records(exhibit).text_units()
            if unit.source
        ]
        totals = {
            language: {
                choice.label: sum(1 for row in rows if row["unit"].state(language) == choice)
                for choice in TranslationState
            }
            for language in languages
        }
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": exhibit,
            "title": _("Translations of %(exhibit)s") % {"exhibit": exhibit},
            "languages": languages,
            "rows": rows,
            "to_do": [row for row in rows if not row["done"]],
            "done": [row for row in rows if row["done"]],
            "totals": totals,
        }
        return TemplateResponse(request, "admin/exhibits/exhibit/translations.html", context)

    def translation_upload(self, request, object_id):
        exhibit = get_object_or_404(self.model, pk=object_id)
        if not request.user.has_perm("exhibits.import_translations"):
            raise PermissionDenied
        form = TranslationUploadForm(request.POST or None, request.FILES or None)
        problems = []
        if request.method == "POST" and form.is_valid():
            try:
                result = import_translations(file=form.cleaned_data["file"], user=request.user)
            except TranslationImportError as error:
                form.add_error("file", str(error))
            except TranslationsRefused as refused:
                problems = refused.problems
                messages.error(request, str(refused))
            else:
                messages.success(request, result.summary())
                if result.drafted:
                    messages.info(
                        request,
                        _("Awaiting publication in pending drafts: %(units)s.")
                        % {"units": ", ".join(result.drafted)},
                    )
                return redirect(
                    reverse(
                        f"admin:{self.opts.app_label}_{self.opts.model_name}_translations", args=[exhibit.pk]
                    )
                )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": exhibit,
            "title": _("Import translations"),
            "form": form,
            "problems": problems,
        }
        return TemplateResponse(request, "admin/exhibits/exhibit/import_translations.html", context)

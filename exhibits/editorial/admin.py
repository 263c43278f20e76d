"""The editorial workflow in the admin, as mixins applied to every content admin.

- status moves only through exhibits.services (buttons and actions), never by a form field;
- an edit to published content is kept as a pending draft, shown in the form with its
  difference from what visitors see;
- a form saved over someone else's newer change is refused (optimistic locking);
- people without `edit_source_text` (translators) change English text only;
- every change is kept in the history (django-simple-history), with a readable diff and revert.
"""

import copy

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db import router, transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import localize
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname
from simple_history.admin import SimpleHistoryAdmin

from exhibits.content import checks as content_check
from exhibits.editorial import actions, drafts, locking, preview, schedule_admin
from exhibits.editorial.actions.records import can_edit, can_publish
from exhibits.editorial.actions.save import EditConflict, refuse_conflict
from exhibits.models import Exhibit, Status
from exhibits.translations.state import source_language, target_languages

VERSION_FIELD = "edit_version"


def can_edit_source(user):
    return user.has_perm("exhibits.edit_source_text")


def translated_field_names(model):
    try:
        return list(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return []


def translation_only_fields(model):
    """The fields someone without `edit_source_text` may change: the translations."""
    return {
        build_localized_fieldname(name, language)
        for name in translated_field_names(model)
        for language in target_languages()
    }


def source_fields(model):
    """Every editable field except the translations: read-only for translators."""
    translated = set(translated_field_names(model))
    allowed = translation_only_fields(model)
    names = []
    for field in [*model._meta.concrete_fields, *model._meta.many_to_many]:
        if field.editable and not field.primary_key and field.name not in translated | allowed:
            names.append(field.name)
    return names


class WorkflowForm(forms.ModelForm):
    """Carries the edit version the form was opened at, refuses to save over a newer one, and
    shows a pending draft's links (its fields are on the instance, exhibits.editorial.drafts)."""

    edit_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None and not self.is_bound:
            self.initial[VERSION_FIELD] = locking.current_version(self.instance)
            for name, pks in getattr(self.instance, "draft_links", {}).items():
                if name in self.fields:
                    self.initial[name] = pks

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is not None:
            try:
                refuse_conflict(self.instance, cleaned_data.get(VERSION_FIELD))
            except EditConflict as conflict:
                raise forms.ValidationError(
                    conflict_help(self.instance, conflict), code="edit_conflict"
                ) from None
        return cleaned_data


def conflict_help(obj, conflict):
    opts = obj._meta
    history_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[quote(obj.pk)])
    return format_html(
        '{} {} <a href="{}">{}</a>',
        conflict.message,
        _("Your changes are still in the form below: copy what you need, then open the page again."),
        history_url,
        _("See their change in the history."),
    )


def edited_links(form, obj):
    """The many-to-many links the form edits, as chosen."""
    return {
        field.name: form.cleaned_data[field.name]
        for field in drafts.link_fields(type(obj))
        if field.name in form.cleaned_data
    }


class WorkflowFieldsMixin:
    """What forms and inline forms share: the version field, read-only status and source text."""

    form = WorkflowForm

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if drafts.has_drafts(self.model):
            readonly.append("status")
        if not can_edit_source(request.user):
            readonly.extend(source_fields(self.model))
        return list(dict.fromkeys(readonly))

    def get_prepopulated_fields(self, request, obj=None):
        readonly = set(self.get_readonly_fields(request, obj))
        return {
            name: sources
            for name, sources in super().get_prepopulated_fields(request, obj).items()
            if name not in readonly and not readonly.intersection(sources)
        }


class WorkflowInlineMixin(WorkflowFieldsMixin):
    def get_fields(self, request, obj=None):
        return [*super().get_fields(request, obj), VERSION_FIELD]


class WorkflowAdminMixin(WorkflowFieldsMixin, SimpleHistoryAdmin):
    change_form_template = "admin/exhibits/workflow_change_form.html"
    actions = ["submit_for_review_action", "publish_action", "unpublish_action"]

    # Forms

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        return [*fieldsets, (None, {"fields": [VERSION_FIELD], "classes": ["hidden"]})]

    def get_object(self, request, object_id, from_field=None):
        """The object as its editor left it: with its pending draft applied."""
        obj = super().get_object(request, object_id, from_field)
        return drafts.with_pending_draft(obj) if obj is not None else None

    def has_delete_permission(self, request, obj=None):
        if obj is not None and getattr(obj, "is_published", False):
            return False  # unpublish first: deleting would change what visitors see at once
        return super().has_delete_permission(request, obj)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # The edit version checked by the form is held until the save, so nobody saves in between;
        # a form that is shown again (invalid) releases it.
        try:
            with transaction.atomic(using=router.db_for_write(self.model)):
                response = super().changeform_view(request, object_id, form_url, extra_context)
                if request.method == "POST" and response.status_code != 302:
                    transaction.set_rollback(True)
        except actions.Refused as refusal:
            self.message_user(request, refusal.message, messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())
        return response

    def save_model(self, request, obj, form, change):
        self.save_edit(request, obj, form, change)

    def save_edit(self, request, obj, form, change):
        result = actions.save_edit(
            obj=obj,
            user=request.user,
            links=edited_links(form, obj),
            seen=form.cleaned_data.get(VERSION_FIELD) if change else None,
        )
        if result.is_draft and result.changed:
            messages.info(
                request,
                _(
                    "Changes to “%(object)s” saved as a pending draft. Visitors still see the published "
                    "version until a publisher publishes it."
                )
                % {"object": result.obj},
            )
        return result

    def save_related(self, request, form, formsets, change):
        # The form's own links were saved with it, by save_edit.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def save_formset(self, request, form, formset, change):
        if not drafts.has_drafts(formset.model):
            return super().save_formset(request, form, formset, change)
        formset.save(commit=False)
        for obj in formset.deleted_objects:
            if obj.is_published:
                messages.error(
                    request,
                    _("“%(object)s” is published, so it was not deleted: unpublish it first.")
                    % {"object": obj},
                )
            else:
                obj.delete()
        for inline_form in formset.forms:
            if inline_form not in formset.deleted_forms and inline_form.has_changed():
                self.save_edit(request, inline_form.instance, inline_form, change=inline_form.instance.pk)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context.update(self.workflow_context(request, obj))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def workflow_context(self, request, obj):
        context = {"workflow_note": ""}
        if not can_edit_source(request.user):
            context["workflow_note"] = _(
                "You can change the translations only; the %(language)s source text and the other fields "
                "are shown read-only."
            ) % {"language": source_language()}
        if obj is None or obj.pk is None:
            return context
        opts = self.model._meta
        context["check_url"] = reverse(
            f"admin:{opts.app_label}_{opts.model_name}_check", args=[quote(obj.pk)]
        )
        if drafts.has_drafts(self.model):
            context["pending_draft"] = drafts.pending_draft(obj)
            live = type(obj)._base_manager.get(pk=obj.pk)
            if context["pending_draft"]:
                context["draft_changes"] = drafts.draft_changes(live)
            if context["pending_draft"] or not live.is_published:
                # Staff preview at the live object's address: drafts are shown there, never stored.
                context["preview_links"] = preview.preview_links(live)
            context["workflow_actions"] = self.available_workflow_actions(request, obj)
            context["schedule"] = schedule_admin.schedule_of(obj)
            context["findings"] = content_check.check_object(obj)
        return context

    # State changes: buttons on the change form and actions on the list, both through actions.

    WORKFLOW_ACTIONS = {
        "submit": gettext_lazy("Submit for review"),
        "publish": gettext_lazy("Publish"),
        "unpublish": gettext_lazy("Unpublish"),
    }

    def available_workflow_actions(self, request, obj):
        opts = self.model._meta
        draft = drafts.pending_draft(obj)
        names = []
        if self.has_change_permission(request, obj) and (
            (draft and not draft.is_submitted) or (not draft and obj.status == Status.DRAFT)
        ):
            names.append("submit")
        if can_publish(request.user):
            if draft or not obj.is_published:
                names.append("publish")
            if obj.is_published:
                names.append("unpublish")
            names.append("schedule")
        return [
            {
                "name": name,
                "label": self.WORKFLOW_ACTIONS.get(name) or _("Schedule…"),
                "url": reverse(f"admin:{opts.app_label}_{opts.model_name}_{name}", args=[quote(obj.pk)]),
            }
            for name in names
        ]

    def get_urls(self):
        opts = self.model._meta
        urls = [
            path(
                "<path:object_id>/check/",
                self.admin_site.admin_view(self.content_check_view),
                name=f"{opts.app_label}_{opts.model_name}_check",
            ),
        ]
        if drafts.has_drafts(self.model):
            urls += [
                path(
                    f"<path:object_id>/{name}/",
                    self.admin_site.admin_view(self.workflow_view),
                    {"action": name},
                    name=f"{opts.app_label}_{opts.model_name}_{name}",
                )
                for name in self.WORKFLOW_ACTIONS
            ]
            urls.append(
                path(
                    "<path:object_id>/schedule/",
                    self.admin_site.admin_view(self.schedule_view),
                    name=f"{opts.app_label}_{opts.model_name}_schedule",
                )
            )
        return urls + super().get_urls()

    def workflow_object(self, request, object_id):
        obj = self.get_queryset(request).filter(pk=unquote(object_id)).first()
        if obj is None:
            raise Http404(_("No such object."))
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return obj

    def workflow_view(self, request, object_id, action):
        obj = self.workflow_object(request, object_id)
        if action == "publish" and not can_publish(request.user):
            raise PermissionDenied
        if action == "unpublish" and not can_publish(request.user):
            raise PermissionDenied
        if action == "submit" and not self.has_change_permission(request, obj):
            raise PermissionDenied
        findings = content_check.check_object(drafts.with_pending_draft(obj))
        refusal = None
        if request.method == "POST":
            try:
                self.run_workflow_action(request, obj, action, request.POST.get("override_reason", ""))
            except actions.Refused as error:
                refusal = error.message
            else:
                opts = self.model._meta
                return HttpResponseRedirect(
                    reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[quote(obj.pk)])
                )
        context = {
            **self.admin_site.each_context(request),
            "title": f"{self.WORKFLOW_ACTIONS[action]}: {obj}",
            "opts": self.model._meta,
            "object": obj,
            "action": action,
            "action_label": self.WORKFLOW_ACTIONS[action],
            "findings": findings,
            "errors": content_check.errors(findings),
            "refusal": refusal,
            "draft_changes": drafts.draft_changes(obj),
        }
        return TemplateResponse(request, "admin/exhibits/workflow_confirm.html", context)

    def run_workflow_action(self, request, obj, action, override_reason=""):
        if action == "publish":
            actions.publish(obj=obj, user=request.user, override_reason=override_reason)
            self.message_user(request, _("“%(object)s” is published.") % {"object": obj}, messages.SUCCESS)
        elif action == "unpublish":
            actions.unpublish(obj=obj, user=request.user)
            self.message_user(
                request, _("“%(object)s” is no longer published.") % {"object": obj}, messages.SUCCESS
            )
        elif action == "submit":
            actions.submit_for_review(obj=obj, user=request.user)
            self.message_user(
                request, _("“%(object)s” is submitted for review.") % {"object": obj}, messages.SUCCESS
            )

    def schedule_view(self, request, object_id):
        return schedule_admin.schedule_view(self, request, object_id)

    def content_check_view(self, request, object_id):
        obj = self.workflow_object(request, object_id)
        if isinstance(obj, Exhibit):
            findings = content_check.check_exhibit(obj)
        else:
            findings = content_check.check_object(drafts.with_pending_draft(obj))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Content check: %(object)s") % {"object": obj},
            "opts": self.model._meta,
            "object": obj,
            "findings": findings,
            "errors": content_check.errors(findings),
        }
        return TemplateResponse(request, "admin/exhibits/content_check.html", context)

    def has_publish_permission(self, request):
        return can_publish(request.user)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not drafts.has_drafts(self.model):
            for name in ["submit_for_review_action", "publish_action", "unpublish_action"]:
                actions.pop(name, None)
        return actions

    def run_bulk(self, request, queryset, action):
        for obj in queryset:
            try:
                self.run_workflow_action(request, obj, action)
            except actions.Refused as error:
                self.message_user(request, f"{obj}: {error.message}", messages.ERROR)

    @admin.action(description=gettext_lazy("Submit selected for review"), permissions=["change"])
    def submit_for_review_action(self, request, queryset):
        self.run_bulk(request, queryset, "submit")

    @admin.action(description=gettext_lazy("Publish selected"), permissions=["publish"])
    def publish_action(self, request, queryset):
        self.run_bulk(request, queryset, "publish")

    @admin.action(description=gettext_lazy("Unpublish selected"), permissions=["publish"])
    def unpublish_action(self, request, queryset):
        self.run_bulk(request, queryset, "unpublish")

    # History: simple-history's pages, with revert going through exhibits.actions.revert.

    def revert_disabled(self, request, obj=None):
        return not (can_edit(request.user, self.model) or can_publish(request.user))

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method != "POST":
            # simple-history reads prepopulated_fields directly; a read-only slug must not be in it.
            view = copy.copy(self)
            view.prepopulated_fields = self.get_prepopulated_fields(request)
            return SimpleHistoryAdmin.history_form_view(view, request, object_id, version_id, extra_context)
        if self.revert_disabled(request):
            raise PermissionDenied
        obj = self.workflow_object(request, object_id)
        historical = get_object_or_404(type(obj).history, pk=version_id, id=obj.pk)
        opts = self.model._meta
        try:
            actions.revert(obj=obj, historical=historical, user=request.user)
        except actions.Refused as error:
            self.message_user(request, error.message, messages.ERROR)
            return HttpResponseRedirect(
                reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[quote(obj.pk)])
            )
        values = {"object": obj, "when": localize(localtime(historical.history_date))}
        if drafts.pending_draft(obj) and obj.is_published:
            message = _(
                "The version of %(when)s is now a pending draft of “%(object)s”, for a publisher to publish."
            )
        else:
            message = _("“%(object)s” is back to the version of %(when)s.")
        self.message_user(request, message % values, messages.SUCCESS)
        return HttpResponseRedirect(
            reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[quote(obj.pk)])
        )

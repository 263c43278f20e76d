"""The curators' admin forms: every error a model's `clean()` raises lands on a field the form has."""

from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from exhibits.editorial.admin import WorkflowForm
from exhibits.translations.state import source_language


def error_field(form, name):
    """The field of `form` that shows an error the model raised about its field `name`.

    A translated field's error is about its source text, so it goes to the source-language column
    (the model names `time_label`, the form has `time_label_hu`); an error about a field the form
    does not have (read-only for this person) goes above the form, naming the field.
    """
    if name in getattr(form._meta.model, "translated_fields", ()):
        name = build_localized_fieldname(name, source_language())
    return name if name in form.fields else NON_FIELD_ERRORS


def field_label(model, name):
    try:
        return model._meta.get_field(name).verbose_name
    except FieldDoesNotExist:
        return name


class ContentForm(WorkflowForm):
    """The change form of every content model."""

    def add_error(self, field, error):
        if field is None and hasattr(error, "error_dict"):  # what the model's full_clean() raised
            placed = {}
            for name, errors in error.error_dict.items():
                target = error_field(self, name)
                if target != name and target == NON_FIELD_ERRORS:
                    label = field_label(self._meta.model, name)
                    errors = [
                        ValidationError(
                            _("%(field)s: %(message)s"),
                            code=item.code,
                            params={"field": label, "message": " ".join(item.messages)},
                        )
                        for item in errors
                    ]
                placed.setdefault(target, []).extend(errors)
            error = ValidationError(placed)
        super().add_error(field, error)

"""Whether each translation is missing, up to date, or stale.

Every translated model keeps, in `translated_from`, the source-language text that each
translation was written from (keyed by the translation's column, e.g. "body_en"). A
translation is stale when the source text has changed since. The record is kept by
`note_translations()`, which runs before every save.
"""

import difflib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname


class TranslationState(models.TextChoices):
    MISSING = "missing", _("missing")
    UP_TO_DATE = "up_to_date", _("up to date")
    STALE = "stale", _("stale")


def source_language():
    return settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def target_languages():
    return [code for code, _name in settings.LANGUAGES if code != source_language()]


def translated_fields(model):
    """The names of `model`'s fields that exist once per language."""
    return list(translator.get_options_for_model(model).fields)


def source_text(obj, field):
    return getattr(obj, build_localized_fieldname(field, source_language())) or ""


def target_text(obj, field, language):
    return getattr(obj, build_localized_fieldname(field, language)) or ""


def state(obj, field, language):
    """The state of `obj`'s `field` in `language`; an empty source needs no translation."""
    source = source_text(obj, field)
    if not source:
        return TranslationState.UP_TO_DATE
    if not target_text(obj, field, language):
        return TranslationState.MISSING
    translated_from = obj.translated_from.get(build_localized_fieldname(field, language))
    if translated_from is not None and translated_from != source:
        return TranslationState.STALE
    return TranslationState.UP_TO_DATE


def source_changes(obj, field, language):
    """The lines of the source text changed since the translation was written, as a unified diff."""
    before = obj.translated_from.get(build_localized_fieldname(field, language), "")
    return "\n".join(
        difflib.unified_diff(
            before.splitlines(), source_text(obj, field).splitlines(), "translated", "now", lineterm=""
        )
    )


def note_translations(obj, previous):
    """Record, before `obj` is saved over `previous` (None if new), what each translation is from.

    A translation written or changed now is from the current source text. One that stays as it
    was, with no record yet (e.g. loaded from a fixture), is from the source as it was before.
    """
    for field in translated_fields(type(obj)):
        for language in target_languages():
            key = build_localized_fieldname(field, language)
            target = target_text(obj, field, language)
            if not target:
                obj.translated_from.pop(key, None)
            elif previous is None or target != target_text(previous, field, language):
                obj.translated_from[key] = source_text(obj, field)
            elif key not in obj.translated_from:
                obj.translated_from[key] = source_text(previous, field)

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

from exhibits.content.fields import normalize_text


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
    return normalize_text(getattr(obj, build_localized_fieldname(field, source_language())) or "")


def target_text(obj, field, language):
    return normalize_text(getattr(obj, build_localized_fieldname(field, language)) or "")


def state(obj, field, language):
    """The state of `obj`'s `field` in `language`; an empty source needs no translation."""
    source = source_text(obj, field)
    if not source:
        return TranslationState.UP_TO_DATE
    if not target_text(obj, field, language):
        return TranslationState.MISSING
    translated_from = obj.translated_from.get(build_localized_fieldname(field, language))
    if translated_from is not None and normalize_text(translated_from) != source:
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
    was, with no record yet (e.g. loaded from a fixture), is from the source as it was before. A
    new object keeps the records it was given (an imported exhibit brings its own). Texts are
    compared as stored (exhibits.content.fields.normalize_text): a browser's line ends are no edit.
    """
    for field in translated_fields(type(obj)):
        for language in target_languages():
            key = build_localized_fieldname(field, language)
            target = target_text(obj, field, language)
            if not target:
                obj.translated_from.pop(key, None)
            elif previous is None:
                obj.translated_from.setdefault(key, source_text(obj, field))
            elif target != target_text(previous, field, language):
                obj.translated_from[key] = source_text(obj, field)
            elif key not in obj.translated_from:
                obj.translated_from[key] = source_text(previous, field)


def filter_by_state(queryset, translation_state, language):
    """Objects of `queryset` with at least one text in `translation_state` in `language`;
    for UP_TO_DATE, objects with every text up to date."""
    from django.db.models import F, Q
    from django.db.models.fields.json import KT

    missing, stale = Q(), Q()
    for field in translated_fields(queryset.model):
        source = build_localized_fieldname(field, source_language())
        target = build_localized_fieldname(field, language)
        has_source = ~Q(**{source: ""}) & Q(**{f"{source}__isnull": False})
        has_target = ~Q(**{target: ""}) & Q(**{f"{target}__isnull": False})
        record = f"_from_{target}"
        queryset = queryset.alias(**{record: KT(f"translated_from__{target}")})
        missing |= has_source & ~has_target
        stale |= has_source & has_target & Q(**{f"{record}__isnull": False}) & ~Q(**{record: F(source)})
    if translation_state == TranslationState.MISSING:
        return queryset.filter(missing)
    if translation_state == TranslationState.STALE:
        return queryset.filter(stale)
    return queryset.exclude(missing).exclude(stale)

"""What an export of an exhibit holds, apart from how each format writes it.

What belongs to the exhibit is exhibits.content.reading's one definition. Two readings of it:

- `working`: what translators and proofreaders work on, which is what will be published: every
  object, with pending drafts applied (exhibits.editorial.drafts). The text units (CSV, XLIFF)
  come from it, and an import of translations checks against and writes into that same text
  (exhibits.translations.importing).
- `saved`: every object as it is saved, for moving an exhibit to another site (JSON) and for
  the documents printed from it (DOCX, labels).
"""

import hashlib
from dataclasses import dataclass
from functools import cached_property

from exhibits.content import fields, markup
from exhibits.content.reading import read_exhibit
from exhibits.translations.state import source_text, state, target_languages, target_text, translated_fields


def text_hash(text):
    """A short fingerprint of `text`, to tell later whether it has changed."""
    return hashlib.sha256((text or "").encode()).hexdigest()[:20]


def unit_id(obj, field):
    """The stable id of `obj`'s `field`, e.g. "panel/12/body"."""
    return f"{obj._meta.model_name}/{obj.pk}/{field}"


@dataclass(frozen=True)
class TextUnit:
    """One translatable text: a field of an object, in every language."""

    obj: object
    field: str

    @property
    def id(self):
        return unit_id(self.obj, self.field)

    @property
    def kind(self):
        return str(self.obj._meta.verbose_name)

    @property
    def label(self):
        return str(self.obj)

    @property
    def field_label(self):
        return str(self.obj._meta.get_field(self.field).verbose_name)

    @property
    def is_markup(self):
        return fields.is_markup(type(self.obj), self.field)

    @property
    def source(self):
        return source_text(self.obj, self.field)

    def target(self, language):
        return target_text(self.obj, self.field, language)

    def state(self, language):
        return state(self.obj, self.field, language)

    def word_count(self, language=None):
        return markup.word_count(self.source if language is None else self.target(language))


class ExhibitRecords:
    """An exhibit and everything an export of it needs, read when first asked for."""

    def __init__(self, exhibit):
        self.exhibit = exhibit
        self.languages = target_languages()

    @cached_property
    def working(self):
        return read_exhibit(self.exhibit, drafts=True, internal=True)

    @cached_property
    def saved(self):
        return read_exhibit(self.exhibit, unpublished=True, internal=True)

    def text_units(self):
        """Every translatable text of the exhibit, pending drafts applied: its own, its panels',
        then its events', people's, places', glossary terms' and images'."""
        for obj in self.working.objects():
            for field in fields_in_order(type(obj)):
                yield TextUnit(obj, field)


def fields_in_order(model):
    """The translated fields of `model` in the order the model declares them ([] if none)."""
    names = getattr(model, "translated_fields", ())
    order = [field.name for field in model._meta.get_fields()]
    return sorted(translated_fields(model), key=order.index) if names else []


def translated_models():
    """The models whose texts are translated, by the name used in text unit ids."""
    from exhibits.content.models import CONTENT_MODELS

    return {
        model._meta.model_name: model for model in CONTENT_MODELS if getattr(model, "translated_fields", ())
    }


def exhibit_records(exhibit):
    """Return the format-neutral records of `exhibit` that every export format writes."""
    return ExhibitRecords(exhibit)

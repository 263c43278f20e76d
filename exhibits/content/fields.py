"""The text fields of content: what browsers send is normalised before anything compares,
hashes or stores it, and each field declares its label word limit.

Browsers send textarea text with CRLF line ends; editors leave spaces at line ends; a Hungarian
"ő" may come composed or decomposed. `normalize_text()` makes all of these one text, so an
untouched field never counts as changed.
"""

import unicodedata

from django import forms
from django.db import models


def normalize_text(value):
    """Return `value` in Unicode NFC with LF line ends, no spaces at line ends and no blank
    lines at either end; None stays None."""
    if value is None:
        return None
    text = unicodedata.normalize("NFC", str(value)).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


class NormalizedFormField(forms.CharField):
    def to_python(self, value):
        return normalize_text(super().to_python(value))


class NormalizedText:
    """Normalises on the way in, from forms, from Python and from the database alike.

    `words` is the label word limit (minimum, maximum) that the content check and the admin
    show; None where none applies.
    """

    is_markup = False

    def __init__(self, *args, words=None, **kwargs):
        self.words = words
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        return normalize_text(super().to_python(value))

    def get_prep_value(self, value):
        return normalize_text(super().get_prep_value(value))

    def pre_save(self, model_instance, add):
        value = normalize_text(super().pre_save(model_instance, add))
        # The saved object holds what is stored. (Only a plain attribute: django-modeltranslation
        # serves the untranslated name through a descriptor that writes the active language.)
        if self.attname in model_instance.__dict__:
            model_instance.__dict__[self.attname] = value
        return value

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": NormalizedFormField, **kwargs})


class LineField(NormalizedText, models.CharField):
    """One line of plain text: a title, a name, a label."""


class PlainTextField(NormalizedText, models.TextField):
    """Plain text of several lines, without markup."""


class MarkupField(NormalizedText, models.TextField):
    """Text in the exhibit markup (paragraphs, *emphasis*, lists; see content.markup)."""

    is_markup = True


def word_limits(model, name):
    """(minimum, maximum) words of `model`'s text field `name`, or None if it has no limit."""
    return getattr(model._meta.get_field(name), "words", None)


def is_markup(model, name):
    """Whether `model`'s text field `name` is written in the exhibit markup."""
    return getattr(model._meta.get_field(name), "is_markup", False)

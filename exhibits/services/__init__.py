"""Workflows that admin and commands call alike: keyword-only, atomic functions."""

from .exhibits import ExhibitImportError, import_exhibit
from .translations import TranslationImport, TranslationImportError, TranslationsRefused, import_translations

__all__ = [
    "ExhibitImportError",
    "TranslationImport",
    "TranslationImportError",
    "TranslationsRefused",
    "import_exhibit",
    "import_translations",
]

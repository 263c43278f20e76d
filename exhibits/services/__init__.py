"""Workflows that admin, actions and commands call alike: keyword-only, atomic functions.

State changes of content (publish, unpublish, submit for review, revert) run in one
transaction, check the user's right to make the change, and raise `Refused` with a message
saying why when it cannot be made.
"""

from .errors import PublishRefused, Refused
from .exhibits import ExhibitImportError, import_exhibit
from .publish import publish
from .revert import revert
from .submit_for_review import submit_for_review
from .translations import TranslationImport, TranslationImportError, TranslationsRefused, import_translations
from .unpublish import unpublish

__all__ = [
    "ExhibitImportError",
    "PublishRefused",
    "Refused",
    "TranslationImport",
    "TranslationImportError",
    "TranslationsRefused",
    "import_exhibit",
    "import_translations",
    "publish",
    "revert",
    "submit_for_review",
    "unpublish",
]

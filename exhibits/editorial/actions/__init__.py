"""Workflows that admin, actions and commands call alike: keyword-only, atomic functions.

State changes of content (publish, unpublish, submit for review, revert) run in one
transaction, check the user's right to make the change, and raise `Refused` with a message
saying why when it cannot be made.
"""

from exhibits.editorial.actions.errors import PublishRefused, Refused
from exhibits.editorial.actions.publish import publish
from exhibits.editorial.actions.revert import revert
from exhibits.editorial.actions.submit import submit_for_review
from exhibits.editorial.actions.unpublish import unpublish
from exhibits.exports.json_import import ExhibitImportError, import_exhibit
from exhibits.translations.importing import (
    TranslationImport,
    TranslationImportError,
    TranslationsRefused,
    import_translations,
)

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

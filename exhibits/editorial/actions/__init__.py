"""The editorial actions that the admin, imports and commands call alike: keyword-only, atomic.

Saving an edit (save), submitting it for review, publishing, unpublishing and reverting run
in one transaction, check the user's right to make the change, and raise `Refused` with a
message saying why when it cannot be made.
"""

from exhibits.editorial.actions.errors import PublishRefused, Refused
from exhibits.editorial.actions.publish import publish
from exhibits.editorial.actions.revert import revert
from exhibits.editorial.actions.save import EditConflict, Saved, refuse_conflict, save_edit
from exhibits.editorial.actions.submit import submit_for_review
from exhibits.editorial.actions.unpublish import unpublish

__all__ = [
    "EditConflict",
    "PublishRefused",
    "Refused",
    "Saved",
    "publish",
    "refuse_conflict",
    "revert",
    "save_edit",
    "submit_for_review",
    "unpublish",
]

"""The editorial actions that the admin, imports and commands call alike: keyword-only, atomic.

Saving an edit (save), submitting it for review, publishing, unpublishing, reverting and
scheduling run in one transaction, check the user's right to make the change, and raise `Refused` with a
message saying why when it cannot be made.
"""

from exhibits.editorial.actions.errors import PublishRefused, Refused
from exhibits.editorial.actions.publish import publish
from exhibits.editorial.actions.revert import revert
from exhibits.editorial.actions.save import EditConflict, Saved, refuse_conflict, save_edit
from exhibits.editorial.actions.schedule import clear_schedule, run_due, set_schedule
from exhibits.editorial.actions.submit import submit_for_review
from exhibits.editorial.actions.unpublish import unpublish

__all__ = [
    "EditConflict",
    "PublishRefused",
    "Refused",
    "Saved",
    "clear_schedule",
    "publish",
    "refuse_conflict",
    "revert",
    "run_due",
    "save_edit",
    "set_schedule",
    "submit_for_review",
    "unpublish",
]

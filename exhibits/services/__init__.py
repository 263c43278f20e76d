"""State changes of content, one module each, called alike by the admin, actions and commands.

Each is a keyword-only function that runs in one transaction, checks the user's right to make
the change, and raises `Refused` with a message saying why when it cannot be made.
"""

from .errors import PublishRefused, Refused
from .publish import publish
from .revert import revert
from .submit_for_review import submit_for_review
from .unpublish import unpublish

__all__ = ["PublishRefused", "Refused", "publish", "revert", "submit_for_review", "unpublish"]

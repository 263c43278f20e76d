"""A guard for the whole test suite: a request that saves content outside an editorial action fails.

Every change of content goes through exhibits.editorial.actions (save_edit, publish …). The
middleware marks the requests the test client makes; a content model saved during one, outside an
action, raises. A new admin view or form that saves content its own way is caught by whichever
test first uses it.
"""

import contextvars

from django.db.models.signals import pre_save

from exhibits.content.models import CONTENT_MODELS
from exhibits.editorial.actions.save import in_action

_in_request = contextvars.ContextVar("tarlo_test_request", default=False)


class MarkRequests:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _in_request.set(True)
        try:
            return self.get_response(request)
        finally:
            _in_request.reset(token)


class SavedOutsideAnAction(AssertionError):
    pass


def refuse_saves_outside_actions(sender, instance, raw, **kwargs):
    if raw or not _in_request.get() or sender not in CONTENT_MODELS or in_action():
        return
    raise SavedOutsideAnAction(f"{sender.__name__} “{instance}” was saved outside an editorial action.")


def connect():
    pre_save.connect(refuse_saves_outside_actions, dispatch_uid="tarlo-test-save-guard")

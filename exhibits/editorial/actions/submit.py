from django.db import transaction
from django.utils.translation import gettext as _

from exhibits.editorial import drafts
from exhibits.editorial.actions.errors import Refused
from exhibits.editorial.actions.records import record
from exhibits.editorial.actions.save import acting
from exhibits.models import PublicationRecord, Status


def submit_for_review(*, obj, user):
    """Ask a publisher to publish `obj`, or its pending draft if it is already published."""
    opts = type(obj)._meta
    if not user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
        raise Refused(_("You cannot change “%(object)s”, so you cannot submit it.") % {"object": obj})
    with transaction.atomic(), acting():
        live = type(obj)._base_manager.select_for_update().get(pk=obj.pk)
        draft = drafts.pending_draft(live)
        if draft is not None:
            if draft.is_submitted:
                raise Refused(_("The changes to “%(object)s” are already in review.") % {"object": live})
            draft.is_submitted = True
            draft.save(update_fields=["is_submitted", "updated_at"])
        elif live.status == Status.DRAFT:
            live.status = Status.REVIEW
            live._history_user = user
            live._change_reason = _("submitted for review")
            live.save()
        elif live.status == Status.REVIEW:
            raise Refused(_("“%(object)s” is already in review.") % {"object": live})
        else:
            raise Refused(_("“%(object)s” is published and has no pending changes.") % {"object": live})
        return record(obj=live, action=PublicationRecord.Action.SUBMIT, user=user)

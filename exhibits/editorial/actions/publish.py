from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from exhibits.content import checks as content_check
from exhibits.editorial import drafts
from exhibits.editorial.actions.errors import PublishRefused, Refused
from exhibits.editorial.actions.records import can_publish, record
from exhibits.editorial.actions.save import acting
from exhibits.models import PublicationRecord, Status


def publish(*, obj, user, override_reason=""):
    """Make `obj`, with its pending draft applied, what visitors see.

    Refused while the content check finds errors, unless `override_reason` says why it should
    go out anyway; the reason and the overridden errors are kept in a PublicationRecord.
    """
    if not can_publish(user):
        raise Refused(_("Only a publisher can publish."))
    override_reason = override_reason.strip()
    with transaction.atomic(), acting():
        live = type(obj)._base_manager.select_for_update().get(pk=obj.pk)
        draft = drafts.pending_draft(live)
        if live.is_published and draft is None:
            raise Refused(
                _("“%(object)s” is already published and has no pending changes.") % {"object": live}
            )
        errors = content_check.errors(content_check.check_object(drafts.with_pending_draft(live)))
        if errors and not override_reason:
            raise PublishRefused(errors)
        live.status = Status.PUBLISHED
        live._history_user = user
        live._change_reason = _("published")
        try:
            if draft is not None:
                live._change_reason = _("published the draft by %(author)s") % {"author": draft.author}
                drafts.apply_draft(live, draft)
            else:
                live.save()
        except ValidationError as error:
            raise Refused(_("Not published: %(errors)s") % {"errors": "; ".join(error.messages)}) from error
        return record(
            obj=live,
            action=PublicationRecord.Action.PUBLISH,
            user=user,
            override_reason=override_reason if errors else "",
            findings=errors,
        )

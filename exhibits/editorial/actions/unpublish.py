from django.db import transaction
from django.utils.translation import gettext as _

from exhibits.editorial.actions.errors import Refused
from exhibits.editorial.actions.records import can_publish, record
from exhibits.editorial.actions.save import acting
from exhibits.models import PublicationRecord, Status


def unpublish(*, obj, user):
    """Take `obj` off the public site and the kiosks; it becomes a draft again."""
    if not can_publish(user):
        raise Refused(_("Only a publisher can unpublish."))
    with transaction.atomic(), acting():
        live = type(obj)._base_manager.select_for_update().get(pk=obj.pk)
        if not live.is_published:
            raise Refused(_("“%(object)s” is not published.") % {"object": live})
        live.status = Status.DRAFT
        live._history_user = user
        live._change_reason = _("unpublished")
        live.save()
        return record(obj=live, action=PublicationRecord.Action.UNPUBLISH, user=user)

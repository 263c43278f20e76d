from django.db import transaction
from django.utils.translation import gettext as _

from exhibits.editorial import drafts
from exhibits.editorial.actions.errors import Refused
from exhibits.editorial.actions.publish import publish
from exhibits.editorial.actions.records import can_edit, can_publish, record
from exhibits.editorial.actions.save import acting, save_edit
from exhibits.editorial.models import Draft, PublicationRecord


def historical_values(historical):
    """The draft-shaped values of one history row, many-to-many links included."""
    links = {}
    for field in historical._history_m2m_fields:
        through_name = field.m2m_reverse_field_name()
        links[field.name] = [
            getattr(row, f"{through_name}_id") for row in getattr(historical, field.name).all()
        ]
    return drafts.snapshot(historical.instance, links)


def revert(*, obj, historical, user):
    """Bring back the values `obj` had in the history row `historical`, as an edit.

    Like any edit, a revert of published content becomes a pending draft; a publisher's goes
    live at once (it undoes a bad publish). A revert is refused while `obj` has a pending
    draft: drafts are not in the history, so it would be lost.
    """
    if not (can_edit(user, type(obj)) or can_publish(user)):
        raise Refused(_("Only curators and publishers can revert changes."))
    reason = _("reverted to the version of %(when)s") % {"when": historical.history_date}
    with transaction.atomic(), acting():
        live = type(obj)._base_manager.select_for_update().get(pk=obj.pk)
        pending = drafts.pending_draft(live)
        if pending is not None:
            raise Refused(
                _(
                    "“%(object)s” has unpublished changes by %(author)s (%(when)s). Publish them first, "
                    "or edit the draft: a revert now would lose them."
                )
                % {"object": live, "author": pending.author or _("someone"), "when": pending.updated_at}
            )
        edited = drafts.with_draft(live, Draft(data=historical_values(historical)))
        result = save_edit(obj=edited, user=user, reason=reason)
        if result.is_draft and can_publish(user):
            publish(obj=live, user=user, override_reason=reason)
        return record(obj=live, action=PublicationRecord.Action.REVERT, user=user)

from django.db import transaction
from django.utils.translation import gettext as _

from exhibits.editorial import drafts
from exhibits.editorial.actions.errors import Refused
from exhibits.editorial.actions.records import can_edit, can_publish, record
from exhibits.models import PublicationRecord


def historical_values(historical):
    """The draft-shaped values of one history row, many-to-many links included."""
    obj = historical.instance
    m2m = {}
    for field in historical._history_m2m_fields:
        through_name = field.m2m_reverse_field_name()
        m2m[field.name] = [
            getattr(row, f"{through_name}_id") for row in getattr(historical, field.name).all()
        ]
    return drafts.snapshot(obj, m2m=m2m)


def revert(*, obj, historical, user):
    """Bring back the values `obj` had in the history row `historical`.

    A publisher's revert of published content goes live at once (it undoes a bad publish);
    anyone else's becomes a pending draft that a publisher publishes. A revert is refused while
    `obj` has a pending draft: drafts are not in the history, so it would be lost.
    """
    if not (can_edit(user, type(obj)) or can_publish(user)):
        raise Refused(_("Only curators and publishers can revert changes."))
    values = historical_values(historical)
    with transaction.atomic():
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
        when = historical.history_date
        if drafts.has_drafts(type(live)) and live.is_published and not can_publish(user):
            drafts.store_draft(obj=live, data=values, user=user)
        else:
            draft = drafts.Draft(data=values, author=user)
            live._history_user = user
            live._change_reason = _("reverted to the version of %(when)s") % {"when": when}
            drafts.apply_draft_values(live, draft.data)
            drafts.discard_draft(live)
        return record(obj=live, action=PublicationRecord.Action.REVERT, user=user)

"""Saving an edit: the one path every change to content's values takes.

The admin's change form, the translation import (file or upload), the exhibit import and
revert all call `save_edit()`; none repeats its rules:

- an edit is refused (`EditConflict`) when someone saved the object after the editor opened
  it, with a message naming who changed what and when;
- an edit to published content becomes its pending draft, and visitors keep seeing the
  published version until a publisher publishes it (exhibits.editorial.actions.publish);
- any other edit is saved at once, validated, and kept in the history with who made it;
- an edit that changes nothing writes nothing.
"""

import contextvars
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import transaction
from django.utils.formats import localize
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from exhibits.editorial import drafts, locking
from exhibits.editorial.actions.errors import Refused
from exhibits.editorial.models import Draft

_acting = contextvars.ContextVar("tarlo_editorial_action", default=False)


@contextmanager
def acting():
    """Mark the work inside as done by an editorial action (see `in_action`)."""
    token = _acting.set(True)
    try:
        yield
    finally:
        _acting.reset(token)


def in_action():
    """Whether the current code runs inside an editorial action: every save of content should."""
    return _acting.get()


class EditConflict(Refused):
    """Someone else saved the object after the editor opened it; nothing was written."""


@dataclass(frozen=True)
class Saved:
    """What `save_edit()` did: `draft` is the pending draft the edit went into, or None if it
    was saved live (or changed nothing: `changed` is False)."""

    obj: object
    draft: Draft | None
    changed: bool

    @property
    def is_draft(self):
        return self.draft is not None


def save_edit(*, obj, user, links=None, seen=None, reason=""):
    """Save `obj` as edited by `user`, as the rules above say.

    `obj` holds the edited field values (a form's instance, or a copy from
    drafts.with_pending_draft with values set); `links` maps many-to-many field names to the
    objects or primary keys chosen, for the links that were edited (the others stay as they
    are, in the draft if there is one). `seen` is the edit version the editor opened the object
    at (exhibits.editorial.locking): the save is refused if it has changed since. Callers that
    check what they overwrite themselves (the translation import compares fingerprints of each
    text) pass None. `reason` goes into the history.
    """
    with transaction.atomic(), acting():
        if obj.pk is None:
            return _create(obj, user=user, links=links or {}, reason=reason)
        locking.hold(obj)
        if seen is not None:
            refuse_conflict(obj, seen)
        live = type(obj)._base_manager.get(pk=obj.pk)
        data = drafts.snapshot(obj, links)
        if drafts.has_drafts(type(obj)) and live.is_published:
            return _keep_as_draft(live, data, user=user)
        return _save_live(obj, live, data, user=user, reason=reason)


def _create(obj, *, user, links, reason):
    obj.full_clean(exclude=[field.name for field in drafts.link_fields(type(obj))])
    obj._history_user = user
    obj._change_reason = reason
    obj.save()
    for name, items in links.items():
        getattr(obj, name).set(items)
    return Saved(obj=obj, draft=None, changed=True)


def _keep_as_draft(live, data, *, user):
    existing = drafts.pending_draft(live)
    if data == drafts.snapshot(live):
        if existing is not None:
            existing.delete()  # the edit brings it back to what visitors see
        return Saved(obj=live, draft=None, changed=existing is not None)
    if existing is not None and existing.data == data:
        return Saved(obj=live, draft=existing, changed=False)
    _validate(drafts.with_draft(live, Draft(data=data)))
    return Saved(obj=live, draft=drafts.store_draft(obj=live, data=data, user=user), changed=True)


def _save_live(obj, live, data, *, user, reason):
    existing = drafts.pending_draft(live)
    if data == drafts.snapshot(live):
        if existing is not None:
            existing.delete()
        return Saved(obj=live, draft=None, changed=existing is not None)
    # `obj` itself is saved: an uploaded file it holds is stored on the way.
    _validate(obj)
    obj._history_user = user
    obj._change_reason = reason
    obj.save()
    for field in drafts.link_fields(type(obj)):
        getattr(obj, field.name).set(data[field.name])
    if existing is not None:
        existing.delete()  # now part of the unpublished row itself
    return Saved(obj=obj, draft=None, changed=True)


def _validate(obj):
    obj.full_clean(exclude=[field.name for field in drafts.link_fields(type(obj))])


def refuse_conflict(obj, seen):
    """Raise EditConflict unless `obj`'s edit version is still `seen` (call inside a transaction:
    it holds the version until the transaction ends, so nobody saves in between)."""
    locking.hold(obj)
    if seen is None or seen != locking.current_version(obj):
        raise EditConflict(conflict_message(obj))


def last_change(obj):
    """Who changed `obj` (or its draft) last, when, and which fields: (user, when, labels)."""
    candidates = []
    history = getattr(type(obj), "history", None)
    if history is not None:
        record = (
            history.filter(**{obj._meta.pk.attname: obj.pk})
            .select_related("history_user")
            .order_by("-history_date", "-history_id")
            .first()
        )
        if record:
            candidates.append((record.history_date, record.history_user, _changed_in(record)))
    draft = drafts.pending_draft(type(obj)._base_manager.get(pk=obj.pk))
    if draft:
        labels = [str(change["label"]) for change in drafts.draft_changes(draft.content_object)]
        candidates.append((draft.updated_at, draft.author, labels))
    if not candidates:
        return None, None, []
    when, user, labels = max(candidates, key=lambda item: item[0])
    return user, when, labels


def _changed_in(record):
    previous = record.prev_record
    if previous is None:
        return []
    model = record.instance_type
    untranslated = set(getattr(model, "translated_fields", ()))
    return [
        str(model._meta.get_field(change.field).verbose_name)
        for change in record.diff_against(previous).changes
        if change.field not in untranslated and (change.old or change.new)
    ]


def conflict_message(obj):
    user, when, labels = last_change(obj)
    values = {
        "user": user or _("someone"),
        "object": type(obj)._base_manager.get(pk=obj.pk),
        "when": localize(localtime(when)) if when else _("a moment ago"),
        "fields": ", ".join(dict.fromkeys(labels)),
    }
    if labels:
        message = _(
            "Not saved: %(user)s changed %(fields)s of “%(object)s” at %(when)s, after you opened it. "
            "Their change is kept."
        )
    else:
        message = _(
            "Not saved: %(user)s changed “%(object)s” at %(when)s, after you opened it. Their change is kept."
        )
    return message % values

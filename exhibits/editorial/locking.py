"""Optimistic locking: two people editing the same object never overwrite each other.

Each object has an edit version, raised whenever it or its draft is saved, by anyone (the
admin, an import, a command). A form carries the version it was opened at; saving claims it
with one conditional UPDATE, which fails if anybody saved in between.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import F

from exhibits.models import EditVersion


def _lookup(obj):
    return {"content_type": ContentType.objects.get_for_model(type(obj)), "object_id": str(obj.pk)}


def current_version(obj):
    """Return `obj`'s edit version, starting its count if nobody has edited it yet."""
    version, _created = EditVersion.objects.get_or_create(**_lookup(obj))
    return version.number


def claim(obj, seen):
    """Raise `obj`'s version if it is still `seen`; return whether it was."""
    if seen is None:
        return False
    return EditVersion.objects.filter(**_lookup(obj), number=seen).update(number=F("number") + 1) == 1


def hold(obj):
    """Lock `obj`'s edit version until the transaction ends.

    Taken before reading `obj` (as a form's claim is), a form saving meanwhile waits, and is
    then refused if `obj` changed; and whoever holds it reads `obj` as last saved.
    """
    current_version(obj)
    list(EditVersion.objects.select_for_update().filter(**_lookup(obj)))


def bump(obj):
    """Note that `obj` changed, so forms opened before now can no longer save over it."""
    EditVersion.objects.filter(**_lookup(obj)).update(number=F("number") + 1)

"""The content version: one number raised by every change visitors could see.

Published pages are cached and revalidated under it (exhibits.site.caching). It is raised in
the transaction that makes the change, by every save, deletion and link change of content
(signals, so the admin, imports, commands and fixtures alike), so a page read once the change
is committed has the new version, on every app server at once.
"""

import datetime

from django.db import connection
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from exhibits.content.models import CONTENT_MODELS, ContentVersion

ROW = 1


def content_version():
    """Return (version, last_modified) of everything visitors can see: one query.

    Plain SQL: every page served from the cache asks, and building the query with the ORM
    cost more than the rest of serving it.
    """
    table = connection.ops.quote_name(ContentVersion._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT number, changed_at FROM {table} WHERE id = %s", [ROW])
        row = cursor.fetchone()
    if row is None:
        return "0", None
    number, changed_at = row
    if changed_at is not None and timezone.is_naive(changed_at):  # SQLite's, in UTC
        changed_at = changed_at.replace(tzinfo=datetime.UTC)
    # The time as well as the number: a database set up again counts from 0 once more.
    stamp = int(changed_at.timestamp() * 1000) if changed_at else 0
    return f"{number}-{stamp}", changed_at


def note_change(**kwargs):
    """Raise the content version (a signal receiver; also called after changes made with update())."""
    now = timezone.now()
    if not ContentVersion.objects.filter(pk=ROW).update(number=F("number") + 1, changed_at=now):
        ContentVersion.objects.get_or_create(pk=ROW, defaults={"number": 1, "changed_at": now})


def _note_link_change(action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"}:
        note_change()


def connect(models):
    """Raise the version on every change of `models`, their many-to-many links included."""
    for model in models:
        post_save.connect(note_change, sender=model, dispatch_uid=f"tarlo-version-save-{model._meta.label}")
        post_delete.connect(
            note_change, sender=model, dispatch_uid=f"tarlo-version-delete-{model._meta.label}"
        )
        for field in model._meta.many_to_many:
            m2m_changed.connect(
                _note_link_change,
                sender=field.remote_field.through,
                dispatch_uid=f"tarlo-version-links-{model._meta.label}-{field.name}",
            )


def connect_content():
    from exhibits.kiosks.models import Kiosk  # a kiosk's settings are part of its page

    connect([*CONTENT_MODELS, Kiosk])

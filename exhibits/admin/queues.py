"""What waits for someone in the admin: one definition each, for the dashboard's counts and the
list filters its links open.

- my drafts: new content in draft that I changed last, and my pending drafts of published content;
- awaiting review: content in review, and pending drafts submitted for review;
- stale or missing translations (exhibits.translations.state);
- kiosks that have not called in for a day.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone

from exhibits.models import Draft, Kiosk, Status

KIOSK_SILENCE = datetime.timedelta(days=1)


def _drafted_pks(model, **conditions):
    content_type = ContentType.objects.get_for_model(model)
    return Draft.objects.filter(content_type=content_type, **conditions).values_list("object_id", flat=True)


def _pk_in(model, object_ids):
    """A condition on `model`'s primary key from Draft.object_id texts."""
    pk = model._meta.pk
    return Q(pk__in=[pk.to_python(object_id) for object_id in object_ids])


def my_drafts(queryset, user):
    """Objects of `queryset` in draft whose last change is `user`'s, or with `user`'s pending draft."""
    model = queryset.model
    last_editor = (
        model.history.filter(id=OuterRef("pk"))
        .order_by("-history_date", "-history_id")
        .values("history_user")[:1]
    )
    mine = queryset.alias(last_editor=Subquery(last_editor)).filter(status=Status.DRAFT, last_editor=user.pk)
    return queryset.filter(Q(pk__in=mine.values("pk")) | _pk_in(model, _drafted_pks(model, author=user)))


def awaiting_review(queryset):
    """Objects of `queryset` in review, or whose pending draft is submitted for review."""
    model = queryset.model
    return queryset.filter(Q(status=Status.REVIEW) | _pk_in(model, _drafted_pks(model, is_submitted=True)))


def silent_kiosks(now=None):
    """Kiosks that have not called in for a day, or never."""
    since = (now or timezone.now()) - KIOSK_SILENCE
    return Kiosk.objects.filter(Q(last_seen_at__lt=since) | Q(last_seen_at__isnull=True))

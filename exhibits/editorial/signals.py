from django.db.models.signals import post_save
from django.dispatch import receiver

from exhibits.editorial import locking
from exhibits.editorial.history import is_tracked
from exhibits.editorial.models import Draft


@receiver(post_save)
def raise_edit_version(sender, instance, raw, **kwargs):
    """Whoever saves (admin, import, command), forms opened before can no longer save over it."""
    if raw:
        return
    if isinstance(instance, Draft):
        if instance.content_object is not None:
            locking.bump(instance.content_object)
    elif is_tracked(sender):
        locking.bump(instance)

from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from exhibits.content import images
from exhibits.content.models.base import Translated
from exhibits.editorial import locking
from exhibits.editorial.history import is_tracked
from exhibits.models import Draft, Image
from exhibits.translations.state import note_translations


@receiver(pre_save)
def keep_translation_records(sender, instance, raw, **kwargs):
    if raw or not isinstance(instance, Translated):
        return
    previous = sender._base_manager.filter(pk=instance.pk).first() if instance.pk else None
    note_translations(instance, previous)


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


@receiver(post_save, sender=Image)
def make_renditions(sender, instance, raw, **kwargs):
    """Resize once, after the upload is committed, rather than on the first page that shows it."""
    if not raw and instance.file:
        transaction.on_commit(lambda: images.ensure_renditions(instance))

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from exhibits.content import images
from exhibits.content.models import Image


@receiver(post_save, sender=Image)
def make_renditions(sender, instance, raw, **kwargs):
    """Resize once, after the upload is committed, rather than on the first page that shows it."""
    if not raw and instance.file:
        transaction.on_commit(lambda: images.ensure_renditions(instance), robust=True)

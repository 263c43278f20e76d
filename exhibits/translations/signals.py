from django.db.models.signals import pre_save
from django.dispatch import receiver

from exhibits.content.models import Translated
from exhibits.translations.state import note_translations


@receiver(pre_save)
def keep_translation_records(sender, instance, raw, **kwargs):
    if raw or not isinstance(instance, Translated):
        return
    previous = sender._base_manager.filter(pk=instance.pk).first() if instance.pk else None
    note_translations(instance, previous)

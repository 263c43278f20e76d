from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentVersion(models.Model):
    """One row counting every change visitors could see: pages are cached and revalidated by it.

    Raised by exhibits.content.version on every save, deletion and link change of content,
    in the same transaction, so a page read after the change was committed has the new number.
    """

    number = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(null=True)

    class Meta:
        verbose_name = _("content version")
        verbose_name_plural = _("content versions")

    def __str__(self):
        return str(self.number)

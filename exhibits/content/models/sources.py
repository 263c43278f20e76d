from django.db import models
from django.utils.translation import gettext_lazy as _

from exhibits.content.models.base import SlugManager


class Source(models.Model):
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    citation = models.TextField(
        _("citation"),
        help_text=_("The full reference as it should be printed: author, title, publisher, year."),
    )
    url = models.URLField(_("web address"), blank=True)
    note = models.TextField(_("note"), blank=True, help_text=_("What this source is relied on for."))
    is_internal = models.BooleanField(
        _("internal"),
        default=False,
        help_text=_(
            "The curators' own working material: never shown to visitors or in what is printed for them."
        ),
    )

    objects = SlugManager()

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["citation"]

    def __str__(self):
        return self.citation if len(self.citation) <= 80 else self.citation[:79] + "…"

    def natural_key(self):
        return (self.slug,)

from django.db import models
from django.utils.translation import gettext_lazy as _

from exhibits.content.fields import LineField, MarkupField, PlainTextField
from exhibits.content.models.base import Publishable, PublishableManager, Translated


class GlossaryTerm(Translated, Publishable):
    """A word visitors may not know (ÁVH, statárium, Special Corps), explained in each language."""

    term = LineField(_("term"), max_length=100, help_text=_("As visitors read it in the texts, e.g. “ÁVH”."))
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    other_forms = PlainTextField(
        _("other forms"),
        blank=True,
        help_text=_(
            "One per line: inflected or other forms the texts use (e.g. “ÁVH-sok”, “államvédelmisek”)."
        ),
    )
    definition = MarkupField(
        _("definition"), words=(5, 80), help_text=_("One or two sentences. Paragraphs, *emphasis* and lists.")
    )
    sources = models.ManyToManyField(
        "exhibits.Source", verbose_name=_("sources"), blank=True, related_name="glossary_terms"
    )

    objects = PublishableManager()

    alphabetical_field = "term"
    translated_fields = ("term", "other_forms", "definition")

    class Meta:
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        ordering = ["term"]

    def __str__(self):
        return self.term

    def natural_key(self):
        return (self.slug,)

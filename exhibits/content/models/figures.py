from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from exhibits.content.dates import format_date_range, parse_partial_date, validate_partial_date
from exhibits.content.fields import LineField, MarkupField, PlainTextField
from exhibits.content.models.base import Publishable, PublishableManager, Translated, wikidata_field


class Figure(Translated, Publishable):
    """A person, named as each language names them."""

    name = LineField(
        _("name"),
        max_length=200,
        help_text=_("As the language writes it: “Nagy Imre” in Hungarian, “Imre Nagy” in English."),
    )
    sort_name = LineField(
        _("sort name"),
        max_length=200,
        help_text=_("Family name first, for alphabetical lists: “Nagy Imre”, “Nagy, Imre”."),
    )
    other_names = PlainTextField(
        _("other spellings"),
        blank=True,
        help_text=_("One per line; search finds the person by any of them (e.g. Mikojan, Mikoian)."),
    )
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    role = LineField(
        _("role in 1956"), max_length=300, blank=True, help_text=_("One line, shown under the name.")
    )
    born = models.CharField(
        _("born"),
        max_length=10,
        blank=True,
        validators=[validate_partial_date],
        help_text=_("YYYY, YYYY-MM or YYYY-MM-DD; leave out what is not known."),
    )
    died = models.CharField(
        _("died"),
        max_length=10,
        blank=True,
        validators=[validate_partial_date],
        help_text=_("YYYY, YYYY-MM or YYYY-MM-DD; leave out what is not known."),
    )
    biography = MarkupField(_("biography"), blank=True, help_text=_("Paragraphs, *emphasis* and lists."))
    portrait = models.ForeignKey(
        "exhibits.Image",
        verbose_name=_("portrait"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sources = models.ManyToManyField(
        "exhibits.Source",
        verbose_name=_("sources"),
        blank=True,
        related_name="figures",
        help_text=_("Where the life dates and the biography come from."),
    )
    wikidata_id = wikidata_field()

    objects = PublishableManager()

    translated_fields = ("name", "sort_name", "role", "biography")

    alphabetical_field = "sort_name"

    class Meta:
        verbose_name = _("figure")
        verbose_name_plural = _("figures")
        ordering = ["sort_name"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)

    @property
    def life_dates(self):
        """“1896–1958” style, in the active language's date format."""
        if not (self.born or self.died):
            return ""
        return format_date_range(self.born, self.died)

    def clean(self):
        if self.born and self.died:
            try:
                born, died = parse_partial_date(self.born), parse_partial_date(self.died)
            except ValidationError:
                return  # the field validators report it
            # Compare only as precisely as both dates are known: 1896-06 and 1896 may agree.
            known = min(sum(part is not None for part in born), sum(part is not None for part in died))
            if died[:known] < born[:known]:
                raise ValidationError(
                    {
                        "died": ValidationError(
                            _("A person cannot die before they are born."), code="died_before_born"
                        )
                    }
                )

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from exhibits.content.fields import LineField, MarkupField
from exhibits.content.models.base import Publishable, PublishableManager, Translated, wikidata_field


class Place(Translated, Publishable):
    name = LineField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=200, unique=True, help_text=_("The place's address in public URLs.")
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Degrees north, between -90 and 90 (WGS 84), e.g. 47.507."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Degrees east, between -180 and 180 (WGS 84), e.g. 19.046."),
    )
    description = MarkupField(_("description"), blank=True, help_text=_("Paragraphs, *emphasis* and lists."))
    area = LineField(
        _("district or town"),
        max_length=100,
        blank=True,
        help_text=_("The one fact that helps a visitor place it, e.g. “Budapest, District V”."),
    )
    sources = models.ManyToManyField(
        "exhibits.Source",
        verbose_name=_("sources"),
        blank=True,
        related_name="places",
        help_text=_("Where the coordinates and the description come from."),
    )
    wikidata_id = wikidata_field()
    geonames_id = models.CharField(
        _("GeoNames id"),
        max_length=12,
        blank=True,
        validators=[
            RegexValidator(r"^[1-9][0-9]*$", _("A GeoNames id is a number."), code="invalid_geonames_id")
        ],
        help_text=_("The place's number at geonames.org, for places that are towns or districts."),
    )

    objects = PublishableManager()

    translated_fields = ("name", "description", "area")

    alphabetical_field = "name"

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True, longitude__isnull=True)
                | models.Q(latitude__isnull=False, longitude__isnull=False),
                name="place_coordinates_both_or_neither",
            ),
        ]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)

    def clean(self):
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(_("Give both latitude and longitude, or neither."), code="half_coordinates")

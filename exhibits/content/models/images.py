from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from exhibits.content.fields import LineField, PlainTextField
from exhibits.content.models.base import Translated


class Image(Translated):
    file = models.ImageField(_("file"), upload_to="images/%Y/%m/", width_field="width", height_field="height")
    width = models.PositiveIntegerField(_("width"), editable=False, null=True)
    height = models.PositiveIntegerField(_("height"), editable=False, null=True)
    alt_text = LineField(
        _("alt text"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for visitors who cannot see it."),
    )
    caption = PlainTextField(_("caption"), blank=True)
    credit = models.CharField(
        _("credit"), max_length=300, blank=True, help_text=_("Photographer or collection.")
    )
    licence = models.CharField(
        _("licence"), max_length=200, blank=True, help_text=_("For example: CC BY-SA 4.0.")
    )
    focal_point_x = models.FloatField(
        _("focal point (across)"),
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("0 is the left edge, 1 the right; crops keep this point in view."),
    )
    focal_point_y = models.FloatField(
        _("focal point (down)"),
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("0 is the top edge, 1 the bottom."),
    )
    renditions = models.JSONField(
        _("renditions"),
        default=list,
        blank=True,
        editable=False,
        help_text=_("The resized copies made from the file (exhibits.images)."),
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    # Pages showing the image are revalidated when its texts change (see exhibits.content).
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    translated_fields = ("alt_text", "caption")
    required_languages = ()

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["-created_at"]

    def __str__(self):
        return self.alt_text or self.file.name

from django.db import models
from django.utils.translation import gettext_lazy as _


class Rendition(models.Model):
    """One resized copy of an image, made once (exhibits.images) and reused by every page."""

    image = models.ForeignKey(
        "exhibits.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="renditions"
    )
    spec = models.CharField(_("size"), max_length=32, help_text=_("A name from TARLO_IMAGE_RENDITIONS."))
    format = models.CharField(_("format"), max_length=8)
    source_name = models.CharField(
        _("made from"), max_length=300, help_text=_("The image file this was made from.")
    )
    file = models.ImageField(_("file"), upload_to="renditions/")
    width = models.PositiveIntegerField(_("width"))
    height = models.PositiveIntegerField(_("height"))

    class Meta:
        verbose_name = _("rendition")
        verbose_name_plural = _("renditions")
        ordering = ["image", "format", "width"]
        constraints = [
            models.UniqueConstraint(
                fields=["image", "spec", "format"], name="one_rendition_per_size_and_format"
            ),
        ]

    def __str__(self):
        return f"{self.image_id} {self.spec} {self.format} {self.width}×{self.height}"

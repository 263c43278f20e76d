from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from exhibits.content.models.base import SlugManager


class Kiosk(models.Model):
    """A physical touch screen in the gallery."""

    name = models.CharField(_("name"), max_length=200, help_text=_("Where it stands, e.g. “Room 2, left”."))
    slug = models.SlugField(
        _("slug"), max_length=100, unique=True, help_text=_("The kiosk opens /kiosk/<slug>/.")
    )
    exhibit = models.ForeignKey(
        "exhibits.Exhibit", verbose_name=_("exhibit"), on_delete=models.PROTECT, related_name="kiosks"
    )
    default_language = models.CharField(
        _("default language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language an idle kiosk returns to."),
    )
    idle_timeout = models.PositiveIntegerField(
        _("idle timeout (seconds)"),
        default=90,
        validators=[MinValueValidator(15), MaxValueValidator(3600)],
        help_text=_("After this long without a touch the kiosk returns to its start screen."),
    )
    last_seen_at = models.DateTimeField(_("last contact"), null=True, blank=True, editable=False)
    content_version = models.CharField(_("content version"), max_length=64, blank=True, editable=False)
    token_hash = models.CharField(
        _("token fingerprint"),
        max_length=128,
        blank=True,
        editable=False,
        help_text=_(
            "The kiosk proves itself with a secret token issued in the admin; only its hash is kept."
        ),
    )
    token_issued_at = models.DateTimeField(_("token issued"), null=True, blank=True, editable=False)

    objects = SlugManager()

    class Meta:
        verbose_name = _("kiosk")
        verbose_name_plural = _("kiosks")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)

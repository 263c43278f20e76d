from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from exhibits.content.fields import LineField, MarkupField, PlainTextField
from exhibits.content.models.base import Publishable, PublishableManager, PublishableQuerySet, Translated

validate_label_code = RegexValidator(
    r"^[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*$",
    _("Use letters, digits and hyphens, as printed on the label (e.g. 56-03)."),
    code="invalid_label_code",
)


class Exhibit(Translated, Publishable):
    """An ordered set of panels telling one story."""

    title = LineField(_("title"), max_length=200, words=(1, 7))
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    introduction = MarkupField(
        _("introduction"), blank=True, words=(0, 300), help_text=_("Paragraphs, *emphasis* and lists.")
    )
    content_note = PlainTextField(
        _("content note"),
        blank=True,
        help_text=_("Shown at the entrance, before anything else: what difficult content the exhibit holds."),
    )
    period_start = models.DateField(
        _("period start"), help_text=_("The first day the exhibit's events may fall on.")
    )
    period_end = models.DateField(_("period end"), help_text=_("The last day."))
    image = models.ForeignKey(
        "exhibits.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sources = models.ManyToManyField(
        "exhibits.Source",
        verbose_name=_("bibliography"),
        blank=True,
        related_name="exhibits",
        help_text=_("The works the whole exhibit relies on, listed on its bibliography page."),
    )
    glossary = models.ManyToManyField(
        "exhibits.GlossaryTerm",
        verbose_name=_("glossary"),
        blank=True,
        related_name="exhibits",
        help_text=_("Words visitors may not know, explained where they first appear."),
    )

    objects = PublishableManager()

    translated_fields = ("title", "introduction", "content_note")

    class Meta:
        verbose_name = _("exhibit")
        verbose_name_plural = _("exhibits")
        ordering = ["title"]
        permissions = [
            ("publish_content", _("Can publish and unpublish content")),
            ("export_exhibit", _("Can export exhibit text")),
            ("import_translations", _("Can import translations")),
            ("edit_source_text", _("Can edit source-language text and non-text fields")),
            ("preview_drafts", _("Can preview unpublished content on the site and kiosks")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="exhibit_period_ends_after_it_starts",
            ),
        ]

    def __str__(self):
        return self.title

    def natural_key(self):
        return (self.slug,)

    def clean(self):
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError(
                {
                    "period_end": ValidationError(
                        _("The period cannot end before it starts."), code="ends_before_start"
                    )
                }
            )


class PanelQuerySet(PublishableQuerySet):
    def in_order(self):
        return self.order_by("exhibit", "order", "pk")


class PanelManager(models.Manager.from_queryset(PanelQuerySet)):
    def get_by_natural_key(self, exhibit_slug, code):
        return self.get(exhibit__slug=exhibit_slug, code=code)


class Panel(Translated, Publishable):
    exhibit = models.ForeignKey(
        Exhibit, verbose_name=_("exhibit"), on_delete=models.CASCADE, related_name="panels"
    )
    order = models.PositiveIntegerField(_("order"), default=0, db_index=True)
    code = models.CharField(
        _("label code"),
        max_length=20,
        validators=[validate_label_code],
        help_text=_("Printed on the physical label, unique in the exhibit (e.g. 56-03)."),
    )
    title = LineField(_("title"), max_length=200, words=(1, 7))
    body = MarkupField(
        _("body"), blank=True, words=(20, 150), help_text=_("Paragraphs, *emphasis* and lists.")
    )
    content_note = PlainTextField(
        _("content note"),
        blank=True,
        help_text=_("Shown before the body, calmly: for panels that describe killings or other violence."),
    )
    image = models.ForeignKey(
        "exhibits.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    events = models.ManyToManyField(
        "exhibits.Event", verbose_name=_("events"), blank=True, related_name="panels"
    )
    figures = models.ManyToManyField(
        "exhibits.Figure", verbose_name=_("figures"), blank=True, related_name="panels"
    )
    places = models.ManyToManyField(
        "exhibits.Place", verbose_name=_("places"), blank=True, related_name="panels"
    )
    sources = models.ManyToManyField(
        "exhibits.Source", verbose_name=_("sources"), blank=True, related_name="panels"
    )

    objects = PanelManager()

    translated_fields = ("title", "body", "content_note")

    class Meta:
        verbose_name = _("panel")
        verbose_name_plural = _("panels")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["exhibit", "code"],
                name="panel_code_unique_in_exhibit",
                violation_error_message=_("This exhibit already has a panel with this label code."),
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.title}"

    def natural_key(self):
        return (self.exhibit.slug, self.code)

    natural_key.dependencies = ["exhibits.exhibit"]

"""What visitor-facing content shares: a publication status, and translation records."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import connections, models
from django.db.models import Value
from django.db.models.functions import Coalesce, Collate, NullIf
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname


class Status(models.TextChoices):
    DRAFT = "draft", _("draft")
    REVIEW = "review", _("in review")
    PUBLISHED = "published", _("published")


def alphabetical_order(model, *, using="default"):
    """Order by `model.alphabetical_field` in the active language, as its alphabet has it.

    PostgreSQL's ICU collations put Hungarian in its own order (Cz before Cs, O before Ö
    before Ő); SQLite orders by code point. A text not yet translated sorts by the source.
    """
    language = translation.get_language() or settings.LANGUAGE_CODE
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    field = model.alphabetical_field
    text = Coalesce(
        NullIf(build_localized_fieldname(field, language), Value("")),
        build_localized_fieldname(field, settings.LANGUAGE_CODE),
    )
    if connections[using].vendor == "postgresql":
        text = Collate(text, f"{language}-x-icu")
    return text.asc()


class PublishableQuerySet(models.QuerySet):
    def alphabetical(self):
        """In the active language's alphabetical order (see `alphabetical_order`)."""
        return self.order_by(alphabetical_order(self.model, using=self.db), "pk")

    def published(self):
        """Content that visitors may see."""
        return self.filter(status=Status.PUBLISHED)

    def not_published(self):
        """Drafts and content in review: staff only."""
        return self.exclude(status=Status.PUBLISHED)


class Publishable(models.Model):
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=Status.choices,
        default=Status.DRAFT,
        db_index=True,
        help_text=_("Only published content is shown to visitors and on kiosks."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_published(self):
        return self.status == Status.PUBLISHED


validate_wikidata_id = RegexValidator(
    r"^Q[1-9][0-9]*$", _("A Wikidata id is Q followed by digits, e.g. Q193381."), code="invalid_wikidata_id"
)


def wikidata_field():
    return models.CharField(
        _("Wikidata id"),
        max_length=20,
        blank=True,
        validators=[validate_wikidata_id],
        help_text=_("The Wikidata item, e.g. Q193381: search engines and other collections link by it."),
    )


class SlugManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class PublishableManager(SlugManager.from_queryset(PublishableQuerySet)):
    """Published/not-published filters plus lookup by slug for fixtures."""


class Translated(models.Model):
    """Content with fields per language: `translated_fields` names them (exhibits.translation
    registers them), `required_languages` those that must be filled in. See
    exhibits.translations.state for what `translated_from` records.
    """

    translated_fields = ()
    required_languages = ("hu",)

    translated_from = models.JSONField(
        _("translated from"),
        default=dict,
        blank=True,
        editable=False,
        help_text=_("For each translation, the source text it was written from."),
    )

    class Meta:
        abstract = True

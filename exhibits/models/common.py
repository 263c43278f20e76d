"""What visitor-facing content shares: a publication status, and translation records."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("draft")
    REVIEW = "review", _("in review")
    PUBLISHED = "published", _("published")


class PublishableQuerySet(models.QuerySet):
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


class SlugManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class PublishableManager(SlugManager.from_queryset(PublishableQuerySet)):
    """Published/not-published filters plus lookup by slug for fixtures."""


class Translated(models.Model):
    """Content with fields per language; see exhibits.translation_state for what the record means."""

    translated_from = models.JSONField(
        _("translated from"),
        default=dict,
        blank=True,
        editable=False,
        help_text=_("For each translation, the source text it was written from."),
    )

    class Meta:
        abstract = True

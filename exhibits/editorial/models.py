"""The editorial workflow's own records: pending drafts, edit versions and publication records."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Draft(models.Model):
    """An edit to published content, kept apart until it is published.

    `data` holds every field's value as the editor left it, many-to-many fields as lists of
    primary keys; see exhibits.drafts.
    """

    content_type = models.ForeignKey(ContentType, verbose_name=_("kind of content"), on_delete=models.CASCADE)
    object_id = models.CharField(_("object"), max_length=64)
    content_object = GenericForeignKey("content_type", "object_id")
    data = models.JSONField(_("values"), default=dict)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_submitted = models.BooleanField(
        _("submitted for review"), default=False, help_text=_("The author asks for it to be published.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("pending draft")
        verbose_name_plural = _("pending drafts")
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="one_draft_per_object"),
        ]

    def __str__(self):
        return str(_("Pending draft of %(object)s")) % {"object": self.content_object}


class EditVersion(models.Model):
    """A counter raised by every save of an object or its draft: the token of optimistic locking."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    number = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("edit version")
        verbose_name_plural = _("edit versions")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="one_edit_version_per_object"),
        ]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id} v{self.number}"


class PublicationRecord(models.Model):
    """Who published or unpublished what, and why a failed content check was overridden."""

    class Action(models.TextChoices):
        PUBLISH = "publish", _("published")
        UNPUBLISH = "unpublish", _("unpublished")
        SUBMIT = "submit", _("submitted for review")
        REVERT = "revert", _("reverted")

    content_type = models.ForeignKey(ContentType, verbose_name=_("kind of content"), on_delete=models.CASCADE)
    object_id = models.CharField(_("object"), max_length=64)
    content_object = GenericForeignKey("content_type", "object_id")
    object_repr = models.CharField(_("object"), max_length=300)
    action = models.CharField(_("action"), max_length=16, choices=Action.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("when"), auto_now_add=True)
    override_reason = models.TextField(
        _("override reason"), blank=True, help_text=_("Why it was published despite content check errors.")
    )
    findings = models.JSONField(_("content check errors overridden"), default=list, blank=True)

    class Meta:
        verbose_name = _("publication record")
        verbose_name_plural = _("publication records")
        ordering = ["-at"]

    def __str__(self):
        return f"{self.object_repr}: {self.get_action_display()}"


class Schedule(models.Model):
    """A publisher's appointment to publish or unpublish an object at a set time.

    `manage.py publish_scheduled` carries it out through the same actions as the buttons,
    in the name of `user`; `problem` says why the last attempt failed, for the admin to show.
    """

    content_type = models.ForeignKey(ContentType, verbose_name=_("kind of content"), on_delete=models.CASCADE)
    object_id = models.CharField(_("object"), max_length=64)
    content_object = GenericForeignKey("content_type", "object_id")
    publish_at = models.DateTimeField(_("publish at"), null=True, blank=True)
    unpublish_at = models.DateTimeField(_("unpublish at"), null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("scheduled by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    problem = models.TextField(
        _("problem"), blank=True, help_text=_("Why the last attempt at the set time failed.")
    )

    class Meta:
        verbose_name = _("schedule")
        verbose_name_plural = _("schedules")
        ordering = ["publish_at", "unpublish_at"]
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="one_schedule_per_object"),
            models.CheckConstraint(
                condition=models.Q(publish_at__isnull=True)
                | models.Q(unpublish_at__isnull=True)
                | models.Q(unpublish_at__gt=models.F("publish_at")),
                name="schedule_unpublishes_after_it_publishes",
            ),
        ]

    def __str__(self):
        return str(_("Schedule of %(object)s")) % {"object": self.content_object}

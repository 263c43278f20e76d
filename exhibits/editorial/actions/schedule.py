"""Scheduled publishing: a publisher sets when an object goes live and when it comes off, and
`manage.py publish_scheduled` carries out what is due through the publish and unpublish actions,
in the name of the publisher who set it.

An exhibit is scheduled with its panels: at its time the exhibit and every panel of it that is
not live yet (or has a pending draft) are published in one transaction, or none is. The content
check that publishing runs is run when the schedule is set, and runs again at the set time; a
failure then leaves everything as it was and is kept in `Schedule.problem` for the admin to show.
A schedule with a problem waits for the publisher to set a new time.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from exhibits.content import checks as content_check
from exhibits.editorial import drafts
from exhibits.editorial.actions.errors import PublishRefused, Refused
from exhibits.editorial.actions.publish import publish
from exhibits.editorial.actions.records import can_publish
from exhibits.editorial.actions.unpublish import unpublish
from exhibits.models import Exhibit, Schedule


def schedule_of(obj):
    """The schedule set for `obj`, or None."""
    return (
        Schedule.objects.filter(
            content_type=ContentType.objects.get_for_model(type(obj)), object_id=str(obj.pk)
        )
        .select_related("user")
        .first()
    )


def going_live(obj):
    """What publishing `obj` at its set time publishes, each with its pending draft applied:
    the object, and for an exhibit its panels that are not live yet or have pending changes."""
    objects = [obj]
    if isinstance(obj, Exhibit):
        objects += list(obj.panels.order_by("order", "pk"))
    found = drafts.pending_drafts(objects)
    return [
        item if (draft := found.get((type(item), str(item.pk)))) is None else drafts.with_draft(item, draft)
        for item in objects
        if not item.is_published or (type(item), str(item.pk)) in found
    ]


def content_errors(obj):
    """The content check's errors in what publishing `obj` would publish, as publish() checks it."""
    return [
        error for item in going_live(obj) for error in content_check.errors(content_check.check_object(item))
    ]


def describe(finding):
    language = f" [{finding.language}]" if finding.language else ""
    field = finding.obj._meta.get_field(finding.field).verbose_name if finding.field else ""
    return f"{finding.obj._meta.verbose_name} “{finding.obj}”, {field}{language}: {finding.message}"


def set_schedule(*, obj, user, publish_at=None, unpublish_at=None):
    """Set when `obj` is published and when it is unpublished (aware datetimes, or None); with
    neither, clear its schedule. Return the schedule, or None when cleared.

    Raise ValidationError, keyed by field, for a time in the past, an unpublish before the
    publish, or content the check finds errors in (publishing would be refused); Refused for
    someone who cannot publish.
    """
    if not can_publish(user):
        raise Refused(_("Only a publisher can schedule publishing."))
    with transaction.atomic():
        existing = Schedule.objects.select_for_update().filter(
            content_type=ContentType.objects.get_for_model(type(obj)), object_id=str(obj.pk)
        )
        schedule = existing.first()
        if publish_at is None and unpublish_at is None:
            if schedule is not None:
                schedule._history_user = user
                schedule.delete()
            return None
        schedule = schedule or Schedule(content_object=obj)
        schedule._history_user = user
        schedule.publish_at, schedule.unpublish_at = publish_at, unpublish_at
        schedule.user, schedule.problem = user, ""
        check_times(publish_at, unpublish_at)
        schedule.full_clean()
        if publish_at is not None:
            errors = content_errors(obj)
            if errors:
                raise ValidationError(
                    {
                        NON_FIELD_ERRORS: [
                            ValidationError(
                                _(
                                    "Not scheduled: the content check found %(count)d error(s) in what would "
                                    "be published. Fix them first:"
                                )
                                % {"count": len(errors)},
                                code="content_check",
                            ),
                            *[ValidationError(describe(error), code="content_check") for error in errors],
                        ]
                    }
                )
        schedule.save()
        return schedule


def check_times(publish_at, unpublish_at):
    """Refuse a time in the past, and an unpublish that is not after the publish.

    (Not Schedule.clean(): a schedule whose time has come is still a valid schedule.)
    """
    now = timezone.now()
    errors = {}
    for name, value in [("publish_at", publish_at), ("unpublish_at", unpublish_at)]:
        if value is not None and value <= now:
            errors[name] = ValidationError(
                _("%(time)s is in the past: choose a later time.")
                % {"time": formats.localize(timezone.localtime(value))},
                code="in_the_past",
            )
    if "unpublish_at" not in errors and publish_at and unpublish_at and unpublish_at <= publish_at:
        errors["unpublish_at"] = ValidationError(
            _("It would come off before it goes live: unpublish after the publish time."),
            code="unpublish_before_publish",
        )
    if errors:
        raise ValidationError(errors)


def clear_schedule(*, obj, user):
    """Remove `obj`'s schedule: nothing happens to it at the times that were set."""
    return set_schedule(obj=obj, user=user)


@dataclass(frozen=True)
class Outcome:
    """What one schedule's run did: `action` "publish" or "unpublish", `problem` empty if done."""

    object_repr: str
    action: str
    problem: str = ""


def due(now):
    """The schedules with something due at `now` that has not failed before."""
    return Schedule.objects.filter(problem="").filter(Q(publish_at__lte=now) | Q(unpublish_at__lte=now))


def run_due(*, now=None):
    """Publish and unpublish what is due at `now` (default: now); return the `Outcome`s.

    Each schedule is carried out in its own transaction, with its row locked (rows another run
    holds are skipped on PostgreSQL), so two runs at once never do the same thing twice, and a
    run after a finished one finds nothing left to do.
    """
    now = now or timezone.now()
    outcomes = []
    for pk in list(due(now).order_by("pk").values_list("pk", flat=True)):
        with transaction.atomic():
            schedule = due(now).select_for_update(skip_locked=True).filter(pk=pk).first()
            if schedule is not None:
                outcomes += carry_out(schedule, now)
    return outcomes


def carry_out(schedule, now):
    obj = schedule.content_object
    outcomes = []
    if obj is None:
        schedule.delete()  # the object was deleted: nothing left to publish
        return outcomes
    for action, at in [("publish", schedule.publish_at), ("unpublish", schedule.unpublish_at)]:
        if at is None or at > now:
            continue
        problem = attempt(action, obj, schedule.user)
        outcomes.append(Outcome(str(obj), action, problem))
        if problem:
            schedule.problem = problem
            schedule._history_user = schedule.user
            schedule.save(update_fields=["problem"])
            return outcomes
        setattr(schedule, f"{action}_at", None)
    schedule._history_user = schedule.user
    if schedule.publish_at is None and schedule.unpublish_at is None:
        schedule.delete()
    else:
        schedule.save(update_fields=["publish_at", "unpublish_at"])
    return outcomes


def attempt(action, obj, user):
    """Carry out `action` on `obj` as `user`; return why it failed, or "" when done (or nothing to do)."""
    if user is None:
        return _("The publisher who set the schedule no longer has an account.")
    try:
        with transaction.atomic():
            if action == "publish":
                for item in going_live(type(obj)._base_manager.get(pk=obj.pk)):
                    publish(obj=item, user=user)
            elif type(obj)._base_manager.get(pk=obj.pk).is_published:
                unpublish(obj=obj, user=user)
    except PublishRefused as refusal:
        return "\n".join([refusal.message, *[describe(finding) for finding in refusal.findings]])
    except Refused as refusal:
        return refusal.message
    return ""

"""The admin index opens on what needs the curator (exhibits.admin.queues): counts per kind of
content, each linking to the list filtered to those objects."""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib import admin
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.formats import localize
from django.utils.http import urlencode
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from exhibits.admin import queues
from exhibits.models import Kiosk, Publishable, Schedule
from exhibits.translations.admin import state_badge
from exhibits.translations.state import TranslationState, filter_by_state, target_languages


@dataclass
class Item:
    """One line of a queue: a filtered list and how many it holds, or one object (count None)."""

    label: str
    url: str
    count: int | None = None
    detail: str = ""
    badge: str = ""


@dataclass
class Queue:
    key: str
    title: str
    empty: str
    items: list = field(default_factory=list)
    url: str = ""

    @property
    def total(self):
        return sum(1 if item.count is None else item.count for item in self.items)


def list_url(model, **filters):
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    return f"{url}?{urlencode(filters)}" if filters else url


def visible_models(request, site):
    """The app's models this person may see in the admin, as the app list orders them."""
    return [
        entry["model"] for app in site.get_app_list(request, app_label="exhibits") for entry in app["models"]
    ]


def plural(model):
    return str(model._meta.verbose_name_plural).capitalize()


def dashboard(request, site=admin.site):
    """The queues shown on the admin index for `request.user`."""
    models = visible_models(request, site)
    shown = [
        editorial_queue(
            models,
            "mine",
            _("My drafts"),
            _("You have no drafts waiting."),
            lambda queryset: queues.my_drafts(queryset, request.user),
        ),
        editorial_queue(
            models,
            "review",
            _("Awaiting review"),
            _("Nothing is waiting for review."),
            queues.awaiting_review,
        ),
        translation_queue(models),
    ]
    if Schedule in models:
        shown.append(schedule_queue(request.user))
    if Kiosk in models:
        shown.append(kiosk_queue())
    return shown


def editorial_queue(models, key, title, empty, select):
    queue = Queue(key, title, empty)
    for model in models:
        if issubclass(model, Publishable):
            if count := select(model._default_manager.all()).count():
                queue.items.append(Item(plural(model), list_url(model, waiting=key), count))
    return queue


def translation_queue(models):
    queue = Queue("translations", _("Translations to update"), _("Every translation is up to date."))
    names = dict(settings.LANGUAGES)
    for model in models:
        if not getattr(model, "translated_fields", ()):
            continue
        for language in target_languages():
            for translation_state in [TranslationState.STALE, TranslationState.MISSING]:
                queryset = filter_by_state(model._default_manager.all(), translation_state, language)
                if count := queryset.count():
                    queue.items.append(
                        Item(
                            plural(model),
                            list_url(model, translation=f"{language}:{translation_state.value}"),
                            count,
                            detail=str(names[language]).lower(),
                            badge=state_badge(translation_state),
                        )
                    )
    return queue


def kiosk_queue():
    queue = Queue(
        "kiosks",
        _("Kiosks not seen for a day"),
        _("Every kiosk called in within a day."),
        url=list_url(Kiosk, contact="silent"),
    )
    for kiosk in queues.silent_kiosks():
        seen = (
            _("last contact: %(when)s") % {"when": localize(localtime(kiosk.last_seen_at))}
            if kiosk.last_seen_at
            else _("never called in")
        )
        queue.items.append(
            Item(str(kiosk), reverse("admin:exhibits_kiosk_change", args=[kiosk.pk]), detail=seen)
        )
    return queue


def schedule_queue(user):
    """Every schedule, those that failed first, then the soonest (exhibits.editorial.actions.schedule)."""
    from exhibits.editorial.schedule_admin import schedule_url

    queue = Queue(
        "schedules",
        _("Scheduled"),
        _("Nothing is scheduled."),
        url=list_url(Schedule),
    )
    schedules = Schedule.objects.prefetch_related("content_object").order_by(
        "-problem", Coalesce("publish_at", "unpublish_at")
    )
    for schedule in schedules:
        obj = schedule.content_object
        if obj is None:
            continue
        if schedule.problem:
            detail = schedule.problem.splitlines()[0]
        elif schedule.publish_at:
            detail = _("goes live %(when)s") % {"when": localize(localtime(schedule.publish_at))}
        else:
            detail = _("comes off %(when)s") % {"when": localize(localtime(schedule.unpublish_at))}
        queue.items.append(Item(str(obj), schedule_url(obj, user), detail=detail))
    return queue

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from exhibits.content.fields import LineField, MarkupField
from exhibits.content.models.base import Publishable, PublishableManager, PublishableQuerySet, Translated


class Category(models.TextChoices):
    DEMONSTRATION = "demonstration", _("demonstration")
    ARMED_CLASH = "armed_clash", _("armed clash")
    POLITICAL = "political", _("political")
    DIPLOMATIC = "diplomatic", _("diplomatic")
    MILITARY = "military", _("military")


class Precision(models.TextChoices):
    """How exactly the sources date an event."""

    DAY = "day", _("day")
    PART_OF_DAY = "part_of_day", _("part of day (morning, evening …)")
    HOUR = "hour", _("hour")
    MINUTE = "minute", _("minute")

    @property
    def needs_time(self):
        return self in {Precision.HOUR, Precision.MINUTE}

    @property
    def shows_time(self):
        """Whether the start time is what the sources say, rather than a rough place in the day."""
        return self.needs_time


class EventQuerySet(PublishableQuerySet):
    def in_period(self, start, end):
        """Events that start between two dates, inclusive."""
        return self.filter(start_date__gte=start, start_date__lte=end)

    def chronological(self):
        return self.order_by("start_date", models.F("start_time").asc(nulls_first=True), "pk")


class EventManager(PublishableManager.from_queryset(EventQuerySet)):
    pass


class Event(Translated, Publishable):
    title = LineField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    summary = MarkupField(_("summary"), blank=True, help_text=_("Paragraphs, *emphasis* and lists."))
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    start_date = models.DateField(_("start date"))
    start_time = models.TimeField(
        _("start time"),
        null=True,
        blank=True,
        help_text=_(
            "With hour or minute precision, the time. With part-of-day precision, roughly when: "
            "it puts the event in its place among the day's events, visitors read the words of the sources."
        ),
    )
    end_date = models.DateField(_("end date"), null=True, blank=True)
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    precision = models.CharField(
        _("precision"),
        max_length=16,
        choices=Precision.choices,
        default=Precision.DAY,
        help_text=_("As exactly as the sources date it, and no more."),
    )
    is_approximate = models.BooleanField(
        _("approximate"), default=False, help_text=_("The sources say “about” or “shortly after”.")
    )
    is_uncertain = models.BooleanField(
        _("uncertain"), default=False, help_text=_("The sources disagree or the date is inferred.")
    )
    time_label = LineField(
        _("time as the sources say it"),
        max_length=100,
        blank=True,
        help_text=_("For example “este 8 órakor” / “at 8 p.m.”, “hajnalban” / “at dawn”."),
    )
    place = models.ForeignKey(
        "exhibits.Place",
        verbose_name=_("place"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
    )
    figures = models.ManyToManyField(
        "exhibits.Figure", verbose_name=_("figures involved"), blank=True, related_name="events"
    )
    sources = models.ManyToManyField(
        "exhibits.Source", verbose_name=_("sources"), blank=True, related_name="events"
    )

    objects = EventManager()

    translated_fields = ("title", "summary", "time_label")

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["start_date", "start_time", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True) | models.Q(end_date__gte=models.F("start_date")),
                name="event_ends_after_it_starts",
            ),
        ]

    def __str__(self):
        """The date as visitors read it, then the title: “1956. október 23. – Tüntetés a Bem téren”."""
        return f"{formats.date_format(self.start_date, 'DATE_FORMAT')} – {self.title}"

    def natural_key(self):
        return (self.slug,)

    @property
    def starts_at(self):
        return datetime.datetime.combine(self.start_date, self.start_time or datetime.time())

    def clean(self):
        errors = {}
        precision = Precision(self.precision) if self.precision in Precision.values else None
        if precision == Precision.DAY and (self.start_time or self.end_time):
            errors["start_time"] = ValidationError(
                _(
                    "A time of day needs a part-of-day, hour or minute precision; with day precision leave it empty."
                ),
                code="time_without_precision",
            )
        if precision and precision.needs_time and not self.start_time:
            errors["start_time"] = ValidationError(
                _("With %(precision)s precision, give the start time."),
                code="precision_without_time",
                params={"precision": precision.label},
            )
        if precision == Precision.PART_OF_DAY and not self.time_label:
            errors["time_label"] = ValidationError(
                _("Say which part of the day, as the sources do (e.g. “in the evening”)."),
                code="part_of_day_without_label",
            )
        if precision == Precision.HOUR and self.start_time and self.start_time.minute:
            errors["precision"] = ValidationError(
                _("The start time has minutes: choose minute precision."), code="hour_with_minutes"
            )
        if self.end_time and not self.end_date:
            errors["end_date"] = ValidationError(
                _("An end time needs an end date."), code="end_time_without_date"
            )
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = ValidationError(
                _("The event cannot end before it starts."), code="ends_before_start"
            )
        elif (
            self.start_date
            and self.end_date == self.start_date
            and self.start_time
            and self.end_time
            and self.end_time < self.start_time
        ):
            errors["end_time"] = ValidationError(
                _("The event cannot end before it starts."), code="ends_before_start"
            )
        if errors:
            raise ValidationError(errors)

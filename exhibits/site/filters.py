"""The timeline's filters: date range, category, person and place."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from exhibits.models import Category, Event, Figure, Place


class EventFilter(django_filters.FilterSet):
    start = django_filters.DateFilter(
        field_name="start_date",
        lookup_expr="gte",
        label=_("From"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    end = django_filters.DateFilter(
        field_name="start_date",
        lookup_expr="lte",
        label=_("Until"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    category = django_filters.ChoiceFilter(
        choices=Category.choices, label=_("Category"), empty_label=_("All categories")
    )
    figure = django_filters.ModelChoiceFilter(
        field_name="figures",
        queryset=Figure.objects.published(),
        to_field_name="slug",
        label=_("Person"),
        empty_label=_("Anyone"),
    )
    place = django_filters.ModelChoiceFilter(
        queryset=Place.objects.published(),
        to_field_name="slug",
        label=_("Place"),
        empty_label=_("Anywhere"),
    )

    class Meta:
        model = Event
        fields = ["start", "end", "category", "figure", "place"]

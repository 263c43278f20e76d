"""The public web site: /hu/… and /en/…."""

from django.conf import settings
from django.template import engines
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.safestring import mark_safe
from django.views.generic import DetailView, ListView, TemplateView
from django_filters.views import FilterView

from exhibits.content import search
from exhibits.editorial import preview
from exhibits.editorial.drafts import linked_pks
from exhibits.models import Event, Exhibit, Figure, Panel, Place
from exhibits.site.caching import published_page, shows_drafts
from exhibits.site.exhibit_page import exhibit_page
from exhibits.site.filters import EventFilter
from exhibits.site.jsonld import event_json_ld, person_json_ld


class VisitorMixin:
    """Published content only, or drafts too for staff previewing with ?preview."""

    def shows_drafts(self):
        return shows_drafts(self.request)

    def visible(self, queryset):
        return queryset if self.shows_drafts() else queryset.published()

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        return preview.one(obj) if self.shows_drafts() else obj

    def get_context_data(self, **kwargs):
        is_preview = self.shows_drafts()
        # Links carry ?preview on so that staff can follow them to other drafts.
        preview_query = "?preview" if is_preview else ""
        return super().get_context_data(is_preview=is_preview, preview_query=preview_query, **kwargs)


@method_decorator(published_page, name="dispatch")
class HomeView(VisitorMixin, ListView):
    template_name = "site/home.html"
    context_object_name = "exhibits"

    def get_queryset(self):
        return self.visible(Exhibit.objects.select_related("image")).order_by("-period_start", "pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.shows_drafts():
            context["exhibits"] = context["object_list"] = preview.objects(context["object_list"])
        return context


@method_decorator(published_page, name="dispatch")
class ExhibitDetailView(VisitorMixin, DetailView):
    template_name = "site/exhibit_detail.html"

    def get_queryset(self):
        return self.visible(Exhibit.objects.select_related("image"))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            page=exhibit_page(self.object, drafts=self.shows_drafts()), **kwargs
        )
        # Jinja2 prints the panels; Django's engine only the site's layout around them.
        article = engines["jinja2"].get_template("site/_exhibit_article.html")
        context["article"] = mark_safe(article.render(context, self.request))
        return context


@method_decorator(published_page, name="dispatch")
class EventDetailView(VisitorMixin, DetailView):
    template_name = "site/event_detail.html"

    def get_queryset(self):
        return self.visible(Event.objects.select_related("place"))

    def get_context_data(self, **kwargs):
        event = self.object
        figures, place = self.visible(event.figures.all()), event.place
        if self.shows_drafts():  # the draft's links, with the linked objects' own drafts
            figures = preview.objects(Figure.objects.filter(pk__in=linked_pks(event, "figures")))
            place = preview.one(place)
        return super().get_context_data(
            figures=figures,
            place=place if place and (place.is_published or self.shows_drafts()) else None,
            json_ld=event_json_ld(
                event,
                url=self.request.build_absolute_uri(self.request.path),
                language=self.request.LANGUAGE_CODE,
            ),
            **kwargs,
        )


@method_decorator(published_page, name="dispatch")
class FigureDetailView(VisitorMixin, DetailView):
    template_name = "site/figure_detail.html"
    context_object_name = "figure"

    def get_queryset(self):
        return self.visible(Figure.objects.select_related("portrait"))

    def get_context_data(self, **kwargs):
        figure = self.object
        events = self.visible(figure.events.all()).chronological()
        return super().get_context_data(
            events=preview.objects(events) if self.shows_drafts() else events,
            json_ld=person_json_ld(
                figure,
                url=self.request.build_absolute_uri(self.request.path),
                language=self.request.LANGUAGE_CODE,
            ),
            **kwargs,
        )


@method_decorator(published_page, name="dispatch")
class PlaceDetailView(VisitorMixin, DetailView):
    template_name = "site/place_detail.html"
    context_object_name = "place"

    def get_queryset(self):
        return self.visible(Place.objects.all())

    def get_context_data(self, **kwargs):
        events = self.visible(self.object.events.all()).chronological()
        return super().get_context_data(
            events=preview.objects(events) if self.shows_drafts() else events, **kwargs
        )


@method_decorator(published_page(parameters=[*EventFilter.base_filters, "page"]), name="dispatch")
class TimelineView(VisitorMixin, FilterView):
    template_name = "site/timeline.html"
    filterset_class = EventFilter
    context_object_name = "events"
    paginate_by = 20

    def get_queryset(self):
        return self.visible(Event.objects.select_related("place")).chronological()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.shows_drafts():
            context["events"] = context["object_list"] = preview.objects(context["object_list"])
        query = self.request.GET.copy()
        query.pop("page", None)
        context["filter_query"] = query.urlencode()
        context["json_ld"] = [
            event_json_ld(
                event,
                url=self.request.build_absolute_uri(event_path(event)),
                language=self.request.LANGUAGE_CODE,
            )
            for event in context["events"]
        ]
        return context


def event_path(event):
    return reverse("exhibits:event-detail", kwargs={"slug": event.slug})


@method_decorator(published_page(parameters=["q"]), name="dispatch")
class SearchView(VisitorMixin, TemplateView):
    """Events, people, places and panels matching every word, accents and case ignored."""

    template_name = "site/search.html"
    limit = 20

    def get_context_data(self, **kwargs):
        query = self.request.GET.get("q", "").strip()
        words = search.terms(query)
        language = self.request.LANGUAGE_CODE
        sections = [
            ("events", Event.objects.all(), [f"title_{language}", f"summary_{language}"]),
            (
                "figures",
                Figure.objects.all(),
                [*_every_language("name"), "other_names", f"role_{language}", f"biography_{language}"],
            ),
            ("places", Place.objects.all(), [*_every_language("name"), f"description_{language}"]),
            (
                "panels",
                self.visible(
                    Panel.objects.filter(exhibit__in=self.visible(Exhibit.objects.all()))
                ).select_related("exhibit"),
                [f"title_{language}", f"body_{language}"],
            ),
        ]
        results = {
            name: list(search.matching(self.visible(queryset), fields, words)[: self.limit])
            for name, queryset, fields in sections
        }
        if self.shows_drafts():
            results = {name: preview.objects(found) for name, found in results.items()}
        return super().get_context_data(
            query=query,
            is_too_long=len(query) > search.MAX_QUERY_LENGTH,
            results=results,
            has_results=any(results.values()),
            **kwargs,
        )


def _every_language(field):
    return [f"{field}_{code}" for code, _name in settings.LANGUAGES]

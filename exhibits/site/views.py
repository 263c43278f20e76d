"""The public web site: /hu/… and /en/…, printed by Jinja2 (exhibits/site/jinja2/)."""

from types import SimpleNamespace

from django.db import connection
from django.db.models import Prefetch, Q
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.templatetags.static import static
from django.urls import get_script_prefix, reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext, ngettext
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, ListView, TemplateView
from django_filters.views import FilterView

from exhibits.content import search
from exhibits.content.reading import published_exhibit
from exhibits.editorial import preview
from exhibits.editorial.drafts import linked_pks
from exhibits.models import Event, Exhibit, Figure, GlossaryTerm, Panel, Place, Source
from exhibits.site import places as place_views
from exhibits.site.caching import published_page, shows_drafts
from exhibits.site.exhibit_page import (
    Card,
    bibliography_page,
    event_card,
    exhibit_page,
    figure_card,
    glossary_page,
    place_card,
    source_note,
)
from exhibits.site.filters import EventFilter
from exhibits.site.glossary import Glossary
from exhibits.site.jsonld import event_json_ld, person_json_ld, place_page_json_ld
from exhibits.site.rendering import (
    active_language,
    description,
    detail_path,
    event_when,
    image_url,
    long_day,
    markup_html,
    period,
    shown,
)


class VisitorMixin:
    """Published content only, or drafts too for staff previewing with ?preview."""

    template_engine = "jinja2"

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
        return super().get_context_data(
            is_preview=is_preview,
            preview_query=preview_query,
            # Looked up once for the templates: each lookup costs as much as a link made with it.
            page_language=active_language(),
            script_prefix=get_script_prefix(),
            **kwargs,
        )

    def meta(self, *, title, text="", kind="website", image=None):
        """What the page says of itself to search engines and link previews, in its language."""
        return SimpleNamespace(
            title=title,
            description=description(text) if text else "",
            kind=kind,
            image=self.request.build_absolute_uri(image_url(image)) if image_url(image) else "",
            url=self.request.build_absolute_uri(self.request.path),
        )

    def panels_of(self, obj, name):
        """The published panels of published exhibits linking to `obj` through field `name`."""
        panels = (
            Panel.objects.filter(**{name: obj}).select_related("exhibit").order_by("exhibit", "order", "pk")
        )
        if not self.shows_drafts():
            panels = panels.filter(status="published", exhibit__status="published")
        return [
            SimpleNamespace(
                code=panel.code,
                title=shown(panel, "title")[0],
                lang=shown(panel, "title")[1],
                exhibit=shown(panel.exhibit, "title")[0],
                exhibit_lang=shown(panel.exhibit, "title")[1],
                url=f"{detail_path('exhibits:exhibit-detail', panel.exhibit.slug)}#panel-{panel.code}",
            )
            for panel in panels
        ]

    def sources_of(self, obj):
        """The sources `obj` cites that visitors may see."""
        if self.shows_drafts():
            sources = Source.objects.filter(pk__in=linked_pks(obj, "sources"))
        else:
            sources = obj.sources.all()
        return [
            source_note(source) for source in sources.filter(is_internal=False).order_by("citation", "pk")
        ]

    def glossary(self):
        """Every published term, leading to the glossary of the first published exhibit holding it."""
        terms = GlossaryTerm.objects.published().prefetch_related(
            Prefetch("exhibits", queryset=Exhibit.objects.published().order_by("pk"), to_attr="shown_in")
        )

        def url_of(term):
            if not term.shown_in:
                return ""
            return f"{detail_path('exhibits:exhibit-glossary', term.shown_in[0].slug)}#{term.slug}"

        return Glossary(terms, url_of=url_of)


@method_decorator(published_page, name="dispatch")
class HomeView(VisitorMixin, ListView):
    template_name = "site/home.html"
    context_object_name = "exhibits"

    def get_queryset(self):
        return self.visible(Exhibit.objects.select_related("image")).order_by("-period_start", "pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        exhibits = preview.objects(context["object_list"]) if self.shows_drafts() else context["object_list"]
        context["exhibits"] = [
            SimpleNamespace(
                title=shown(exhibit, "title"),
                introduction=shown(exhibit, "introduction"),
                period=period(exhibit.period_start, exhibit.period_end),
                year=exhibit.period_start.year,
                image=exhibit.image,
                url=detail_path("exhibits:exhibit-detail", exhibit.slug),
            )
            for exhibit in exhibits
        ]
        context["meta"] = self.meta(
            title=gettext("Exhibits"),
            text=gettext(
                "Tárló: history exhibits in Hungarian and English, with their sources, people and places."
            ),
        )
        return context


class ExhibitPageMixin(VisitorMixin):
    def get_queryset(self):
        return self.visible(Exhibit.objects.select_related("image"))

    def get_object(self, queryset=None):
        if self.shows_drafts():
            return super().get_object(queryset)
        exhibit = published_exhibit(slug=self.kwargs["slug"])
        if exhibit is None:
            raise Http404(gettext("No published exhibit is at this address."))
        return exhibit


@method_decorator(published_page, name="dispatch")
class ExhibitDetailView(ExhibitPageMixin, DetailView):
    template_name = "site/exhibit_detail.html"

    def get_context_data(self, **kwargs):
        page = exhibit_page(self.object, drafts=self.shows_drafts())
        return super().get_context_data(
            page=page,
            meta=self.meta(
                title=page.title, text=page.introduction_text, kind="article", image=page.image_object
            ),
            **kwargs,
        )


@method_decorator(published_page, name="dispatch")
class ExhibitSourcesView(ExhibitPageMixin, DetailView):
    template_name = "site/bibliography.html"

    def get_context_data(self, **kwargs):
        page = bibliography_page(self.object, drafts=self.shows_drafts())
        title = gettext("Sources: %(exhibit)s") % {"exhibit": page.title}
        return super().get_context_data(
            page=page, meta=self.meta(title=title, text=page.description), **kwargs
        )


@method_decorator(published_page, name="dispatch")
class ExhibitGlossaryView(ExhibitPageMixin, DetailView):
    template_name = "site/glossary.html"

    def get_context_data(self, **kwargs):
        page = glossary_page(self.object, drafts=self.shows_drafts())
        title = gettext("Glossary: %(exhibit)s") % {"exhibit": page.title}
        return super().get_context_data(
            page=page, meta=self.meta(title=title, text=page.description), **kwargs
        )


@method_decorator(published_page, name="dispatch")
class EventDetailView(VisitorMixin, DetailView):
    template_name = "site/event_detail.html"

    def get_queryset(self):
        return self.visible(Event.objects.select_related("place"))

    def get_context_data(self, **kwargs):
        event, language = self.object, active_language()
        figures, place = self.visible(event.figures.all()).alphabetical(), event.place
        if self.shows_drafts():  # the draft's links, with the linked objects' own drafts
            figures = preview.objects(
                Figure.objects.filter(pk__in=linked_pks(event, "figures")).alphabetical()
            )
            place = preview.one(place)
        place = place if place and (place.is_published or self.shows_drafts()) else None
        summary, summary_lang = shown(event, "summary")
        title = shown(event, "title")[0]
        chronological = self.visible(Event.objects.all()).chronological()
        earlier = chronological.filter(start_date__lte=event.start_date).exclude(pk=event.pk)
        return super().get_context_data(
            event=event,
            title=shown(event, "title"),
            when=event_when(event),
            summary=self.glossary().mark(markup_html(summary), language=language),
            summary_lang=summary_lang,
            place=place,
            place_card=place_card(place, language) if place else None,
            places=place_views.mapped([place] if place else [], language),
            figures=[figure_card(figure, language) for figure in figures],
            panels=self.panels_of(event, "events"),
            sources=self.sources_of(event),
            previous=_neighbour(earlier.filter(_before(event)).reverse().first(), language),
            next=_neighbour(chronological.filter(_after(event)).first(), language),
            meta=self.meta(title=title, text=summary, kind="article"),
            json_ld=event_json_ld(
                event,
                url=self.request.build_absolute_uri(self.request.path),
                language=self.request.LANGUAGE_CODE,
            ),
            **kwargs,
        )


def _before(event):
    same_moment = Q(start_date=event.start_date, start_time=event.start_time, pk__lt=event.pk)
    if event.start_time is None:
        return Q(start_date__lt=event.start_date) | Q(
            start_date=event.start_date, start_time__isnull=True, pk__lt=event.pk
        )
    return (
        Q(start_date__lt=event.start_date)
        | Q(start_date=event.start_date, start_time__isnull=True)
        | Q(start_date=event.start_date, start_time__lt=event.start_time)
        | same_moment
    )


def _after(event):
    if event.start_time is None:
        return (
            Q(start_date__gt=event.start_date)
            | Q(start_date=event.start_date, start_time__isnull=False)
            | Q(start_date=event.start_date, start_time__isnull=True, pk__gt=event.pk)
        )
    return (
        Q(start_date__gt=event.start_date)
        | Q(start_date=event.start_date, start_time__gt=event.start_time)
        | Q(start_date=event.start_date, start_time=event.start_time, pk__gt=event.pk)
    )


def _neighbour(event, language):
    return event_card(event, language) if event else None


@method_decorator(published_page, name="dispatch")
class FigureDetailView(VisitorMixin, DetailView):
    template_name = "site/figure_detail.html"
    context_object_name = "figure"

    def get_queryset(self):
        return self.visible(Figure.objects.select_related("portrait"))

    def get_context_data(self, **kwargs):
        figure, language = self.object, active_language()
        events = self.visible(figure.events.select_related("place")).chronological()
        if self.shows_drafts():
            events = preview.objects(events)
        biography, biography_lang = shown(figure, "biography")
        name = shown(figure, "name")[0]
        return super().get_context_data(
            name=shown(figure, "name"),
            role=shown(figure, "role"),
            biography=self.glossary().mark(markup_html(biography), language=language),
            biography_lang=biography_lang,
            events=[event_card(event, language) for event in events],
            panels=self.panels_of(figure, "figures"),
            sources=self.sources_of(figure),
            meta=self.meta(
                title=name, text=biography or shown(figure, "role")[0], kind="profile", image=figure.portrait
            ),
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
        place, language = self.object, active_language()
        events = self.visible(place.events.all()).chronological()
        if self.shows_drafts():
            events = preview.objects(events)
        text, text_lang = shown(place, "description")
        name = shown(place, "name")[0]
        return super().get_context_data(
            name=shown(place, "name"),
            area=shown(place, "area"),
            description=self.glossary().mark(markup_html(text), language=language),
            description_lang=text_lang,
            places=place_views.mapped([place], language),
            events=[event_card(event, language) for event in events],
            panels=self.panels_of(place, "places"),
            sources=self.sources_of(place),
            meta=self.meta(title=name, text=text or shown(place, "area")[0], kind="article"),
            json_ld=place_page_json_ld(
                place,
                url=self.request.build_absolute_uri(self.request.path),
                language=self.request.LANGUAGE_CODE,
            ),
            **kwargs,
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
        events = context["object_list"]
        if self.shows_drafts():
            events = preview.objects(events)
        language = active_language()
        days = []
        for event in events:
            if not days or days[-1].date != event.start_date:
                days.append(
                    SimpleNamespace(date=event.start_date, label=long_day(event.start_date), events=[])
                )
            place_name = shown(event.place, "name") if event.place_id and event.place.is_published else None
            days[-1].events.append(
                SimpleNamespace(
                    card=event_card(event, language),
                    when=event_when(event),
                    category=event.get_category_display(),
                    place=place_name,
                    slug=event.slug,
                )
            )
        context["days"] = days
        if context.get("paginator"):
            count = context["paginator"].count
            context["count"] = ngettext("%(count)d event", "%(count)d events", count) % {"count": count}
            context["page_of"] = gettext("Page %(number)s of %(total)s") % {
                "number": context["page_obj"].number,
                "total": context["paginator"].num_pages,
            }
        context["events"] = events
        query = self.request.GET.copy()
        query.pop("page", None)
        context["filter_query"] = query.urlencode()
        context["meta"] = self.meta(
            title=gettext("Timeline"),
            text=gettext(
                "Every event of the exhibits day by day, with filters by date, category, person and place."
            ),
        )
        context["json_ld"] = [
            event_json_ld(
                event,
                url=self.request.build_absolute_uri(detail_path("exhibits:event-detail", event.slug)),
                language=self.request.LANGUAGE_CODE,
            )
            for event in events
        ]
        return context


def event_path(event):
    return reverse("exhibits:event-detail", kwargs={"slug": event.slug})


@method_decorator(published_page(parameters=["q"], kept=False), name="dispatch")
class SearchView(VisitorMixin, TemplateView):
    """Events, people, places and panels holding every word of the query, best first, with the
    matched words marked (exhibits/content/search.py says how, on PostgreSQL and on SQLite)."""

    template_name = "site/search.html"
    limit = 20

    def sections(self):
        """(name, heading, published queryset, search document, card) of each kind of result."""
        panels = self.visible(Panel.objects.filter(exhibit__in=self.visible(Exhibit.objects.all())))
        return [
            ("figures", gettext("People"), Figure.objects.all(), "figure", figure_card),
            ("events", gettext("Events"), Event.objects.all(), "event", event_card),
            ("places", gettext("Places"), Place.objects.all(), "place", place_card),
            ("panels", gettext("Panels"), panels.select_related("exhibit"), "panel", _panel_card),
        ]

    def found(self, queryset, document, language, query_words):
        """The matching objects, best first where the database ranks, each with its `snippet`."""
        ranked = connection.vendor == "postgresql"
        found = list(
            search.matching(self.visible(queryset), document, language, query_words, ranked=ranked)[
                : self.limit
            ]
        )
        snippets = {
            obj.pk: search.highlighted(obj.snippet, getattr(obj, f"{document.snippet}_{language}"))
            if ranked
            else search.folded_snippet(getattr(obj, f"{document.snippet}_{language}"), query_words)
            for obj in found
        }
        if self.shows_drafts():
            found = preview.objects(found)
        return [(obj, snippets[obj.pk]) for obj in found]

    def get_context_data(self, **kwargs):
        query = search.cleaned(self.request.GET.get("q", ""))
        query_words = search.words(query)
        language = active_language()
        results = []
        for name, heading, queryset, document, card in self.sections():
            cards = []
            for obj, snippet in self.found(queryset, search.DOCUMENTS[document], language, query_words):
                cards.append(
                    SimpleNamespace(**card(obj, language)._asdict(), snippet=snippet, snippet_lang=language)
                )
            if cards:
                results.append(SimpleNamespace(name=name, heading=heading, cards=cards))
        raw_query = self.request.GET.get("q", "")
        return super().get_context_data(
            query=query,
            message=_search_message(
                raw_query, query, query_words, is_asked="q" in self.request.GET, has_results=bool(results)
            ),
            results=results,
            meta=self.meta(
                title=gettext("Search"),
                text=gettext(
                    "Find people, places, events and panels of the exhibits, in Hungarian or English."
                ),
            ),
            **kwargs,
        )


def _search_message(raw_query, query, query_words, *, is_asked, has_results):
    """What the page says of the query: nothing when results show and all of it was searched."""
    if not raw_query.strip():
        return gettext("Type a name, a place or a word to search for.") if is_asked else ""
    if not query_words:
        return gettext("“%(query)s” holds no word to search for: type letters or numbers.") % {"query": query}
    notes = []
    if len(raw_query.strip()) > search.MAX_QUERY_LENGTH:
        notes.append(gettext("Only the first 100 characters were searched."))
    elif len(search.all_words(query)) > search.MAX_TERMS:
        notes.append(gettext("Only the first 8 words were searched."))
    if not has_results:
        notes.append(gettext("Nothing was found for “%(query)s”.") % {"query": query})
        if len(query_words) > 1:
            notes.append(gettext("Results hold every word: try fewer words, or another spelling."))
    return " ".join(notes)


def _panel_card(panel, language):
    title, lang = shown(panel, "title", language)
    return Card(
        kind_label=gettext("Panel"),
        kind="panel",
        url=f"{detail_path('exhibits:exhibit-detail', panel.exhibit.slug, language)}#panel-{panel.code}",
        title=title,
        lang=lang,
        fact=panel.code,
        fact_lang=language,
    )


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    """Everything public may be indexed; the admin and the kiosks are not for search engines."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /kiosk/",
        "Disallow: /*?preview",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
@cache_control(max_age=86400, public=True)
def favicon(request):
    """Browsers ask for /favicon.ico whatever a page links to: send them the icon."""
    return HttpResponseRedirect(static("site/favicon.png"))

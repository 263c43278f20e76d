"""What the exhibit page prints, worked out once in plain Python: texts with their lang, addresses,
dates and images, so that the template only puts strings in place.

Visitors' pages read published content in 6 queries (content version, exhibit, panels, and one
query per kind of link, as values); a staff preview reads drafts too through content.panels_of.
Both end in the same `panel_view`, so a preview looks exactly as the published page will.
"""

from types import SimpleNamespace

from django.conf import settings
from django.db.models import F
from django.utils.translation import get_language

from exhibits.content.reading import panels_of, published_panel_links, published_panels
from exhibits.editorial import preview
from exhibits.site.rendering import IMAGE_FIELDS, detail_path, event_when, image_html, markup_html, shown


def _translated(*fields):
    return [f"{field}_{code}" for field in fields for code, _name in settings.LANGUAGES]


# kind of link: (detail view, the field its text is, the fields the page reads)
LINKED = {
    "events": (
        "exhibits:event-detail",
        "title",
        [
            "slug",
            *_translated("title", "time_label"),
            "start_date",
            "start_time",
            "end_date",
            "precision",
            "is_approximate",
            "is_uncertain",
        ],
    ),
    "figures": ("exhibits:figure-detail", "name", ["slug", *_translated("name")]),
    "places": ("exhibits:place-detail", "name", ["slug", *_translated("name")]),
}
PANEL_FIELDS = ["pk", "code", *_translated("title", "body")]


def exhibit_page(exhibit, *, drafts=False):
    """The context of site/exhibit_detail.html for `exhibit` in the active language."""
    language = get_language()
    panels, links = _with_drafts(exhibit) if drafts else _published(exhibit, language)
    title, title_lang = shown(exhibit, "title", language)
    introduction, introduction_lang = shown(exhibit, "introduction", language)
    return SimpleNamespace(
        title=title,
        title_lang=title_lang,
        image=image_html(exhibit.image),
        introduction=markup_html(introduction),
        introduction_lang=introduction_lang,
        panels=[
            panel_view(panel, {kind: links[kind].get(panel.pk, []) for kind in LINKED}, language)
            for panel in panels
        ],
    )


def panel_view(panel, links, language):
    """One panel as the page prints it; `links` maps each kind in LINKED to the linked objects."""
    title, title_lang = shown(panel, "title", language)
    body, body_lang = shown(panel, "body", language)
    view = SimpleNamespace(
        code=panel.code,
        title=title,
        title_lang=title_lang,
        image=image_html(panel.image),
        body=markup_html(body),
        body_lang=body_lang,
    )
    for kind, (view_name, field, _fields) in LINKED.items():
        setattr(view, kind, [_link(obj, view_name, field, language) for obj in links[kind]])
    view.has_links = any(getattr(view, kind) for kind in LINKED)
    return view


def _link(obj, view_name, field, language):
    text, lang = shown(obj, field, language)
    link = SimpleNamespace(url=detail_path(view_name, obj.slug, language), text=text, lang=lang)
    if hasattr(obj, "start_date"):
        link.when = event_when(obj, language)
    return link


def _published(exhibit, language):
    # The orders of content.panels_of, where django-modeltranslation sorts by the active language.
    order = {
        "events": ["event__start_date", F("event__start_time").asc(nulls_first=True)],
        "figures": [f"figure__sort_name_{language}"],
        "places": [f"place__name_{language}"],
    }
    links = {
        kind: published_panel_links(exhibit, kind, fields, order_by=order[kind])
        for kind, (_view, _field, fields) in LINKED.items()
    }
    return published_panels(exhibit, PANEL_FIELDS, IMAGE_FIELDS), links


def _with_drafts(exhibit):
    """Every panel, pending drafts applied (exhibits.preview), for staff previewing."""
    panels = preview.panels(panels_of(exhibit, drafts=True))
    links = {kind: {panel.pk: list(getattr(panel, kind).all()) for panel in panels} for kind in LINKED}
    return panels, links

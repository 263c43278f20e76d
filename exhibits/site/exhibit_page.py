"""What the exhibit page prints, worked out once in plain Python from the exhibit's contents
(exhibits.content.reading): texts with their lang, addresses, dates and images, so that the
template only puts strings in place. A staff preview reads the contents with drafts and ends in
the same `panel_view`, so it looks exactly as the published page will.
"""

from types import SimpleNamespace

from django.utils.translation import get_language

from exhibits.content.reading import read_exhibit
from exhibits.site.rendering import detail_path, event_when, image_html, markup_html, shown

# kind of link: (detail view, the field its text is)
LINKED = {
    "events": ("exhibits:event-detail", "title"),
    "figures": ("exhibits:figure-detail", "name"),
    "places": ("exhibits:place-detail", "name"),
}


def exhibit_page(exhibit, *, drafts=False):
    """The context of site/exhibit_detail.html for `exhibit` in the active language."""
    language = get_language()
    contents = read_exhibit(exhibit, drafts=drafts)
    exhibit = contents.exhibit
    title, title_lang = shown(exhibit, "title", language)
    introduction, introduction_lang = shown(exhibit, "introduction", language)
    return SimpleNamespace(
        title=title,
        title_lang=title_lang,
        image=image_html(contents.image_of(exhibit)),
        introduction=markup_html(introduction),
        introduction_lang=introduction_lang,
        panels=[panel_view(panel, contents, language) for panel in contents.panels],
    )


def panel_view(panel, contents, language):
    """One panel as the page prints it, with what it links to."""
    title, title_lang = shown(panel, "title", language)
    body, body_lang = shown(panel, "body", language)
    view = SimpleNamespace(
        code=panel.code,
        title=title,
        title_lang=title_lang,
        image=image_html(contents.image_of(panel)),
        body=markup_html(body),
        body_lang=body_lang,
    )
    for kind, (view_name, field) in LINKED.items():
        setattr(view, kind, [_link(obj, view_name, field, language) for obj in contents.linked(panel, kind)])
    view.has_links = any(getattr(view, kind) for kind in LINKED)
    return view


def _link(obj, view_name, field, language):
    text, lang = shown(obj, field, language)
    link = SimpleNamespace(url=detail_path(view_name, obj.slug, language), text=text, lang=lang)
    if hasattr(obj, "start_date"):
        link.when = event_when(obj, language)
    return link

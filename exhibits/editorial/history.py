"""Every change to content is kept, with who made it and when (django-simple-history).

History is registered after the translated fields exist (see the end of exhibits.translation),
so that each historical row holds every language's text. Every `save()` writes a row, whoever
calls it: the admin, a bulk action, an import or a command. Many-to-many links are kept too.
"""

import simple_history

from exhibits.models import Event, Exhibit, Figure, Image, Kiosk, Panel, Place, Source

TRACKED_MODELS = [Event, Exhibit, Figure, Image, Kiosk, Panel, Place, Source]

# Derived data, not edits: kept out of the history.
EXCLUDED_FIELDS = {Image: ["renditions"]}

M2M_FIELDS = {
    Event: ["figures", "sources"],
    Panel: ["events", "figures", "places", "sources"],
}


def register_history():
    for model in TRACKED_MODELS:
        if not hasattr(model._meta, "simple_history_manager_attribute"):
            simple_history.register(
                model,
                app="exhibits",
                m2m_fields=M2M_FIELDS.get(model, []),
                excluded_fields=EXCLUDED_FIELDS.get(model, []),
            )


def is_tracked(model):
    return hasattr(model._meta, "simple_history_manager_attribute")

"""Every change to content is kept, with who made it and when (django-simple-history).

History is registered after the translated fields exist (see the end of exhibits.translation),
so that each historical row holds every language's text. Every `save()` writes a row, whoever
calls it: the admin, a bulk action, an import or a command. Many-to-many links are kept too.
"""

import simple_history

from exhibits.content.models import CONTENT_MODELS
from exhibits.editorial.models import Schedule
from exhibits.kiosks.models import Kiosk

TRACKED_MODELS = [*CONTENT_MODELS, Kiosk, Schedule]

# Derived data, not edits: kept out of the history.
EXCLUDED_FIELDS = {"image": ["renditions"]}


def register_history():
    for model in TRACKED_MODELS:
        if not is_tracked(model):
            simple_history.register(
                model,
                app="exhibits",
                m2m_fields=[field.name for field in model._meta.many_to_many],
                excluded_fields=EXCLUDED_FIELDS.get(model._meta.model_name, []),
            )


def is_tracked(model):
    return hasattr(model._meta, "simple_history_manager_attribute")

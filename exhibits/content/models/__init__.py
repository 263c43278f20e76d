"""The content of exhibits, one module per kind, re-exported here."""

from exhibits.content.models.base import Publishable, PublishableQuerySet, Status, Translated
from exhibits.content.models.events import Category, Event, Precision
from exhibits.content.models.exhibits import Exhibit, Panel
from exhibits.content.models.figures import Figure
from exhibits.content.models.glossary import GlossaryTerm
from exhibits.content.models.images import Image
from exhibits.content.models.places import Place
from exhibits.content.models.sources import Source
from exhibits.content.models.version import ContentVersion

# What curators edit: the history keeps each change, exports and the content version count them.
CONTENT_MODELS = [Exhibit, Panel, Event, Figure, Place, Source, Image, GlossaryTerm]

__all__ = [
    "CONTENT_MODELS",
    "Category",
    "ContentVersion",
    "Event",
    "Exhibit",
    "Figure",
    "GlossaryTerm",
    "Image",
    "Panel",
    "Place",
    "Precision",
    "Publishable",
    "PublishableQuerySet",
    "Source",
    "Status",
    "Translated",
]

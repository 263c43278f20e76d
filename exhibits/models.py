from exhibits.content.models.base import Publishable, PublishableQuerySet, Status
from exhibits.content.models.events import Category, Event, Precision
from exhibits.content.models.exhibits import Exhibit, Panel
from exhibits.content.models.figures import Figure
from exhibits.content.models.images import Image
from exhibits.content.models.places import Place
from exhibits.content.models.sources import Source
from exhibits.editorial.models import Draft, EditVersion, PublicationRecord
from exhibits.kiosks.models import Kiosk

__all__ = [
    "Category",
    "Draft",
    "EditVersion",
    "Event",
    "Exhibit",
    "Figure",
    "Image",
    "Kiosk",
    "Panel",
    "Place",
    "Precision",
    "Publishable",
    "PublicationRecord",
    "PublishableQuerySet",
    "Source",
    "Status",
]

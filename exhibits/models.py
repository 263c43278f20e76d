"""Every model of the app, for Django and for imports that need several: each lives in its part."""

from exhibits.content.models import (
    Category,
    ContentVersion,
    Event,
    Exhibit,
    Figure,
    GlossaryTerm,
    Image,
    Panel,
    Place,
    Precision,
    Publishable,
    PublishableQuerySet,
    Source,
    Status,
    Translated,
)
from exhibits.editorial.models import Draft, EditVersion, PublicationRecord, Schedule
from exhibits.kiosks.models import Kiosk

__all__ = [
    "Category",
    "ContentVersion",
    "Draft",
    "EditVersion",
    "Event",
    "Exhibit",
    "Figure",
    "GlossaryTerm",
    "Image",
    "Kiosk",
    "Panel",
    "Place",
    "Precision",
    "Publishable",
    "PublicationRecord",
    "PublishableQuerySet",
    "Schedule",
    "Source",
    "Status",
    "Translated",
]

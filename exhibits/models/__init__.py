from .common import Publishable, PublishableQuerySet, Status
from .events import Category, Event, Precision
from .exhibits import Exhibit, Panel
from .figures import Figure
from .images import Image
from .kiosks import Kiosk
from .places import Place
from .sources import Source
from .workflow import Draft, EditVersion, PublicationRecord

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

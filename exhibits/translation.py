"""Which fields visitors read, and so exist once per language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from exhibits.models import Event, Exhibit, Figure, Image, Panel, Place


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "time_label")
    required_languages = ("hu",)


@register(Figure)
class FigureTranslationOptions(TranslationOptions):
    fields = ("name", "sort_name", "role", "biography")
    required_languages = ("hu",)


@register(Place)
class PlaceTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("hu",)


@register(Image)
class ImageTranslationOptions(TranslationOptions):
    fields = ("alt_text", "caption")


@register(Exhibit)
class ExhibitTranslationOptions(TranslationOptions):
    fields = ("title", "introduction")
    required_languages = ("hu",)


@register(Panel)
class PanelTranslationOptions(TranslationOptions):
    fields = ("title", "body")
    required_languages = ("hu",)


# History copies the columns of each model, so it is registered once the translated ones exist.
from exhibits.editorial.history import register_history  # noqa: E402

register_history()

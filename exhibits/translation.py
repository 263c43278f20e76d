"""Register with django-modeltranslation the fields each model declares as `translated_fields`."""

from django.apps import apps
from modeltranslation.translator import TranslationOptions, translator

for model in apps.get_app_config("exhibits").get_models():
    if getattr(model, "translated_fields", ()):
        options = type(
            f"{model.__name__}TranslationOptions",
            (TranslationOptions,),
            {"fields": tuple(model.translated_fields), "required_languages": tuple(model.required_languages)},
        )
        translator.register(model, options)

# History copies the columns of each model, so it is registered once the translated ones exist.
from exhibits.editorial.history import register_history  # noqa: E402

register_history()

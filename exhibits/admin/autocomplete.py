"""The image picker's search results, each with the address of its thumbnail."""

from django.contrib.admin.views.autocomplete import AutocompleteJsonView

from exhibits.admin.widgets import thumbnail_url


class ImageAutocompleteJsonView(AutocompleteJsonView):
    def serialize_result(self, obj, to_field_name):
        return {**super().serialize_result(obj, to_field_name), "thumbnail": thumbnail_url(obj)}

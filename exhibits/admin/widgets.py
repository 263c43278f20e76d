"""The image picker: an autocomplete whose choices show a small thumbnail of each image."""

from django.contrib.admin.widgets import AutocompleteSelect
from django.urls import reverse

from exhibits.content import images


def thumbnail_url(image):
    """The smallest rendition made when the image was saved; never made here."""
    return images.sized_url(image, "thumbnail") if image.file else ""


class ImageAutocompleteSelect(AutocompleteSelect):
    """Choices come from the image admin's autocomplete (with thumbnails); the chosen image
    carries its thumbnail in `data-thumbnail` for exhibits/admin/static/tarlo-admin/admin.js."""

    def get_url(self):
        return reverse(f"{self.admin_site.name}:exhibits_image_autocomplete")

    def optgroups(self, name, value, attrs=None):
        groups = super().optgroups(name, value, attrs)
        chosen = [option for _group, options, _index in groups for option in options if option["value"]]
        if chosen:
            model = self.field.remote_field.model
            found = {
                str(image.pk): image
                for image in model._default_manager.filter(pk__in=[o["value"] for o in chosen])
            }
            for option in chosen:
                image = found.get(str(option["value"]))
                if image is not None:
                    option["attrs"]["data-thumbnail"] = thumbnail_url(image)
        return groups

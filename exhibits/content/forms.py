from django import forms

from exhibits.content import images


class SafeImageField(forms.ImageField):
    """An image upload checked by content and limits before decoding, and stored without metadata."""

    def to_python(self, data):
        if data in self.empty_values:
            return None
        images.validate_upload(data)
        checked = super().to_python(data)
        return images.sanitize(checked, checked.name)

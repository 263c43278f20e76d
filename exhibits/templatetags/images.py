from django import template

from exhibits.site.rendering import DEFAULT_IMAGE_SIZES, image_html, picture

register = template.Library()


@register.inclusion_tag("site/_responsive_image.html")
def responsive_image(image, sizes="100vw", css_class="", size=""):
    """Render `image` as <picture> with WebP and fallback srcsets and alt text in the active language.

    With `size` (a name from TARLO_IMAGE_RENDITIONS) it is one file of that size instead.
    """
    if image is None or not image.file:
        return {"picture": None}
    return {"picture": picture(image, sizes=sizes, size=size), "css_class": css_class}


@register.simple_tag
def image(image, size="", sizes=DEFAULT_IMAGE_SIZES):
    """`image` as <figure> with its picture, caption and credit (exhibits.site.rendering.image_html)."""
    return image_html(image, size=size, sizes=sizes)

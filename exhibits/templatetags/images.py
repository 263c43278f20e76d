from django import template

from exhibits.content import images
from exhibits.site.rendering import DEFAULT_IMAGE_SIZES, image_html

register = template.Library()


@register.inclusion_tag("site/_responsive_image.html")
def responsive_image(image, sizes="100vw", css_class="", size=""):
    """Render `image` as <picture> with WebP and fallback srcsets and alt text in the active language.

    With `size` (a name from TARLO_IMAGE_RENDITIONS) it is one file of that size instead: kiosks
    know their screen and keep exactly the files they show for offline use.
    """
    if image is None or not image.file:
        return {"image": None}
    # Made when the image is saved (exhibits.content.signals), never while a page renders.
    renditions = [r for r in image.renditions if r["source"] == image.file.name]
    if size:
        rendition = images.sized(image, size)
        return {
            "image": image,
            "css_class": css_class,
            "src": images.sized_url(image, size),
            "width": rendition["width"] if rendition else image.width,
            "height": rendition["height"] if rendition else image.height,
            "object_position": object_position(image),
        }
    by_format = {}
    for rendition in sorted(renditions, key=lambda item: item["width"]):
        by_format.setdefault(rendition["format"], []).append(rendition)
    fallback_format = next((name for name in by_format if name != "WEBP"), "WEBP")
    fallback = by_format.get(fallback_format, [])
    largest = fallback[-1] if fallback else None
    return {
        "image": image,
        "sizes": sizes,
        "css_class": css_class,
        "webp_srcset": srcset(image, by_format.get("WEBP", [])) if fallback_format != "WEBP" else "",
        "srcset": srcset(image, fallback),
        "src": (
            images.rendition_url(image, fallback[min(1, len(fallback) - 1)]) if fallback else image.file.url
        ),
        "width": largest["width"] if largest else image.width,
        "height": largest["height"] if largest else image.height,
        "object_position": object_position(image),
    }


def object_position(image):
    return f"{image.focal_point_x * 100:g}% {image.focal_point_y * 100:g}%"


def srcset(image, renditions):
    return ", ".join(
        f"{images.rendition_url(image, rendition)} {rendition['width']}w" for rendition in renditions
    )


@register.simple_tag
def image(image, size="", sizes=DEFAULT_IMAGE_SIZES):
    """`image` through site/_image.html, rendered once per state of the image and language."""
    return image_html(image, size=size, sizes=sizes)

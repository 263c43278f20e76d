"""Safe image uploads, and the renditions every page reuses.

An upload is accepted only if its content (not its name) is JPEG, PNG or WebP, within the size
and pixel limits of settings; the pixel count is read from the header before anything is
decoded, so a small file declaring 30,000 × 30,000 pixels is refused without being unpacked.
Accepted images are turned upright (EXIF orientation) and saved again without metadata (EXIF,
XMP, comments), so camera location (GPS) or a photographer's notes never reach the public site.

Renditions (settings.TARLO_IMAGE_RENDITIONS: name → width) are made once per image file, in
its own format and in WebP, stored through Django's storage API and listed on the image itself
(`Image.renditions`), so a page that has the image has its renditions without another query,
and nothing is resized on a request twice.
"""

import functools
import io
import warnings
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image as PillowImage
from PIL import ImageOps

from exhibits.content.models import Image
from exhibits.content.version import note_change

ACCEPTED_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
SAVE_OPTIONS = {
    "JPEG": {"quality": 88, "optimize": True, "progressive": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 82, "method": 4},
}


# What Pillow reads into Image.info that is not metadata but needed to show the pixels right.
PIXEL_INFO = {"transparency"}


def read_header(file):
    """Return (format, width, height) from `file`'s header, or raise ValidationError."""
    file.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PillowImage.DecompressionBombWarning)
            with PillowImage.open(file) as image:  # reads the header only
                return image.format, image.width, image.height
    except (PillowImage.DecompressionBombError, PillowImage.DecompressionBombWarning) as error:
        raise too_many_pixels() from error
    except (OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            _("This file is not an image that can be read. Upload a JPEG, PNG or WebP file."),
            code="not_an_image",
        ) from error
    finally:
        file.seek(0)


def too_many_pixels(width=None, height=None):
    limit = settings.TARLO_IMAGE_MAX_PIXELS
    if width:
        message = _(
            "The image is %(width)d × %(height)d pixels; the limit is %(megapixels)d megapixels and "
            "%(side)d pixels a side. Make it smaller and upload it again."
        )
        params = {"width": width, "height": height}
    else:
        message = _("The image declares more pixels than the limit of %(megapixels)d megapixels.")
        params = {}
    params |= {"megapixels": limit // 1_000_000, "side": settings.TARLO_IMAGE_MAX_SIDE}
    return ValidationError(message, code="too_many_pixels", params=params)


def validate_upload(file):
    """Refuse, with a clear reason, anything but a JPEG, PNG or WebP within the limits."""
    if file.size > settings.TARLO_IMAGE_MAX_BYTES:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s."),
            code="too_large",
            params={
                "size": filesizeformat(file.size),
                "limit": filesizeformat(settings.TARLO_IMAGE_MAX_BYTES),
            },
        )
    image_format, width, height = read_header(file)
    if image_format not in ACCEPTED_FORMATS:
        raise ValidationError(
            _("This is a %(format)s file; upload a JPEG, PNG or WebP image."),
            code="wrong_format",
            params={"format": image_format or _("unknown")},
        )
    if width * height > settings.TARLO_IMAGE_MAX_PIXELS or max(width, height) > settings.TARLO_IMAGE_MAX_SIDE:
        raise too_many_pixels(width, height)
    return image_format


def sanitize(file, name):
    """Return `file` as a new upload: validated, turned upright, without metadata (GPS included)."""
    image_format = validate_upload(file)
    with PillowImage.open(file) as image:
        image.load()
        icc_profile = image.info.get("icc_profile")
        upright = ImageOps.exif_transpose(image)
        output = io.BytesIO()
        options = dict(SAVE_OPTIONS[image_format])
        if icc_profile:
            options["icc_profile"] = icc_profile
        if image_format == "JPEG" and upright.mode not in {"RGB", "L", "CMYK"}:
            upright = upright.convert("RGB")
        # Pillow writes some of what it read back out unasked (a JPEG's comment segment, for
        # one): keep only what the pixels need. The colour profile is passed on explicitly.
        upright.info = {key: value for key, value in upright.info.items() if key in PIXEL_INFO}
        upright.save(output, format=image_format, **options)  # no exif= : metadata is dropped
    stem = PurePosixPath(name).stem or "image"
    return SimpleUploadedFile(
        f"{stem}.{EXTENSIONS[image_format]}", output.getvalue(), content_type=ACCEPTED_FORMATS[image_format]
    )


def rendition_formats(image_format):
    return ["WEBP"] if image_format == "WEBP" else [image_format, "WEBP"]


def planned_widths(original_width):
    """Each rendition name with the width it gets: never wider than the original, never twice the same."""
    planned, seen = [], set()
    for spec, width in sorted(settings.TARLO_IMAGE_RENDITIONS.items(), key=lambda item: item[1]):
        width = min(width, original_width)
        if width not in seen:
            seen.add(width)
            planned.append((spec, width))
    return planned


def ensure_renditions(image):
    """Make the renditions `image` lacks (once per file), and return all of them.

    Each is a dict: spec, format, width, height, name (in the image's storage) and source (the
    image file it was made from). When they all exist this reads nothing from the database.
    """
    current = [r for r in image.renditions if r["source"] == image.file.name]
    stale = [r for r in image.renditions if r["source"] != image.file.name]
    have = {(r["spec"], r["format"]) for r in current}
    missing = [
        (spec, width, image_format)
        for spec, width in planned_widths(image.width or 0)
        for image_format in rendition_formats(format_of(image))
        if (spec, image_format) not in have
    ]
    if image.width and not missing and not stale:
        return current
    for rendition in stale:
        image.file.storage.delete(rendition["name"])
    with image.file.open("rb") as stored, PillowImage.open(stored) as source:
        source.load()
        source_format = source.format if source.format in ACCEPTED_FORMATS else "JPEG"
        for spec, width in planned_widths(source.width):
            for image_format in rendition_formats(source_format):
                if (spec, image_format) not in have:
                    current.append(make_rendition(image, source, spec, width, image_format))
    # Written with update(): renditions are derived files, not an edit to keep in the history.
    Image.objects.filter(pk=image.pk).update(renditions=current)
    note_change()  # the pages showing it now have new sizes to offer
    image.renditions = current
    return current


def rendition_url(image, rendition):
    return _stored_url(image.file.storage, rendition["name"])


# A stored file's address is a pure function of the storage and the file's name.
@functools.lru_cache(maxsize=8192)
def _stored_url(storage, name):
    return storage.url(name)


def sized(image, spec):
    """The widest rendition of `image` no wider than size `spec`, WebP first; None if none is made."""
    limit = settings.TARLO_IMAGE_RENDITIONS[spec]
    source = image.file.name
    fitting = [r for r in image.renditions if r["source"] == source and r["width"] <= limit]
    return max(fitting, key=lambda r: (r["width"], r["format"] == "WEBP"), default=None)


def sized_url(image, spec):
    """The address of `image` at size `spec`: one known file, for screens that cache what they show."""
    rendition = sized(image, spec)
    return rendition_url(image, rendition) if rendition else image.file.url


def format_of(image):
    """The image file's format, from its name (the upload was checked by content and renamed)."""
    extension = PurePosixPath(image.file.name).suffix.lower().lstrip(".")
    return {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "webp": "WEBP"}.get(extension, "JPEG")


def make_rendition(image, source, spec, width, image_format):
    height = max(1, round(source.height * width / source.width))
    resized = (
        source.resize((width, height), PillowImage.Resampling.LANCZOS) if width != source.width else source
    )
    if image_format == "JPEG" and resized.mode not in {"RGB", "L"}:
        resized = resized.convert("RGB")
    output = io.BytesIO()
    resized.save(output, format=image_format, **SAVE_OPTIONS[image_format])
    stem = PurePosixPath(image.file.name).stem
    name = image.file.storage.save(
        f"renditions/{image.pk}/{stem}-{spec}.{EXTENSIONS[image_format]}", ContentFile(output.getvalue())
    )
    return {
        "spec": spec,
        "format": image_format,
        "width": width,
        "height": height,
        "name": name,
        "source": image.file.name,
    }

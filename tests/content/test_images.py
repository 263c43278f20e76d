import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation
from PIL import Image as PillowImage

from exhibits.content import images
from exhibits.models import Image


def png_bytes(width=40, height=30, color=(200, 30, 30)):
    output = io.BytesIO()
    PillowImage.new("RGB", (width, height), color).save(output, format="PNG")
    return output.getvalue()


def jpeg_with_gps_and_rotation(width=60, height=40):
    """A landscape JPEG whose EXIF says "rotate 90°" and carries a GPS position."""
    picture = PillowImage.new("RGB", (width, height), (10, 120, 200))
    exif = PillowImage.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to display
    exif[0x8825] = {1: "N", 2: (47.0, 30.0, 0.0), 3: "E", 4: (19.0, 2.0, 0.0)}  # GPS
    output = io.BytesIO()
    picture.save(output, format="JPEG", exif=exif)
    return output.getvalue()


def png_declaring(width, height):
    """A tiny PNG file whose header declares `width` × `height` pixels."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 16))
        + chunk(b"IEND", b"")
    )


def upload(name, data, content_type="image/png"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def test_a_tiny_file_declaring_thirty_thousand_pixels_a_side_is_refused_without_decoding():
    data = png_declaring(30_000, 30_000)
    assert len(data) < 100

    with pytest.raises(ValidationError) as refused:
        images.validate_upload(upload("huge.png", data))

    assert refused.value.code == "too_many_pixels"


def test_an_image_over_the_pixel_limit_says_its_size_and_the_limit(settings):
    settings.TARLO_IMAGE_MAX_PIXELS = 1_000_000

    with pytest.raises(ValidationError) as refused:
        images.validate_upload(upload("big.png", png_declaring(2000, 1000)))

    assert "2000 × 1000" in refused.value.messages[0]


def test_a_file_over_the_size_limit_is_refused(settings):
    settings.TARLO_IMAGE_MAX_BYTES = 100

    with pytest.raises(ValidationError) as refused:
        images.validate_upload(upload("photo.png", png_bytes()))

    assert refused.value.code == "too_large"


def test_the_format_is_judged_by_content_not_by_name():
    output = io.BytesIO()
    PillowImage.new("RGB", (10, 10)).save(output, format="GIF")

    with pytest.raises(ValidationError) as refused:
        images.validate_upload(upload("photo.jpg", output.getvalue(), "image/jpeg"))

    assert refused.value.code == "wrong_format"
    assert "GIF" in refused.value.messages[0]


def test_a_png_named_jpg_is_accepted_and_stored_as_png():
    cleaned = images.sanitize(upload("photo.jpg", png_bytes()), "photo.jpg")

    assert cleaned.name == "photo.png"


def test_an_upload_loses_its_location_and_is_turned_upright():
    cleaned = images.sanitize(upload("photo.jpg", jpeg_with_gps_and_rotation(), "image/jpeg"), "photo.jpg")

    with PillowImage.open(cleaned) as result:
        assert result.size == (40, 60)
        exif = result.getexif()
        assert 0x8825 not in exif and 0x0112 not in exif


def test_an_uploaded_jpegs_comment_is_dropped_like_its_exif():
    picture = io.BytesIO()
    PillowImage.new("RGB", (20, 10), "red").save(picture, format="JPEG", comment=b"Shot at Kossuth ter 14/b")

    cleaned = images.sanitize(upload("photo.jpg", picture.getvalue(), "image/jpeg"), "photo.jpg").read()

    assert b"Kossuth" not in cleaned
    with PillowImage.open(io.BytesIO(cleaned)) as result:
        assert "comment" not in result.info


def test_a_transparent_png_stays_transparent():
    picture = io.BytesIO()
    PillowImage.new("P", (20, 10), 0).save(picture, format="PNG", transparency=0)

    cleaned = images.sanitize(upload("logo.png", picture.getvalue()), "logo.png")

    with PillowImage.open(cleaned) as result:
        assert result.info.get("transparency") == 0


def test_the_admin_refuses_a_disguised_file_with_a_clear_error(staff_client):
    response = staff_client.post(
        reverse("admin:exhibits_image_add"),
        {
            "file": upload("photo.png", png_declaring(30_000, 30_000)),
            "focal_point_x": "0.5",
            "focal_point_y": "0.5",
        },
    )

    assert "megapixel" in str(response.context["adminform"].form.errors["file"])
    assert not Image.objects.exists()


def test_the_admin_stores_an_upload_without_its_gps(staff_client):
    response = staff_client.post(
        reverse("admin:exhibits_image_add"),
        {
            "file": upload("photo.jpg", jpeg_with_gps_and_rotation(), "image/jpeg"),
            "alt_text_hu": "Kép",
            "focal_point_x": "0.5",
            "focal_point_y": "0.5",
        },
    )

    assert response.status_code == 302
    image = Image.objects.get()
    assert (image.width, image.height) == (40, 60)
    with image.file.open("rb") as stored, PillowImage.open(stored) as result:
        assert 0x8825 not in result.getexif()


@pytest.fixture
def image(db, settings):
    settings.TARLO_IMAGE_RENDITIONS = {"thumbnail": 100, "medium": 300, "kiosk": 1920}
    image = Image(alt_text_hu="Tüntetők a Bem téren", alt_text_en="Demonstrators on Bem Square")
    image.file.save("bem.png", ContentFile(png_bytes(600, 400)), save=True)
    return image


def test_renditions_are_made_once_in_each_size_and_in_webp(image, django_assert_num_queries):
    made = images.ensure_renditions(image)

    assert sorted((r["format"], r["width"]) for r in made) == [
        ("PNG", 100),
        ("PNG", 300),
        ("PNG", 600),
        ("WEBP", 100),
        ("WEBP", 300),
        ("WEBP", 600),
    ]
    stored = Image.objects.get()
    with django_assert_num_queries(0):
        again = images.ensure_renditions(stored)
    assert again == made
    assert all(stored.file.storage.exists(r["name"]) for r in made)


def test_a_new_file_replaces_the_renditions_of_the_old_one(image):
    images.ensure_renditions(image)
    image.file.save("other.png", ContentFile(png_bytes(200, 100)), save=True)

    made = images.ensure_renditions(image)

    assert {r["width"] for r in made} == {100, 200}
    assert Image.objects.get().renditions == made
    assert not any("bem" in r["name"] for r in made)


def test_the_responsive_image_tag_offers_webp_and_fallback_sizes_with_alt_text_in_the_active_language(image):
    images.ensure_renditions(image)  # as saving it does, once committed
    template = Template('{% include "site/_image.html" with image=image sizes="50vw" %}')

    with translation.override("en"):
        html = template.render(Context({"image": image}))

    assert '<source type="image/webp" srcset="' in html and " 100w, " in html and " 600w" in html
    assert 'sizes="50vw"' in html
    assert 'alt="Demonstrators on Bem Square"' in html
    with translation.override("hu"):
        assert 'alt="Tüntetők a Bem téren"' in template.render(Context({"image": image}))

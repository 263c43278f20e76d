"""Map tiles made on request, for browser tests and screenshots: the repository fetches no tiles.

`tests.site.tiles_settings` serves them at /test-tiles/{z}/{x}/{y}.png beside the whole site.
"""

import io

from django.http import HttpResponse
from django.urls import path
from PIL import Image, ImageDraw

from museum.urls import urlpatterns as site_urlpatterns


def tile(request, z, x, y):
    """A 256-pixel tile: muted paper with a faint grid, so a test can tell tiles were drawn."""
    image = Image.new("RGB", (256, 256), (233, 228, 216))
    draw = ImageDraw.Draw(image)
    for offset in range(0, 256, 64):
        draw.line([(offset, 0), (offset, 255)], fill=(214, 207, 192))
        draw.line([(0, offset), (255, offset)], fill=(214, 207, 192))
    draw.rectangle([0, 0, 255, 255], outline=(200, 192, 176))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return HttpResponse(buffer.getvalue(), content_type="image/png")


urlpatterns = [path("test-tiles/<int:z>/<int:x>/<int:y>.png", tile, name="test-tile"), *site_urlpatterns]

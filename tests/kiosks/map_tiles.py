"""A stand-in map tile server for tests: generated 256 px PNG tiles, on a free 127.0.0.1 port.

Each tile is drawn from its z/x/y (a muted ground, a street grid, its address), so a test can
tell a tile from an empty map without any network or real map data.
"""

import io
import re
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from PIL import Image, ImageDraw

TILE = re.compile(r"^/(\d+)/(\d+)/(\d+)\.png$")


def tile_png(z, x, y):
    image = Image.new("RGB", (256, 256), (232, 226, 214))
    draw = ImageDraw.Draw(image)
    for offset in range(0, 256, 64):
        shift = (x * 37 + y * 11 + offset) % 48
        draw.line([(offset + shift, 0), (offset + shift // 2, 255)], fill=(255, 252, 245), width=6)
        draw.line([(0, offset + shift), (255, offset)], fill=(255, 252, 245), width=4)
    draw.rectangle([0, 0, 255, 255], outline=(210, 202, 188))
    draw.text((8, 8), f"{z}/{x}/{y}", fill=(150, 142, 128))
    output = io.BytesIO()
    image.save(output, format="PNG")
    return output.getvalue()


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        match = TILE.match(self.path)
        if not match:
            self.send_error(404)
            return
        self.server.requested.append(self.path)
        body = tile_png(*(int(part) for part in match.groups()))
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class TileServer:
    """Serves /z/x/y.png until stopped; `template` is the TARLO_MAP_TILES_URL that points at it."""

    def __init__(self):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), _Handler)
        self.httpd.requested = []
        self.template = f"http://127.0.0.1:{port}/{{z}}/{{x}}/{{y}}.png"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def requested(self):
        return self.httpd.requested

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()

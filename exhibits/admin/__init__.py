"""The curators' admin: one module per kind of content, registered on import."""

from . import content, exhibits, kiosks, media  # noqa: F401

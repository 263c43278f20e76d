"""Reading an uploaded or named file safely: a size limit checked before anything is parsed."""

import os

from django.conf import settings
from django.utils.translation import gettext as _


class FileTooLarge(ValueError):
    pass


def max_import_bytes():
    return settings.TARLO_IMPORT_MAX_BYTES


def read_limited(file):
    """Return the bytes of binary `file`, refusing one larger than the import size limit.

    The size is checked first from what the file says of itself (an upload's `size`, a file's
    length on disk), and in any case no more than the limit plus one byte is read.
    """
    limit = max_import_bytes()
    size = _size_of(file)
    if size is None or size <= limit:
        data = file.read(limit + 1)
        if len(data) <= limit:
            return data
    raise FileTooLarge(
        _("The file is larger than the %(limit)s MB that an import may be.")
        % {"limit": round(limit / 2**20, 1)}
    )


def _size_of(file):
    size = getattr(file, "size", None)
    if size is not None:
        return size
    try:
        return os.fstat(file.fileno()).st_size
    except (AttributeError, OSError, ValueError):
        return None

class ExportError(ValueError):
    """An export that cannot be made as asked; the message says what to change."""


class Exporter:
    """One export format: what it is called, and how it writes an exhibit's records.

    `write(records, stream)` writes `exhibit_records()` output to a binary stream.
    """

    name = ""
    label = ""
    content_type = "application/octet-stream"
    file_extension = ""

    def write(self, records, stream):
        raise NotImplementedError

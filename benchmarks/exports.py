"""Time each export of a large exhibit, and show that CSV and XLIFF stream.

Builds exhibits of 1,000 and 4,000 panels inside a transaction that is rolled back, so the
database is left as it was.
"""

import datetime
import io
import tempfile
import time
import tracemalloc

from django.db import transaction

from exhibits.exports import FORMATS, export_exhibit
from exhibits.models import Exhibit, Panel
from exhibits.translations.importing import TranslationImportError, import_translations

BODY_HU = "A diákok *csendben* vonultak a Bem térre.\n\n- Petőfi-szobor\n- Bem-szobor\n\n" + " ".join(
    ["Gerő Ernő beszéde este 8 órakor olaj volt a tűzre."] * 12
)
BODY_EN = "The students marched *in silence* to Bem Square.\n\n- Petőfi statue\n- Bem statue\n\n" + " ".join(
    ["Ernő Gerő’s speech at 8 p.m. added fuel to the fire."] * 12
)
STREAMING = ["csv", "xliff"]


class Rollback(Exception):
    pass


class NullStream(io.RawIOBase):
    """Counts what is written and keeps none of it."""

    def __init__(self):
        self.size = 0

    def writable(self):
        return True

    def write(self, data):
        self.size += len(data)
        return len(data)


def build_exhibit(panels, slug):
    exhibit = Exhibit.objects.create(
        title_hu="1956",
        title_en="1956",
        slug=slug,
        period_start=datetime.date(1956, 10, 23),
        period_end=datetime.date(1956, 11, 4),
    )
    Panel.objects.bulk_create(
        Panel(
            exhibit=exhibit,
            order=number,
            code=f"56-{number:04d}",
            title_hu=f"Tabló {number}",
            title_en=f"Panel {number}" if number % 3 else "",
            body_hu=BODY_HU,
            body_en=BODY_EN,
        )
        for number in range(panels)
    )
    return exhibit


def peak_memory(exhibit, format):
    tracemalloc.start()
    try:
        export_exhibit(exhibit=exhibit, format=format, stream=NullStream())
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def run(stdout, *, panels=1000, large=4000):
    """Print the time of each export of a `panels`-panel exhibit, and the peak memory of the
    streaming formats at `panels` and `large` panels."""
    try:
        with transaction.atomic():
            exhibit = build_exhibit(panels, "benchmark-exports")
            stdout.write(f"exports of an exhibit of {panels} panels (target: under 2 s each)")
            for format in FORMATS:
                stream = NullStream()
                started = time.perf_counter()
                export_exhibit(exhibit=exhibit, format=format, stream=stream)
                elapsed = time.perf_counter() - started
                stdout.write(f"  {format:7} {elapsed:6.2f} s  {stream.size / 2**20:7.1f} MB")
            bigger = build_exhibit(large, "benchmark-exports-large")
            stdout.write(f"peak memory while streaming (tracemalloc), {panels} vs {large} panels")
            for format in STREAMING:
                small_peak, large_peak = peak_memory(exhibit, format), peak_memory(bigger, format)
                stdout.write(f"  {format:7} {small_peak / 2**20:6.2f} MB  {large_peak / 2**20:6.2f} MB")
            hostile_imports(stdout)
            raise Rollback
    except Rollback:
        pass


def hostile_imports(stdout):
    cases = {
        "entity expansion": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
        + b"".join(
            f'<!ENTITY a{n} "{"&a;" * 10 if n == 0 else f"&a{n - 1};" * 10}">'.encode() for n in range(9)
        )
        + b"]><x>&a8;</x>",
        "external entity": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
        "wrong namespace": b'<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0"/>',
    }
    stdout.write("refusing hostile XLIFF (target: well under 1 s)")
    with tempfile.TemporaryFile() as huge:
        huge.truncate(200 * 2**20)  # a sparse 200 MB file
        for name, file in [
            *((name, io.BytesIO(data)) for name, data in cases.items()),
            ("200 MB file", huge),
        ]:
            started = time.perf_counter()
            try:
                import_translations(file=file)
            except TranslationImportError:
                pass
            stdout.write(f"  {name:17} {time.perf_counter() - started:6.3f} s")

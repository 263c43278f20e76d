"""The contract every export format keeps, and the registry and command that reach them."""

import io

import pytest
from django.core.management import CommandError, call_command

from exhibits.exports import FORMATS, UnknownFormat, export_exhibit, get_exporter


@pytest.mark.parametrize("name", FORMATS)
def test_every_format_writes_the_exhibit_to_a_binary_stream_and_names_its_file(translated_exhibit, name):
    stream = io.BytesIO()

    exporter = export_exhibit(exhibit=translated_exhibit, format=name, stream=stream)

    assert exporter.name == name
    assert exporter.content_type
    assert exporter.file_extension.startswith(".")
    assert stream.getvalue()
    if name != "docx":
        assert "Ruszkik haza" in stream.getvalue().decode("utf-8-sig")


@pytest.mark.parametrize("name", FORMATS)
def test_every_format_writes_an_exhibit_without_panels(exhibit, name):
    stream = io.BytesIO()

    export_exhibit(exhibit=exhibit, format=name, stream=stream)

    assert stream.getvalue()


def test_an_unknown_format_is_refused_naming_the_formats_there_are():
    with pytest.raises(UnknownFormat, match="csv, json, xliff, docx, labels"):
        get_exporter("pdf")


def test_the_command_writes_the_file_asked_for(translated_exhibit, tmp_path):
    output = tmp_path / "1956.csv"

    call_command("export_exhibit", "1956", "--format", "csv", "-o", str(output))

    assert "56-02" in output.read_text(encoding="utf-8-sig")


def test_the_command_refuses_an_unknown_format_and_writes_nothing(translated_exhibit, tmp_path):
    output = tmp_path / "1956.pdf"

    with pytest.raises(CommandError, match="Ismeretlen exportformátum"):
        call_command("export_exhibit", "1956", "--format", "pdf", "-o", str(output))

    assert not output.exists()


@pytest.mark.django_db
def test_the_command_names_a_missing_exhibit():
    with pytest.raises(CommandError, match="No exhibit has the slug “1848”"):
        call_command("export_exhibit", "1848", "--format", "csv", "-o", "/dev/null")

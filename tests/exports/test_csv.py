import csv
import io

from exhibits.exports import export_exhibit
from exhibits.models import Panel


def export_rows(exhibit):
    stream = io.BytesIO()
    export_exhibit(exhibit=exhibit, format="csv", stream=stream)
    return stream.getvalue(), list(csv.reader(io.StringIO(stream.getvalue().decode("utf-8-sig"), newline="")))


def test_the_csv_starts_with_a_byte_order_mark_so_that_excel_reads_utf8(translated_exhibit):
    data, _rows = export_rows(translated_exhibit)

    assert data.startswith(b"\xef\xbb\xbf")
    assert "Gerő Ernő".encode() in data


def test_each_text_is_one_row_with_both_languages_its_state_and_word_counts(translated_exhibit):
    _data, rows = export_rows(translated_exhibit)
    by_id = {row[0]: row for row in rows[1:]}
    panel = Panel.objects.get(code="56-03")

    row = by_id[f"panel/{panel.pk}/title"]

    assert row[3:] == ["A Magyar Rádió ostroma", "The siege of the Radio", "elavult", "4", "5"]
    assert by_id[f"panel/{Panel.objects.get(code='56-02').pk}/title"][5] == "hiányzik"


def test_a_row_keeps_the_paragraphs_and_lists_of_a_body(translated_exhibit):
    _data, rows = export_rows(translated_exhibit)
    panel = Panel.objects.get(code="56-01")

    row = {row[0]: row for row in rows}[f"panel/{panel.pk}/body"]

    assert row[3] == "A diákok *csendben* vonultak.\n\n- Petőfi-szobor\n- Bem-szobor"


def test_cells_a_spreadsheet_would_run_as_formulas_are_shown_as_text(translated_exhibit):
    Panel.objects.create(
        exhibit=translated_exhibit,
        code="56-09",
        title_hu='=HYPERLINK("http://x.invalid","katt")',
        body_hu="@SUM(A1:A9)",
        title_en="+1",
        body_en="- lista",
    )
    _data, rows = export_rows(translated_exhibit)

    cells = [cell for row in rows for cell in row]

    assert '\'=HYPERLINK("http://x.invalid","katt")' in cells
    assert {"'@SUM(A1:A9)", "'+1", "'- lista"} <= set(cells)
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)

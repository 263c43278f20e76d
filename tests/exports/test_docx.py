import io

import docx

from exhibits.exports import export_exhibit


def export_document(exhibit):
    stream = io.BytesIO()
    export_exhibit(exhibit=exhibit, format="docx", stream=stream)
    stream.seek(0)
    return docx.Document(stream)


def test_each_panel_has_its_code_and_title_and_the_languages_side_by_side(translated_exhibit):
    document = export_document(translated_exhibit)

    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    first = document.tables[0]

    assert headings == ["56-01 A Bem téren", "56-02 „Ruszkik haza!”", "56-03 A Magyar Rádió ostroma"]
    assert [cell.text for cell in first.rows[0].cells] == ["Magyar", "Angol"]
    assert [cell.text for cell in first.rows[1].cells] == ["A Bem téren", "At Bem Square"]


def test_a_body_keeps_its_emphasis_and_list_items(translated_exhibit):
    body = export_document(translated_exhibit).tables[0].rows[2].cells[1]

    paragraphs = body.paragraphs

    assert [p.text for p in paragraphs] == ["The students marched in silence.", "Petőfi statue", "Bem statue"]
    assert [run.text for run in paragraphs[0].runs if run.italic] == ["in silence"]
    assert 'xml:space="preserve">The students marched </w:t>' in paragraphs[0]._p.xml  # Word keeps the space
    assert paragraphs[1].style.name == "List Bullet"


def test_word_counts_and_image_credits_are_shown(translated_exhibit):
    document = export_document(translated_exhibit)

    counts = [cell.text for cell in document.tables[1].rows[3].cells]

    assert counts == ["8 / 150 szó", "0 / 150 szó"]
    assert "Kép: Fortepan / Nagy Gyula — CC BY-SA 3.0" in [p.text for p in document.paragraphs]

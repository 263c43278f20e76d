import io

import pytest
from pypdf import PdfReader

from exhibits.exports import export_exhibit
from exhibits.models import Panel
from tests.chromium import launch, needs_chromium


def export_labels(exhibit):
    stream = io.BytesIO()
    export_exhibit(exhibit=exhibit, format="labels", stream=stream)
    return stream.getvalue().decode()


def test_the_label_sheet_has_both_languages_of_each_panel_rendered_from_the_markup(translated_exhibit):
    html = export_labels(translated_exhibit)

    assert html.count('<section class="label">') == 3
    assert "<em>csendben</em>" in html and "<em>in silence</em>" in html
    assert "<li>Petőfi statue</li>" in html
    assert "Fortepan / Nagy Gyula — CC BY-SA 3.0" in html


def test_markup_and_html_typed_by_a_curator_are_shown_as_typed(translated_exhibit):
    Panel.objects.create(
        exhibit=translated_exhibit, code="56-04", title_hu="<script>alert(1)</script>", body_hu="<b>x</b>"
    )

    html = export_labels(translated_exhibit)

    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "<b>x</b>" not in html


@pytest.mark.browser
@needs_chromium
def test_the_label_sheet_prints_one_panel_a_page_in_chromium(translated_exhibit, tmp_path):
    from playwright.sync_api import sync_playwright

    for number in range(4, 8):
        Panel.objects.create(
            exhibit=translated_exhibit,
            order=number,
            code=f"56-0{number}",
            title_hu=f"Tabló {number}",
            title_en=f"Panel {number}",
            body_hu=" ".join(["szó"] * 150),
            body_en=" ".join(["word"] * 150),
        )
    page_html = tmp_path / "labels.html"
    page_html.write_text(export_labels(translated_exhibit))

    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page()
        page.goto(page_html.as_uri())
        pdf = page.pdf(prefer_css_page_size=True)
        browser.close()

    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == Panel.objects.filter(exhibit=translated_exhibit).count() == 7
    assert "56-05" in reader.pages[4].extract_text()
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height  # A4 landscape

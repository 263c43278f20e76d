import io
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from pypdf import PdfReader

from exhibits.exports import export_exhibit
from exhibits.exports.base import ExportError
from exhibits.models import Panel, Status
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


def test_each_label_carries_its_panels_short_address_under_a_qr_code(translated_exhibit):
    html = export_labels(translated_exhibit)

    for code in ("56-01", "56-02", "56-03"):
        assert f'<figcaption class="address">tarlo.museum.example/p/{code}</figcaption>' in html
    assert html.count('<svg viewBox="0 0 37 37" class="qr">') == 3


def test_the_short_address_follows_the_site_address_setting(translated_exhibit, settings):
    settings.TARLO_PUBLIC_URL = "https://museum.example/tarlo/"

    html = export_labels(translated_exhibit)

    assert "museum.example/tarlo/p/56-01<" in html


@pytest.mark.parametrize("address", ["", "tarlo.museum.example", "ftp://museum.example", "https://"])
def test_labels_without_a_usable_site_address_are_refused_with_what_to_set(
    translated_exhibit, settings, address
):
    settings.TARLO_PUBLIC_URL = address

    with pytest.raises(ExportError, match="PUBLIC_URL"):
        export_labels(translated_exhibit)


def test_the_command_says_what_to_set_and_leaves_no_file(translated_exhibit, settings, tmp_path):
    settings.TARLO_PUBLIC_URL = ""
    output = tmp_path / "labels.html"

    with pytest.raises(CommandError, match="PUBLIC_URL"):
        call_command("export_exhibit", "1956", format="labels", output=str(output))

    assert not output.exists()


def test_the_admin_download_says_what_to_set(translated_exhibit, admin_client, settings):
    settings.TARLO_PUBLIC_URL = ""

    response = admin_client.get(
        f"/admin/exhibits/exhibit/{translated_exhibit.pk}/export/labels/", follow=True
    )

    assert response.status_code == 200
    assert "PUBLIC_URL" in response.content.decode()


def publish(exhibit):
    exhibit.status = Status.PUBLISHED
    exhibit.save()
    for panel in exhibit.panels.all():
        panel.status = Status.PUBLISHED
        panel.save()


def printed_qr_codes(html, tmp_path):
    """Print `html` to PDF in Chromium, render each page at 200 dpi, decode its QR codes.

    Chromium is started here and stopped before the test goes on: Playwright's event loop must
    not be running while the test reads the database (the module's `browser` fixture would be).
    """
    import pypdfium2
    import zxingcpp
    from playwright.sync_api import sync_playwright

    page_html = tmp_path / "labels.html"
    page_html.write_text(html)
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page()
        page.goto(page_html.as_uri())
        pdf = pypdfium2.PdfDocument(page.pdf(prefer_css_page_size=True))
        browser.close()
    decoded = []
    for number in range(len(pdf)):
        image = pdf[number].render(scale=200 / 72).to_pil()
        image.save(tmp_path / f"label-{number + 1}.png")
        decoded.append([result.text for result in zxingcpp.read_barcodes(image)])
    return decoded


@pytest.mark.browser
@needs_chromium
def test_a_printed_labels_qr_code_opens_its_panel_in_the_readers_language(
    translated_exhibit, client, tmp_path
):
    publish(translated_exhibit)
    paragraphs = "\n\n".join([" ".join(["szó"] * 30)] * 5)  # the longest body a panel may have
    Panel.objects.create(
        exhibit=translated_exhibit, order=4, code="56-04", title_hu="Hosszú", body_hu=paragraphs
    )

    decoded = printed_qr_codes(export_labels(translated_exhibit), tmp_path)

    assert decoded == [[f"https://tarlo.museum.example/p/56-0{number}"] for number in (1, 2, 3, 4)]
    address = urlsplit(decoded[2][0])
    assert address.netloc == "tarlo.museum.example"
    for language, title in [("en", "The siege of the Radio"), ("hu", "A Magyar Rádió ostroma")]:
        response = client.get(address.path, headers={"accept-language": language}, follow=True)
        assert response.redirect_chain == [(f"/{language}/exhibits/1956/#panel-56-03", 302)]
        page = response.content.decode()
        assert 'id="panel-56-03"' in page and title in page

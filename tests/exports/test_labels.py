"""The label sheet: what it holds (HTML), and how it prints (Chromium, to PDF, decoded and
measured: one A4 page a panel, nothing clipped, the sizes VISITOR-DESIGN.md asks for)."""

import io
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from pypdf import PdfReader

from exhibits.content import markup
from exhibits.content.fields import word_limits
from exhibits.exports import export_exhibit
from exhibits.exports.base import ExportError
from exhibits.models import Image, Panel, Status
from tests.chromium import launch, needs_chromium
from tests.conftest import png_upload

# The longest body a panel may have (Panel.body's word limit), in both languages, and the
# longest title (seven words, with one of Hungarian's long words in it).
LONGEST_HU = "\n\n".join(
    [
        (
            "1956. október 23-án délután a budapesti egyetemisták a Petőfi-szobortól a Bem térre vonultak, "
            "hogy kifejezzék szolidaritásukat a lengyel reformmozgalommal. A menethez munkások, katonák és "
            "járókelők csatlakoztak, estére pedig kétszázezer ember gyűlt össze a Parlament előtt. A tömeg "
            "Nagy Imre visszatérését követelte, a Sztálin-szobrot ledöntötték a Dózsa György úton."
        ),
        (
            "A Magyar Rádió épületénél a küldöttség be akarta olvastatni a diákok tizenhat pontját, de az "
            "államvédelmi hatóság őrsége tüzet nyitott a fegyvertelen tüntetőkre. Az első halottak után a "
            "honvédségtől és a rendőrségtől szerzett fegyverekkel felfegyverkezett felkelők éjszakára "
            "elfoglalták az épületet, miközben a pártvezetés szovjet katonai segítséget kért."
        ),
        (
            "Másnap reggel szovjet harckocsik jelentek meg a főváros utcáin. A fiatal szabadságharcosok a "
            "Corvin közben, a Széna téren és Csepelen rendezkedtek be, benzines palackokkal és zsákmányolt "
            "fegyverekkel szálltak szembe a páncélosokkal. A harcok tizenhárom napig tartottak; a forradalom "
            "november negyedikén elbukott, de emléke nemzedékeken át megmaradt. Az emlékezés helyei ma is a "
            "város utcáin állnak."
        ),
    ]
)
LONGEST_EN = "\n\n".join(
    [
        (
            "On the afternoon of 23 October 1956, students marched from the Petőfi statue to Bem Square, in "
            "solidarity with Poland. Workers, soldiers and passers-by joined the march, and by evening "
            "200,000 people stood before Parliament. The crowd demanded the return of Imre Nagy and pulled "
            "down the Stalin statue."
        ),
        (
            "At the building of Hungarian Radio a delegation tried to have the students' sixteen points read "
            "on air, but the state security guards opened fire on the unarmed demonstrators. After the first "
            "deaths, insurgents armed with weapons taken from the army and the police occupied the building "
            "overnight."
        ),
        (
            "Early the next morning Soviet tanks appeared in the streets of the capital. Young freedom "
            "fighters held the Corvin Passage, Széna Square and Csepel, facing the armour with petrol bombs "
            "and rifles captured from barracks. The fighting lasted thirteen days; the revolution was crushed"
            " on 4 November, but its memory outlived generations."
        ),
    ]
)
LONGEST_TITLE_HU = "Október huszonharmadika: a forradalom első napja Budapesten"
LONGEST_TITLE_EN = "The first day of the revolution, Budapest"


def export_labels(exhibit, format="labels"):
    stream = io.BytesIO()
    export_exhibit(exhibit=exhibit, format=format, stream=stream)
    return stream.getvalue().decode()


def test_the_label_sheet_has_both_languages_of_each_panel_rendered_from_the_markup(translated_exhibit):
    html = export_labels(translated_exhibit)

    assert html.count('<section class="label ') == 3
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


def cut(text, words):
    """The first `words` words of `text`, its paragraphs kept."""
    kept, paragraphs = 0, []
    for paragraph in text.split("\n\n"):
        taken = paragraph.split()[: words - kept]
        kept += len(taken)
        if taken:
            paragraphs.append(" ".join(taken))
    return "\n\n".join(paragraphs)


def add_panel(
    exhibit, code, *, words=60, title_hu="A Magyar Rádió ostroma", title_en="The siege of the Radio", **fields
):
    return Panel.objects.create(
        exhibit=exhibit,
        order=Panel.objects.filter(exhibit=exhibit).count() + 1,
        code=code,
        title_hu=title_hu,
        title_en=title_en,
        body_hu=cut(LONGEST_HU, words),
        body_en=cut(LONGEST_EN, words) if title_en else "",
        **fields,
    )


MM = 96 / 25.4  # CSS pixels in a millimetre
# What each printed label measures, in print media on a viewport the size of A4 landscape
# inside the sheet's page margins (269 × 185.5 mm).
MEASURE_LABELS = """() => [...document.querySelectorAll('section.label')].map(label => {
  const points = element => Math.round(parseFloat(getComputedStyle(element).fontSize) * 0.75 * 10) / 10;
  const box = element => { const r = element.getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; };
  // The label holds all it prints; no line runs out of its column.
  const columns = [...label.querySelectorAll('.text, .body, h2, .about-image')];
  const overflowing = label.scrollHeight > label.clientHeight + 1 ? [label] : [];
  overflowing.push(...[label, ...columns].filter(b => b.scrollWidth > b.clientWidth + 1));
  return {
    code: label.querySelector('.code').textContent,
    classes: label.className,
    overflowing: overflowing.map(b => b.className || b.tagName),
    label: box(label),
    codeBox: box(label.querySelector('.code')),
    codePoints: points(label.querySelector('.code')),
    texts: [...label.querySelectorAll('.text')].map(text => ({
      lang: text.lang, box: box(text), title: points(text.querySelector('h2')), body: points(text.querySelector('.body')),
    })),
    about: [...label.querySelectorAll('.caption, .credit')].map(points),
    qr: box(label.querySelector('.qr')),
    address: box(label.querySelector('.address')),
  };
})"""


def print_sheet(html, tmp_path, name="labels", pictures=True):
    """Print `html` in Chromium: the text of each PDF page, and what each label measures. With
    `pictures`, each page is also rendered to `tmp_path`/`name`-N.png, to look at."""
    import pypdfium2
    from playwright.sync_api import sync_playwright

    page_html = tmp_path / f"{name}.html"
    page_html.write_text(html)
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport={"width": round(269 * MM), "height": round(185.5 * MM)})
        page.goto(page_html.as_uri())
        page.emulate_media(media="print")
        labels = page.evaluate(MEASURE_LABELS)
        pdf = pypdfium2.PdfDocument(page.pdf(prefer_css_page_size=True))
        browser.close()
    pages = []
    for number, page in enumerate(pdf, start=1):
        if pictures:
            page.render(scale=100 / 72).to_pil().save(tmp_path / f"{name}-{number}.png")
        pages.append(page.get_textpage().get_text_range())
    pdf.close()
    return pages, labels


def assert_fits_one_page(label):
    assert not label["overflowing"], label["code"]
    assert label["label"]["bottom"] - label["label"]["top"] <= 185.5 * MM + 1, label["code"]


@pytest.mark.browser
@needs_chromium
@pytest.mark.parametrize("format", ["labels", "labels-stacked"])
def test_bodies_up_to_the_word_limit_print_whole_on_one_page_each(exhibit, format, tmp_path):
    assert markup.word_count(LONGEST_HU) == markup.word_count(LONGEST_EN) == word_limits(Panel, "body")[1]
    lengths = range(20, 151, 10)
    for words in lengths:
        add_panel(exhibit, f"S-{words}", words=words)
        add_panel(exhibit, f"L-{words}", words=words, title_hu=LONGEST_TITLE_HU, title_en=LONGEST_TITLE_EN)
        add_panel(exhibit, f"H-{words}", words=words, title_en="")

    pages, labels = print_sheet(export_labels(exhibit, format), tmp_path, pictures=False)

    assert len(pages) == len(labels) == 3 * len(lengths)
    for label in labels:
        assert_fits_one_page(label)
    sizes = {label["code"]: label["texts"][0]["body"] for label in labels}
    # Shorter texts never print smaller, and short ones print at the design's sizes.
    for kind in "SLH":
        assert [sizes[f"{kind}-{words}"] for words in lengths] == sorted(
            (sizes[f"{kind}-{words}"] for words in lengths), reverse=True
        )
    assert sizes["S-20"] == sizes["H-40"] == 24
    assert sizes["S-30"] >= 20 and sizes["H-80"] >= 20


@pytest.mark.browser
@needs_chromium
def test_a_label_prints_to_the_design_code_top_left_title_48_body_20_to_24_caption_and_credit_14_qr_bottom_right(
    exhibit, tmp_path
):
    image = Image.objects.create(
        file=png_upload(),
        caption_hu="Felkelők a Rádió épülete előtt, 1956. október 24.",
        caption_en="Insurgents in front of the Radio building, 24 October 1956.",
        credit="Fortepan / Nagy Gyula",
        licence="CC BY-SA 3.0",
    )
    add_panel(exhibit, "56-03", words=40, image=image)

    pages, [label] = print_sheet(export_labels(exhibit), tmp_path, "side-by-side")

    assert len(pages) == 1
    assert_fits_one_page(label)
    page = label["label"]
    assert label["codePoints"] <= 14
    assert label["codeBox"]["left"] - page["left"] < 1 and label["codeBox"]["top"] - page["top"] < 1
    hungarian, english = label["texts"]
    assert (hungarian["lang"], english["lang"]) == ("hu", "en")
    assert hungarian["title"] == english["title"] == 48
    assert 20 <= hungarian["body"] == english["body"] <= 24
    assert english["box"]["left"] > hungarian["box"]["right"]  # side by side
    assert label["about"] == [14, 14, 14]  # both captions and the credit
    assert page["right"] - label["address"]["right"] < 1 and page["bottom"] - label["address"]["bottom"] < 1
    assert label["qr"]["top"] > english["box"]["bottom"] - 1  # under the text, never over it


@pytest.mark.browser
@needs_chromium
def test_the_stacked_sheet_prints_the_english_under_the_hungarian(exhibit, tmp_path):
    add_panel(exhibit, "56-03", words=30)

    pages, [label] = print_sheet(export_labels(exhibit, "labels-stacked"), tmp_path, "stacked")

    assert len(pages) == 1
    assert_fits_one_page(label)
    hungarian, english = label["texts"]
    assert english["box"]["top"] >= hungarian["box"]["bottom"]
    assert english["box"]["left"] == hungarian["box"]["left"]
    assert 20 <= hungarian["body"] == english["body"] <= 24


@pytest.mark.browser
@needs_chromium
@pytest.mark.parametrize("format", ["labels", "labels-stacked"])
def test_a_panel_without_english_prints_its_hungarian_across_the_whole_label(exhibit, format, tmp_path):
    add_panel(exhibit, "56-02", words=60, title_en="")
    add_panel(exhibit, "56-03", words=60)

    html = export_labels(exhibit, format)
    pages, (untranslated, translated) = print_sheet(html, tmp_path, "hungarian-only")

    assert len(pages) == 2
    assert [text["lang"] for text in untranslated["texts"]] == ["hu"]
    text, page = untranslated["texts"][0]["box"], untranslated["label"]
    assert text["left"] - page["left"] < 1 and page["right"] - text["right"] < 1
    assert "one-language" in untranslated["classes"] and "one-language" not in translated["classes"]
    assert untranslated["texts"][0]["body"] >= translated["texts"][0]["body"]


def test_a_translation_with_a_title_but_no_body_yet_is_left_off_the_label(exhibit):
    add_panel(exhibit, "56-03", words=40)
    Panel.objects.filter(code="56-03").update(body_en="")

    html = export_labels(exhibit)

    assert 'lang="en"' not in html and "The siege of the Radio" not in html


@pytest.mark.browser
@needs_chromium
@pytest.mark.parametrize("format", ["labels", "labels-stacked"])
def test_the_longest_texts_print_whole_on_one_page_smaller_and_the_sheet_says_so_on_screen(
    exhibit, format, tmp_path
):
    add_panel(exhibit, "56-03", words=150, title_hu=LONGEST_TITLE_HU, title_en=LONGEST_TITLE_EN)
    add_panel(exhibit, "56-04", words=30)

    html = export_labels(exhibit, format)
    pages, (longest, short) = print_sheet(html, tmp_path, f"longest-{format}")

    assert len(pages) == 2
    assert_fits_one_page(longest)
    assert longest["texts"][0]["body"] < 20 and short["texts"][0]["body"] >= 20
    assert html.count('<p class="notice">') == 1
    assert "A(z) 56-03 szövege túl hosszú egy 20 pontos felirathoz" in html
    assert "túl hosszú" not in pages[0]  # on screen only
    assert "Az emlékezés helyei ma is a város utcáin állnak." in " ".join(pages[0].split())


@pytest.mark.browser
@needs_chromium
def test_a_word_wider_than_the_column_is_broken_not_cut_off(exhibit, tmp_path):
    add_panel(exhibit, "56-03", words=20, title_hu="Megszentségteleníthetetlenségeskedéseitekért " * 2)
    Panel.objects.filter(code="56-03").update(body_hu="x" * 300)

    pages, [label] = print_sheet(export_labels(exhibit), tmp_path, "wide-word")

    assert len(pages) == 1
    assert_fits_one_page(label)


def test_the_command_writes_the_stacked_sheet(translated_exhibit, tmp_path):
    output = tmp_path / "labels.html"

    call_command("export_exhibit", "1956", format="labels-stacked", output=str(output))

    html = output.read_text()
    assert html.count('<section class="label stacked ') == 3


def test_the_admin_offers_both_layouts(translated_exhibit, admin_client):
    page = admin_client.get(f"/admin/exhibits/exhibit/{translated_exhibit.pk}/change/").content.decode()

    assert f"/admin/exhibits/exhibit/{translated_exhibit.pk}/export/labels/" in page
    assert f"/admin/exhibits/exhibit/{translated_exhibit.pk}/export/labels-stacked/" in page
    assert "a nyelvek egymás mellett" in page and "a nyelvek egymás alatt" in page


@pytest.mark.browser
@needs_chromium
def test_a_long_caption_and_markup_typed_into_it_print_as_typed_on_the_same_page(exhibit, tmp_path):
    image = Image.objects.create(
        file=png_upload(),
        caption_hu="<b>Felkelők</b> a Rádió épülete előtt. "
        + " ".join(["Ismeretlen fényképész felvétele."] * 12),
        credit="<script>alert(1)</script>",
    )
    add_panel(exhibit, "56-03", words=60, image=image, title_en="")

    html = export_labels(exhibit)
    pages, [label] = print_sheet(html, tmp_path, "long-caption")

    assert "&lt;b&gt;Felkelők&lt;/b&gt;" in html and "<script>alert" not in html
    assert len(pages) == 1
    assert_fits_one_page(label)
    assert "<b>Felkelők</b>" in pages[0]

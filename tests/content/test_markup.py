from exhibits.content import markup


def test_paragraphs_emphasis_and_lists_render_as_html():
    html = markup.to_html("Első *fontos* bekezdés.\n\n- egy\n- **kettő**")

    assert html == (
        "<p>Első <em>fontos</em> bekezdés.</p>\n<ul>\n<li>egy</li>\n<li><strong>kettő</strong></li>\n</ul>\n"
    )


def test_html_typed_by_a_curator_is_shown_as_text_not_run():
    html = markup.to_html('<script>alert("x")</script> <img src=x onerror=alert(1)>')

    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_links_and_headings_are_not_markup_so_nothing_leads_off_a_kiosk():
    html = markup.to_html("[Kattints](https://example.com) <https://example.com>\n\n# Cím")

    assert "<a " not in html and "<h1" not in html


def test_word_count_ignores_markup_and_counts_hungarian_words():
    assert markup.word_count("*Nagy Imre* beszéde – **„elvtársak”**\n\n- 1956. október 23-án") == 7


def test_a_paragraph_opening_with_a_hungarian_date_is_not_a_numbered_list():
    html = markup.to_html("1956. október 23-án tüntetés volt.\n\n- 1956. november 4.")

    assert html == "<p>1956. október 23-án tüntetés volt.</p>\n<ul>\n<li>1956. november 4.</li>\n</ul>\n"


def test_numbered_lists_use_a_parenthesis():
    assert "<ol>\n<li>egy</li>\n<li>kettő</li>\n</ol>" in markup.to_html("1) egy\n2) kettő")

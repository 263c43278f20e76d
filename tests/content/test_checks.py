import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from exhibits.content import checks as content_check
from exhibits.models import Event, Image, Panel, Status
from tests import factories
from tests.content.test_images import png_bytes

GOOD_HU = "A diákok „Ruszkik haza!” jelszóval vonultak a Bem térre, ahol Veres Péter olvasta fel a követeléseket a tömegnek aznap délután."
GOOD_EN = "The students marched to Bem Square chanting “Russians go home!”, where Péter Veres read out the demands to the crowd that afternoon."


def codes(obj):
    return {(finding.code, finding.field, finding.language) for finding in content_check.check_object(obj)}


@pytest.fixture
def good_panel(exhibit):
    return Panel.objects.create(
        exhibit=exhibit,
        image=factories.image(),
        code="56-02",
        title_hu="A Bem téren",
        title_en="On Bem Square",
        body_hu=GOOD_HU,
        body_en=GOOD_EN,
    )


def test_a_well_written_panel_has_no_findings(good_panel):
    assert content_check.check_object(good_panel) == []


def test_a_missing_translation_is_an_error(panel):
    assert ("missing", "title", "en") in codes(panel)


def test_a_stale_translation_is_a_warning(good_panel):
    good_panel.title_hu = "A Bem téren, délután"
    good_panel.save()

    finding = next(f for f in content_check.check_object(good_panel) if f.code == "stale")
    assert (finding.field, finding.language, finding.severity) == ("title", "en", "warning")


def test_text_over_its_word_limit_is_an_error_in_the_language_it_is_in(good_panel):
    good_panel.title_en = "A title that is far longer than seven words allow"

    assert ("too_long", "title", "en") in codes(good_panel)
    assert ("too_long", "title", "hu") not in codes(good_panel)


def test_the_word_limits_come_from_the_field(monkeypatch, good_panel):
    monkeypatch.setattr(Panel._meta.get_field("body"), "words", (1, 10))

    assert ("too_long", "body", "hu") in codes(good_panel)


def test_an_image_without_alt_text_in_either_language_is_an_error(good_panel):
    image = Image(alt_text_hu="Tüntetők")
    image.file.save("x.png", ContentFile(png_bytes()), save=True)
    good_panel.image = image

    assert ("no_alt_text", "alt_text", "en") in codes(good_panel)
    assert ("no_alt_text", "alt_text", "hu") not in codes(good_panel)


@pytest.mark.parametrize(
    "language, text, code",
    [
        ("hu", "Azt mondta: “Elég!”", "wrong_quotes"),
        ("hu", 'Azt mondta: "Elég!"', "wrong_quotes"),
        ("en", "He said: „Enough!”", "wrong_quotes"),
        ("hu", "Azt mondta: „Elég!", "unbalanced"),
        ("en", "The Radio (on Bródy Sándor utca", "unbalanced"),
    ],
)
def test_wrong_or_unbalanced_quotation_marks_and_brackets_are_errors(good_panel, language, text, code):
    setattr(good_panel, f"title_{language}", text)

    assert (code, "title", language) in codes(good_panel)


def test_an_english_apostrophe_is_not_an_unbalanced_quote(good_panel):
    good_panel.title_en = "Nagy’s last speech"

    assert codes(good_panel) == set()


def test_a_link_to_unpublished_content_is_a_warning(good_panel, figure):
    good_panel.figures.add(figure)

    assert ("unpublished_link", "figures", "") in codes(good_panel)


def test_an_event_outside_the_exhibits_period_is_an_error(good_panel, place):
    event = Event.objects.create(
        title_hu="Sztálin halála",
        slug="sztalin",
        category="political",
        start_date=datetime.date(1953, 3, 5),
        status=Status.PUBLISHED,
    )
    good_panel.events.add(event)

    assert ("outside_period", "events", "") in codes(good_panel)


def test_the_command_exits_non_zero_and_lists_the_errors(panel, capsys):
    with pytest.raises(CommandError) as failed:
        call_command("check_content", panel.exhibit.slug)

    assert failed.value.returncode == 1
    assert "ERROR" in capsys.readouterr().out


def test_the_command_passes_a_clean_exhibit(good_panel, capsys):
    good_panel.exhibit.introduction_hu = ""
    call_command("check_content", good_panel.exhibit.slug)

    assert "0 hiba" in capsys.readouterr().out


def test_the_command_names_an_unknown_exhibit(db):
    with pytest.raises(CommandError, match="nincs-ilyen"):
        call_command("check_content", "nincs-ilyen")


def test_the_admin_shows_the_same_report(curator_client, panel):
    response = curator_client.get(reverse("admin:exhibits_exhibit_check", args=[panel.exhibit.pk]))

    findings = response.context["findings"]
    assert findings == content_check.check_exhibit(panel.exhibit)
    assert any(f.code == "missing" and f.obj == panel for f in findings)

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from exhibits.exports import FORMATS
from exhibits.models import Event, Exhibit, Figure, Image, Panel, Place
from tests.translations.xliff_helpers import export_xliff, translate


@pytest.fixture
def editor_client(client, django_user_model):
    """Staff who may view and change exhibits, but neither export nor import translations."""
    user = django_user_model.objects.create_user("szerkeszto", password="x", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=["view_exhibit", "change_exhibit"]))
    client.force_login(user)
    return client


def export_url(exhibit, format):
    return reverse("admin:exhibits_exhibit_export", args=[exhibit.pk, format])


def upload_url(exhibit):
    return reverse("admin:exhibits_exhibit_import_translations", args=[exhibit.pk])


def test_the_exhibit_page_offers_every_export_and_the_translation_pages(staff_client, translated_exhibit):
    response = staff_client.get(reverse("admin:exhibits_exhibit_change", args=[translated_exhibit.pk]))

    for format in FORMATS:
        assert export_url(translated_exhibit, format) in response.content.decode()
    assert upload_url(translated_exhibit) in response.content.decode()


@pytest.mark.parametrize("format", FORMATS)
def test_a_download_is_the_same_file_the_command_writes(staff_client, translated_exhibit, format, tmp_path):
    from django.core.management import call_command

    output = tmp_path / "out"
    call_command("export_exhibit", "1956", "--format", format, "-o", str(output))

    response = staff_client.get(export_url(translated_exhibit, format))

    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    if format != "docx":  # DOCX embeds the time it was written
        assert b"".join(response.streaming_content) == output.read_bytes()


def test_the_csv_download_reads_in_the_csv_module(staff_client, translated_exhibit):
    response = staff_client.get(export_url(translated_exhibit, "csv"))

    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))

    assert response["Content-Type"].startswith("text/csv")
    assert any(row[3] == "„Ruszkik haza!”" for row in rows)


def test_an_unknown_format_is_not_found(staff_client, translated_exhibit):
    assert staff_client.get(export_url(translated_exhibit, "pdf")).status_code == 404


def test_staff_without_the_export_permission_get_403(editor_client, translated_exhibit):
    assert editor_client.get(export_url(translated_exhibit, "csv")).status_code == 403


def test_staff_without_the_import_permission_get_403(editor_client, translated_exhibit):
    assert editor_client.get(upload_url(translated_exhibit)).status_code == 403
    assert editor_client.post(upload_url(translated_exhibit)).status_code == 403


def upload(client, exhibit, data, name="1956.en.xlf"):
    return client.post(upload_url(exhibit), {"file": SimpleUploadedFile(name, data)}, follow=True)


def test_an_uploaded_translation_is_written_and_reported(staff_client, translated_exhibit):
    panel = Panel.objects.get(code="56-02")
    data = translate(export_xliff(translated_exhibit), {f"panel/{panel.pk}/title": "“Russians go home!”"})

    response = upload(staff_client, translated_exhibit, data)

    assert Panel.objects.get(code="56-02").title_en == "“Russians go home!”"
    assert [str(m) for m in response.context["messages"]] == [
        "1 fordítás beírva, 10 változatlan, 2 fordítás nélkül."
    ]


def test_refused_units_are_listed_and_nothing_is_written(staff_client, translated_exhibit):
    second, third = Panel.objects.get(code="56-02"), Panel.objects.get(code="56-03")
    data = translate(
        export_xliff(translated_exhibit),
        {f"panel/{second.pk}/title": "Home!", f"panel/{third.pk}/body": "On Bródy Sándor Street."},
    )
    third.body_hu = "A Bródy Sándor utca 5–7. előtt."
    third.save()

    response = upload(staff_client, translated_exhibit, data)

    assert response.context["problems"][0][0] == f"panel/{third.pk}/body"
    assert f"panel/{third.pk}/body" in response.content.decode()
    assert not Panel.objects.get(code="56-02").title_en


def test_a_hostile_upload_gets_a_clear_error(staff_client, translated_exhibit):
    from tests.translations.test_importing import BILLION_LAUGHS

    response = upload(staff_client, translated_exhibit, BILLION_LAUGHS)

    assert response.status_code == 200
    assert "DTD" in str(response.context["form"].errors["file"])


def test_an_upload_over_the_size_limit_is_refused(staff_client, translated_exhibit, settings):
    settings.TARLO_IMPORT_MAX_BYTES = 100
    response = upload(staff_client, translated_exhibit, export_xliff(translated_exhibit))

    assert "MB" in str(response.context["form"].errors["file"])
    assert not Panel.objects.get(code="56-02").title_en


# Translation state


def test_the_overview_lists_every_text_against_every_language(staff_client, translated_exhibit):
    response = staff_client.get(reverse("admin:exhibits_exhibit_translations", args=[translated_exhibit.pk]))

    units = [row["unit"].id for row in response.context["rows"]]
    third = Panel.objects.get(code="56-03")
    assert f"panel/{third.pk}/title" in units
    assert response.context["totals"]["en"] == {"hiányzik": 3, "naprakész": 9, "elavult": 1}
    assert "-A Rádió ostroma" in response.content.decode()


@pytest.mark.parametrize(
    "value, codes",
    [("en:missing", ["56-02"]), ("en:stale", ["56-03"]), ("en:up_to_date", ["56-01"])],
)
def test_panels_are_filtered_by_translation_state(
    staff_client, translated_exhibit, value, codes, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        response = staff_client.get(reverse("admin:exhibits_panel_changelist"), {"translation": value})

    assert sorted(panel.code for panel in response.context["cl"].result_list) == codes


@pytest.mark.parametrize("model", [Exhibit, Panel, Event, Figure, Place, Image], ids=lambda m: m.__name__)
def test_every_translated_model_can_be_filtered_by_state(staff_client, translated_exhibit, model):
    url = reverse(f"admin:exhibits_{model._meta.model_name}_changelist")

    for value in ["en:missing", "en:stale", "en:up_to_date"]:
        assert staff_client.get(url, {"translation": value}).status_code == 200


def test_a_panel_page_shows_its_state_and_what_changed_in_the_hungarian(staff_client, translated_exhibit):
    third = Panel.objects.get(code="56-03")

    page = staff_client.get(reverse("admin:exhibits_panel_change", args=[third.pk])).content.decode()

    assert "elavult" in page
    assert "-A Rádió ostroma" in page and "+A Magyar Rádió ostroma" in page

import pytest
from django.urls import reverse

from exhibits.models import Event, Exhibit, Figure, GlossaryTerm, Image, Kiosk, Panel, Place, Source

ALL_MODELS = [Event, Exhibit, Figure, GlossaryTerm, Image, Kiosk, Panel, Place, Source]


def admin_url(model, view, *args):
    return reverse(f"admin:exhibits_{model._meta.model_name}_{view}", args=args)


def event_form(**fields):
    data = {
        "title_hu": "Tüntetés",
        "title_en": "Demonstration",
        "slug": "tuntetes",
        "category": "demonstration",
        "status": "draft",
        "start_date": "1956-10-23",
        "precision": "day",
    }
    return {**data, **fields}


@pytest.mark.django_db
@pytest.mark.parametrize("model", ALL_MODELS, ids=lambda m: m.__name__)
def test_every_model_has_a_list_an_add_form_and_search(staff_client, model):
    assert staff_client.get(admin_url(model, "changelist")).status_code == 200
    assert staff_client.get(admin_url(model, "changelist"), {"q": "Nagy"}).status_code == 200
    assert staff_client.get(admin_url(model, "add")).status_code == 200


def test_every_model_change_page_opens(staff_client, panel, event, figure, place):
    source = Source.objects.create(slug="src", citation="Forrás")
    kiosk = Kiosk.objects.create(name="Terem 1", slug="terem-1", exhibit=panel.exhibit)
    for obj in [panel, panel.exhibit, event, figure, place, source, kiosk]:
        assert staff_client.get(admin_url(type(obj), "change", obj.pk)).status_code == 200


@pytest.mark.parametrize("query", ["Mikoyan", "Mikojan", "Mikoian", "Anasztasz"])
def test_figure_search_finds_a_person_by_any_language_or_spelling(staff_client, figure, query):
    response = staff_client.get(admin_url(Figure, "changelist"), {"q": query})

    assert list(response.context["cl"].result_list) == [figure]


def test_a_curator_adds_an_event_with_its_evening_time(staff_client, place):
    response = staff_client.post(
        admin_url(Event, "add"),
        event_form(precision="hour", start_time="20:00", time_label_hu="este 8 órakor", place=place.pk),
    )

    assert response.status_code == 302
    assert Event.objects.get().time_label_hu == "este 8 órakor"


@pytest.mark.parametrize(
    "bad, field",
    [
        ({"start_date": "1956-02-31"}, "start_date"),
        ({"end_date": "1956-10-22"}, "end_date"),
        ({"start_time": "20:00"}, "start_time"),
    ],
    ids=["31 February", "end before start", "time with day precision"],
)
def test_bad_event_dates_are_form_errors_and_nothing_is_saved(staff_client, bad, field):
    response = staff_client.post(admin_url(Event, "add"), event_form(**bad))

    assert response.status_code == 200
    assert field in response.context["adminform"].form.errors
    assert not Event.objects.exists()


def test_a_slug_clash_is_a_form_error(staff_client, event):
    response = staff_client.post(admin_url(Event, "add"), event_form(slug=event.slug))

    assert "slug" in response.context["adminform"].form.errors
    assert Event.objects.count() == 1


def test_coordinates_out_of_range_are_a_form_error(staff_client):
    response = staff_client.post(
        admin_url(Place, "add"),
        {"name_hu": "Sehol", "slug": "sehol", "status": "draft", "latitude": "123", "longitude": "19"},
    )

    assert "latitude" in response.context["adminform"].form.errors
    assert not Place.objects.exists()


def panel_form(exhibit, code, title):
    return {"exhibit": exhibit.pk, "code": code, "order": "1", "title_hu": title, "status": "draft"}


def test_the_exhibit_page_links_to_a_new_panel_in_that_exhibit_placed_last(staff_client, panel):
    response = staff_client.get(admin_url(Exhibit, "change", panel.exhibit.pk))

    link = f"{admin_url(Panel, 'add')}?exhibit={panel.exhibit.pk}&amp;order={panel.order + 1}"
    assert link in response.content.decode()
    form = staff_client.get(link.replace("&amp;", "&")).context["adminform"].form
    assert (form.initial["exhibit"], form.initial["order"]) == (str(panel.exhibit.pk), str(panel.order + 1))


def test_a_duplicate_panel_code_in_one_exhibit_is_a_form_error(staff_client, panel):
    response = staff_client.post(admin_url(Panel, "add"), panel_form(panel.exhibit, panel.code, "Második"))

    assert response.status_code == 200
    (constraint,) = Panel._meta.constraints
    assert str(constraint.violation_error_message) in response.context["adminform"].form.non_field_errors()
    assert panel.exhibit.panels.count() == 1


def test_the_panel_list_shows_word_count_against_the_limit(staff_client, exhibit):
    Panel.objects.create(
        exhibit=exhibit, code="56-01", title_hu="Hosszú", body_hu="szó " * 160, body_en="word " * 40
    )

    response = staff_client.get(admin_url(Panel, "changelist"))

    assert 'word-count--over">hu 160 / 150' in response.content.decode()
    assert "en 40 / 150" in response.content.decode()


def test_a_hungarian_browser_gets_a_hungarian_admin(staff_client):
    response = staff_client.get(reverse("admin:index"), headers={"accept-language": "hu"})

    content = response.content.decode()
    assert "Események" in content and "Kiállítások" in content and "Tablók" in content
    assert "| Tárló</title>" in content


def test_translated_fields_appear_once_per_language(staff_client):
    response = staff_client.get(admin_url(Panel, "add"))

    form = response.context["adminform"].form
    assert {"title_hu", "title_en", "body_hu", "body_en"} <= set(form.fields)


def test_bad_image_upload_is_a_form_error(staff_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("photo.png", b"not an image at all", content_type="image/png")
    response = staff_client.post(
        admin_url(Image, "add"), {"file": fake, "focal_point_x": "0.5", "focal_point_y": "0.5"}
    )

    assert "file" in response.context["adminform"].form.errors
    assert not Image.objects.exists()


def test_a_kiosk_idle_timeout_below_fifteen_seconds_is_refused(staff_client, exhibit):
    response = staff_client.post(
        admin_url(Kiosk, "add"),
        {
            "name": "Terem",
            "slug": "terem",
            "exhibit": exhibit.pk,
            "default_language": "en",
            "idle_timeout": "3",
        },
    )

    assert "idle_timeout" in response.context["adminform"].form.errors
    assert not Kiosk.objects.exists()


def test_event_list_has_date_hierarchy_and_filters(staff_client, event):
    response = staff_client.get(
        admin_url(Event, "changelist"), {"start_date__year": "1956", "category": "demonstration"}
    )

    assert list(response.context["cl"].result_list) == [event]
    assert response.context["cl"].date_hierarchy == "start_date"


def test_pages_about_one_object_lead_back_to_it_through_the_breadcrumbs(staff_client, exhibit):
    response = staff_client.get(reverse("admin:exhibits_exhibit_translations", args=[exhibit.pk]))

    crumbs = response.content.decode().split('class="breadcrumbs"')[1].split("</div>")[0]
    for url in [
        reverse("admin:app_list", args=["exhibits"]),
        reverse("admin:exhibits_exhibit_changelist"),
        reverse("admin:exhibits_exhibit_change", args=[exhibit.pk]),
    ]:
        assert f'href="{url}"' in crumbs

"""Two people editing the same object: the second save is refused, and nobody's work is lost."""

import pytest
from django.test import Client
from django.urls import reverse

from exhibits.editorial import drafts
from exhibits.models import Draft, Place
from tests import factories


def open_form(client, place):
    page = client.get(reverse("admin:exhibits_place_change", args=[place.pk]))
    form = page.context["adminform"].form
    return {name: form[name].value() for name in form.fields if form[name].value() is not None}


def save(client, place, data):
    return client.post(reverse("admin:exhibits_place_change", args=[place.pk]), data)


def two_sessions(django_user_model, *, role="Curator"):
    """Two people signed in to the admin in the role (a kiosk is set up by a superuser)."""
    from django.contrib.auth.models import Group

    clients = []
    for name in ["anna", "bela"]:
        user = django_user_model.objects.create_user(
            username=name, password="x", is_staff=True, is_superuser=role == "superuser"
        )
        if role != "superuser":
            user.groups.add(Group.objects.get(name=role))
        client = Client(headers={"accept-language": "en"})
        client.login(username=name, password="x")
        clients.append(client)
    return clients


def test_the_second_of_two_concurrent_saves_is_refused_and_the_first_is_kept(place, django_user_model):
    anna, bela = two_sessions(django_user_model)
    annas_form, belas_form = open_form(anna, place), open_form(bela, place)

    first = save(anna, place, {**annas_form, "description_hu": "Anna szövege."})
    second = save(bela, place, {**belas_form, "description_hu": "Béla szövege."})

    assert first.status_code == 302
    assert second.status_code == 200
    place.refresh_from_db()
    assert place.description_hu == "Anna szövege."
    html = second.content.decode()
    assert "Not saved: anna changed description [hu] of “Bem Square” at" in html
    assert reverse("admin:exhibits_place_history", args=[place.pk]) in html
    assert "Béla szövege." in html  # the refused edit is still in the form, not lost


def test_after_a_refusal_reopening_the_form_lets_the_second_person_save(place, django_user_model):
    anna, bela = two_sessions(django_user_model)
    belas_stale_form = open_form(bela, place)
    save(anna, place, {**open_form(anna, place), "description_hu": "Anna szövege."})
    save(bela, place, {**belas_stale_form, "description_hu": "Béla szövege."})

    response = save(bela, place, {**open_form(bela, place), "description_hu": "Anna szövege. Béla szövege."})

    assert response.status_code == 302
    place.refresh_from_db()
    assert place.description_hu == "Anna szövege. Béla szövege."


def test_an_import_saved_while_a_curator_edits_is_not_overwritten(curator_client, place):
    form = open_form(curator_client, place)
    imported = Place.objects.get(pk=place.pk)
    imported.description_en = "Imported translation."
    imported.save()

    response = save(curator_client, place, {**form, "description_hu": "Új leírás."})

    assert response.status_code == 200
    place.refresh_from_db()
    assert place.description_en == "Imported translation."


def test_a_form_with_other_errors_does_not_use_up_its_version(curator_client, place):
    form = open_form(curator_client, place)
    save(curator_client, place, {**form, "latitude": "123"})

    response = save(curator_client, place, {**form, "description_hu": "Javítva."})

    assert response.status_code == 302


def test_a_form_without_its_version_is_refused(curator_client, place):
    form = open_form(curator_client, place)
    del form["edit_version"]

    response = save(curator_client, place, {**form, "description_hu": "Ki tudja, honnan."})

    assert response.status_code == 200
    place.refresh_from_db()
    assert not place.description_hu


# Every model with a change page, an object to edit, and a text field both editors change.
EDITED = {
    "event": (lambda: factories.event(), "title_hu"),
    "figure": (lambda: factories.figure(), "role_hu"),
    "place": (lambda: factories.place(), "description_hu"),
    "glossaryterm": (lambda: factories.glossary_term(), "definition_hu"),
    "exhibit": (lambda: factories.exhibit(), "introduction_hu"),
    "panel": (lambda: factories.panel(factories.exhibit()), "body_hu"),
    "image": (lambda: factories.image(), "alt_text_hu"),
    "source": (lambda: factories.source(), "citation"),
    "kiosk": (lambda: factories.kiosk(factories.exhibit()), "name"),
}


def as_editors_see_it(obj):
    """`obj` as read back from the database, with its pending draft if it has one."""
    return drafts.with_pending_draft(type(obj)._base_manager.get(pk=obj.pk))


@pytest.mark.parametrize("model_name", sorted(EDITED))
def test_for_every_model_the_second_of_two_saves_is_refused_and_nothing_of_it_written(
    model_name, django_user_model
):
    build, field = EDITED[model_name]
    obj = build()
    url = reverse(f"admin:exhibits_{model_name}_change", args=[obj.pk])
    anna, bela = two_sessions(django_user_model, role="superuser" if model_name == "kiosk" else "Curator")
    annas_form, belas_form = form_of(anna, url), form_of(bela, url)

    first = anna.post(
        url, {**annas_form, field: "Anna szövege, elég hosszú, hogy elférjen benne minden szó."}
    )
    second = bela.post(url, {**belas_form, field: "Béla szövege."})

    assert first.status_code == 302
    assert second.status_code == 200 and "Not saved: anna changed" in second.content.decode()
    assert getattr(as_editors_see_it(obj), field).startswith("Anna szövege")


@pytest.mark.parametrize("tampered", ["999999", "-1", "abc", ""])
def test_a_tampered_version_field_is_refused_and_nothing_written(curator_client, place, tampered):
    url = reverse("admin:exhibits_place_change", args=[place.pk])
    form = form_of(curator_client, url)

    response = curator_client.post(url, {**form, "edit_version": tampered, "description_hu": "Hamis."})

    assert response.status_code == 200 and "edit_conflict" not in response.content.decode()
    place.refresh_from_db()
    assert place.description_hu != "Hamis."
    assert Draft.objects.count() == 0


def form_of(client, url):
    """What a browser would send back of the admin page at `url`, inline forms included."""
    context = client.get(url).context
    forms = [context["adminform"].form]
    for inline in context.get("inline_admin_formsets", []):
        forms += [inline.formset.management_form, *inline.formset.forms]
    return {
        form[name].html_name: form[name].value()
        for form in forms
        for name in form.fields
        if form[name].value() is not None
    }

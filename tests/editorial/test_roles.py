"""Every admin URL, walked as each role and as a stranger.

The walk is generic: it takes every registered ModelAdmin's URLs (so pages added later, such as
exports or translation imports, are walked too) and the app index, and checks each against what
the role's permissions allow.
"""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse

from exhibits.editorial.roles import ROLES
from exhibits.models import Event, Exhibit, Figure, Image, Kiosk, Panel, Place, Source, Status
from tests.conftest import client_for, role_user
from tests.content.test_images import png_bytes


@pytest.fixture
def content(exhibit, panel, event, figure, place, django_user_model):
    image = Image(alt_text_hu="Kép", alt_text_en="Picture")
    image.file.save("kep.png", ContentFile(png_bytes()), save=True)
    source = Source.objects.create(slug="forras", citation="Forrás, 1956")
    kiosk = Kiosk.objects.create(name="Terem 1", slug="terem-1", exhibit=exhibit)
    panel.events.add(event)
    return {
        Exhibit: exhibit,
        Panel: panel,
        Event: event,
        Figure: figure,
        Place: place,
        Image: image,
        Source: source,
        Kiosk: kiosk,
    }


def admin_urls(content):
    """(model, url name, url) for every URL of every registered ModelAdmin, and app indexes."""
    urls = [
        (None, "index", reverse("admin:index")),
        (None, "app_list", reverse("admin:app_list", args=["exhibits"])),
    ]
    for model, model_admin in admin.site._registry.items():
        obj = content.get(model)
        for pattern in model_admin.get_urls():
            name = pattern.name
            if not name or name.endswith("autocomplete"):
                continue
            kwargs = {}
            converters = pattern.pattern.converters if hasattr(pattern.pattern, "converters") else {}
            regex_groups = pattern.pattern.regex.groups
            args = []
            if converters or regex_groups:
                if obj is None:
                    continue
                if name.endswith("_simple_history"):
                    args = [obj.pk, obj.history.latest().history_id]
                else:
                    args = [obj.pk]
            try:
                url = reverse(f"admin:{name}", args=args, kwargs=kwargs)
            except Exception:  # a pattern wanting other arguments: covered by its own tests
                continue
            urls.append((model, name, url))
    return urls


def allowed(user, model, name, obj=None):
    """What the role may open, from its permissions: None when only "not a server error" is known."""
    if model is None:
        return True
    opts = model._meta
    perm = lambda action: user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}")  # noqa: E731
    can_view = perm("view") or perm("change")
    suffix = name.removeprefix(f"{opts.app_label}_{opts.model_name}_")
    expected = {
        "changelist": can_view,
        "history": can_view,
        "simple_history": can_view,
        "check": can_view,
        "change": can_view,
        "add": perm("add"),
        "delete": perm("delete") and not getattr(obj, "is_published", False),
        "publish": user.has_perm("exhibits.publish_content"),
        "unpublish": user.has_perm("exhibits.publish_content"),
        "submit": perm("change"),
    }
    if suffix in expected:
        return expected[suffix]
    if not any(perm(action) for action in ["view", "add", "change", "delete"]):
        return False
    return None


@pytest.mark.parametrize("role", ["Curator", "Translator", "Publisher", "Stranger"])
def test_every_admin_url_answers_each_role_as_its_permissions_say(content, django_user_model, role):
    content[Exhibit].status = Status.PUBLISHED  # published and draft objects both walked
    content[Exhibit].save()
    user = role_user(django_user_model, role)
    client = client_for(user)
    walked = admin_urls(content)

    for model, name, url in walked:
        response = client.get(url)
        expected = allowed(user, model, name, content.get(model))
        if role == "Stranger" and name == "app_list":
            expected = False  # an app with nothing the user may see does not exist for them
        assert response.status_code < 500, (name, url)
        if expected is True:
            assert response.status_code == 200, (role, name, url, response.status_code)
        elif expected is False:
            assert response.status_code in {403, 404}, (role, name, url, response.status_code)
    assert len(walked) > 60


def test_anonymous_visitors_are_sent_to_the_login_page_from_every_admin_url(client, content):
    for _model, name, url in admin_urls(content):
        response = client.get(url)

        assert response.status_code == 302, name
        assert "/login/" in response["Location"]


def test_the_roles_exist_with_their_permissions(db):
    for role, codenames in ROLES.items():
        group = Group.objects.get(name=role)
        assert set(group.permissions.values_list("codename", flat=True)) == set(codenames)


def test_a_curator_cannot_publish_and_is_told_why(curator_client, panel):
    response = curator_client.post(reverse("admin:exhibits_panel_publish", args=[panel.pk]))

    assert response.status_code == 403
    panel.refresh_from_db()
    assert panel.status == Status.DRAFT


def test_a_curator_setting_status_to_published_in_the_form_changes_nothing(curator_client):
    response = curator_client.post(
        reverse("admin:exhibits_place_add"),
        {"name_hu": "Kossuth tér", "slug": "kossuth-ter", "status": "published"},
    )

    assert response.status_code == 302
    assert Place.objects.get(slug="kossuth-ter").status == Status.DRAFT


def test_a_translator_changes_english_text_but_not_the_hungarian_source(translator_client, panel):
    from exhibits.editorial.locking import current_version

    page = translator_client.get(reverse("admin:exhibits_panel_change", args=[panel.pk]))
    form = page.context["adminform"].form
    assert "body_en" in form.fields and "body_hu" not in form.fields and "exhibit" not in form.fields
    assert "Csak a fordításokat módosíthatja" in page.content.decode()

    response = translator_client.post(
        reverse("admin:exhibits_panel_change", args=[panel.pk]),
        {
            "title_en": "On Bem Square",
            "body_en": "Text.",
            "body_hu": "Átírva!",
            "title_hu": "Átírva",
            "edit_version": current_version(panel),
        },
    )

    assert response.status_code == 302
    panel.refresh_from_db()
    assert (panel.title_en, panel.body_en) == ("On Bem Square", "Text.")
    assert (panel.title_hu, panel.body_hu) == ("A Bem téren", "Szöveg.")


def test_a_translator_cannot_add_or_delete_content(translator_client, panel):
    assert translator_client.get(reverse("admin:exhibits_panel_add")).status_code == 403
    assert translator_client.get(reverse("admin:exhibits_panel_delete", args=[panel.pk])).status_code == 403


def test_a_publisher_sees_content_but_cannot_edit_it(publisher_client, panel):
    page = publisher_client.get(reverse("admin:exhibits_panel_change", args=[panel.pk]))

    assert page.status_code == 200
    assert "body_hu" not in page.context["adminform"].form.fields
    assert publisher_client.get(reverse("admin:exhibits_panel_add")).status_code == 403


def test_published_content_cannot_be_deleted_until_it_is_unpublished(curator_client, panel):
    panel.status = Status.PUBLISHED
    panel.save()

    response = curator_client.get(reverse("admin:exhibits_panel_delete", args=[panel.pk]))

    assert response.status_code == 403

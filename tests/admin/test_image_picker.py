"""The image picker's choices carry the thumbnail made when the image was saved."""

from django.urls import reverse

from exhibits.content import images
from exhibits.editorial import actions, drafts
from tests import factories


def test_the_search_results_carry_each_images_thumbnail(staff_client, db):
    image = factories.image(alt_text_hu="Tüntetők a Bem téren")

    response = staff_client.get(
        reverse("admin:exhibits_image_autocomplete"),
        {"term": "Bem", "app_label": "exhibits", "model_name": "panel", "field_name": "image"},
    )

    (result,) = response.json()["results"]
    assert result["id"] == str(image.pk) and result["text"] == "Tüntetők a Bem téren"
    assert result["thumbnail"] == images.sized_url(image, "thumbnail")
    assert result["thumbnail"] != image.file.url  # a rendition, not the original


def test_the_chosen_image_is_shown_with_its_thumbnail_on_the_panels_page(staff_client, admin_user, db):
    image = factories.image()
    panel = drafts.with_pending_draft(factories.panel(factories.exhibit()))
    panel.image = image
    actions.save_edit(obj=panel, user=admin_user)  # a pending draft: the page shows the draft's choice

    response = staff_client.get(reverse("admin:exhibits_panel_change", args=[panel.pk]))

    assert f'data-thumbnail="{images.sized_url(image, "thumbnail")}"' in response.content.decode()
    assert 'data-ajax--url="/admin/exhibits/image/autocomplete/"' in response.content.decode()

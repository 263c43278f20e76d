"""The three editorial roles, as groups of permissions.

Curator: writes and edits all content (Hungarian source and translations), submits it for
review, exports, sees what is scheduled; cannot publish. Translator: sees all content, changes
the translations only (`edit_source_text` is what it lacks), imports and exports translations.
Publisher: sees all content, publishes, unpublishes, schedules and reverts, exports; does not edit.
"""

from exhibits.content.models import CONTENT_MODELS as CONTENT

CONTENT_MODELS = [model._meta.model_name for model in CONTENT]
TRANSLATED_MODELS = [model._meta.model_name for model in CONTENT if getattr(model, "translated_fields", ())]

ROLES = {
    "Curator": [
        *[f"{action}_{model}" for model in CONTENT_MODELS for action in ["add", "change", "delete", "view"]],
        "view_kiosk",
        "view_schedule",
        "edit_source_text",
        "export_exhibit",
        "preview_drafts",
    ],
    "Translator": [
        *[f"view_{model}" for model in CONTENT_MODELS],
        *[f"change_{model}" for model in TRANSLATED_MODELS],
        "import_translations",
        "export_exhibit",
        "preview_drafts",
    ],
    "Publisher": [
        *[f"view_{model}" for model in CONTENT_MODELS],
        "view_kiosk",
        "view_schedule",
        "publish_content",
        "export_exhibit",
        "preview_drafts",
    ],
}


def make_roles(apps, schema_editor=None):
    """Create the groups, or set their permissions to exactly ROLES (the exhibits app's)."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        permissions = Permission.objects.filter(content_type__app_label="exhibits", codename__in=codenames)
        group.permissions.set(permissions)

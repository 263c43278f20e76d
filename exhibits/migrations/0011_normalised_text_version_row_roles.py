"""Existing text as the new text fields store it, the one content version row, and the roles'
permissions on glossary terms."""

from django.db import migrations

from exhibits.content.fields import normalize_text
from exhibits.editorial.roles import make_roles

MODELS = ["event", "exhibit", "panel", "figure", "place", "image", "source"]


def normalise_text(apps, schema_editor):
    for name in MODELS:
        model = apps.get_model("exhibits", name)
        text_fields = [
            field.attname
            for field in model._meta.concrete_fields
            if field.get_internal_type() in {"CharField", "TextField"} and not field.choices
        ]
        for obj in model._base_manager.all():
            changed = {}
            for attname in text_fields:
                value = getattr(obj, attname)
                if isinstance(value, str) and normalize_text(value) != value:
                    changed[attname] = normalize_text(value)
            record = getattr(obj, "translated_from", None)
            if record:
                normalised = {key: normalize_text(text) for key, text in record.items()}
                if normalised != record:
                    changed["translated_from"] = normalised
            if changed:
                model._base_manager.filter(pk=obj.pk).update(**changed)


def create_version_row(apps, schema_editor):
    apps.get_model("exhibits", "ContentVersion").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [
        ("exhibits", "0010_content_for_visitors_schedules_kiosk_tokens"),
    ]

    operations = [
        migrations.RunPython(normalise_text, migrations.RunPython.noop),
        migrations.RunPython(create_version_row, migrations.RunPython.noop),
        migrations.RunPython(make_roles, migrations.RunPython.noop),
    ]

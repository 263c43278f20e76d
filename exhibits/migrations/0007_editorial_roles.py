from django.db import migrations

from exhibits.editorial.roles import make_roles


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("exhibits", "0006_workflow_history_drafts_renditions"),
    ]

    operations = [
        migrations.RunPython(make_roles, migrations.RunPython.noop),
    ]

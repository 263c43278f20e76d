"""PostgreSQL's unaccent extension, which search uses to ignore accents (a no-op on SQLite)."""

from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("exhibits", "0004_image_updated_at")]

    operations = [UnaccentExtension()]

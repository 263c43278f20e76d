"""Full-text search on PostgreSQL: text search configurations that fold accents, and a GIN index
on each kind of content's search document per language (exhibits/content/search.py builds the
same documents). Nothing happens on SQLite.

The lists below are this migration's own copy of search.DOCUMENTS: an index is used only while
the query's document is exactly the indexed one, so a change there needs a new migration (the
test that explains the query plan fails until then).
"""

import functools
import operator

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

CONFIGURATIONS_SQL = """
CREATE TEXT SEARCH CONFIGURATION hungarian_unaccent (COPY = pg_catalog.hungarian);
ALTER TEXT SEARCH CONFIGURATION hungarian_unaccent
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, hungarian_stem;
CREATE TEXT SEARCH CONFIGURATION english_unaccent (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION english_unaccent
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
CREATE TEXT SEARCH CONFIGURATION simple_unaccent (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION simple_unaccent
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
"""

DROP_CONFIGURATIONS_SQL = """
DROP TEXT SEARCH CONFIGURATION IF EXISTS hungarian_unaccent;
DROP TEXT SEARCH CONFIGURATION IF EXISTS english_unaccent;
DROP TEXT SEARCH CONFIGURATION IF EXISTS simple_unaccent;
"""

CONFIGURATIONS = {
    "hu": ("hungarian", "hungarian_unaccent", "simple_unaccent"),
    "en": ("english_unaccent", "simple_unaccent"),
}

DOCUMENTS = {
    "event": {
        "hu": [("title_hu", "A"), ("summary_hu", "B")],
        "en": [("title_en", "A"), ("summary_en", "B")],
    },
    "figure": {
        "hu": [("name_hu", "A"), ("name_en", "A"), ("other_names", "A"), ("role_hu", "B"), ("biography_hu", "C")],
        "en": [("name_hu", "A"), ("name_en", "A"), ("other_names", "A"), ("role_en", "B"), ("biography_en", "C")],
    },
    "place": {
        "hu": [("name_hu", "A"), ("name_en", "A"), ("area_hu", "B"), ("description_hu", "C")],
        "en": [("name_hu", "A"), ("name_en", "A"), ("area_en", "B"), ("description_en", "C")],
    },
    "panel": {
        "hu": [("title_hu", "A"), ("body_hu", "B")],
        "en": [("title_en", "A"), ("body_en", "B")],
    },
}


def indexes(apps):
    for model_name, languages in DOCUMENTS.items():
        model = apps.get_model("exhibits", model_name)
        for language, columns in languages.items():
            document = functools.reduce(
                operator.add,
                (
                    SearchVector(column, config=config, weight=weight)
                    for column, weight in columns
                    for config in CONFIGURATIONS[language]
                ),
            )
            yield model, GinIndex(document, name=f"{model_name}_search_{language}")


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(CONFIGURATIONS_SQL)
    for model, index in indexes(apps):
        schema_editor.add_index(model, index)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model, index in indexes(apps):
        schema_editor.remove_index(model, index)
    schema_editor.execute(DROP_CONFIGURATIONS_SQL)


class Migration(migrations.Migration):
    dependencies = [("exhibits", "0012_preview_permission")]

    operations = [migrations.RunPython(create, drop)]

"""Search that ignores case and accents: "gero" finds Gerő, "nagy imre" finds Imre Nagy.

Both sides of a comparison are folded the same way: the query in Python by `fold()`, the
columns in SQL by `Fold()`, which is PostgreSQL's `unaccent` extension (created by a
migration) under `lower`, and on SQLite the same Python `fold()` registered on every new
connection. Nothing is stored twice, so there is no search column to keep up to date.
"""

import unicodedata

from django.db.models import CharField, Func, Q, TextField, Value
from django.db.models.functions import Coalesce, Concat

MAX_QUERY_LENGTH = 100
MAX_TERMS = 8


def fold(text):
    """Return `text` lower-cased and without accents: "Gerő Ernő" → "gero erno"."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


class Fold(Func):
    """The SQL counterpart of `fold()`."""

    function = "TARLO_FOLD"
    output_field = CharField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, template="LOWER(UNACCENT(%(expressions)s))", **extra_context)


def register_sqlite_functions(sender, connection, **kwargs):
    """Give a new SQLite connection the `TARLO_FOLD` function (connected to connection_created)."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("TARLO_FOLD", 1, fold, deterministic=True)


def terms(query):
    """Split a visitor's query into at most MAX_TERMS folded words."""
    return fold(query[:MAX_QUERY_LENGTH]).split()[:MAX_TERMS]


def matching(queryset, fields, words):
    """Filter `queryset` to rows where every word occurs in one of `fields`."""
    if not words:
        return queryset.none()
    columns = [Coalesce(field, Value(""), output_field=TextField()) for field in fields]
    text = (
        Concat(*_interleave(columns, Value(" ")), output_field=TextField())
        if len(columns) > 1
        else columns[0]
    )
    condition = Q()
    for word in words:
        condition &= Q(search_text__contains=word)
    return queryset.annotate(search_text=Fold(text)).filter(condition)


def _interleave(items, separator):
    result = []
    for item in items:
        if result:
            result.append(separator)
        result.append(item)
    return result

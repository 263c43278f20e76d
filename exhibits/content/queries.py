"""Queries of a fixed shape, compiled to SQL once and then run with each use's values as parameters:
on a visitor's page, building and compiling the querysets took as long as running them.

A shape is a function of `p` returning a queryset, in which `p.value(name)` stands for one value
and `p.pks(name)` for a list of primary keys. Every value is a parameter, so the compiled SQL
holds no content; a list of primary keys is one JSON array parameter, so its length does not
change the SQL either. The SQL is kept per database, language (an alphabetical order depends on
it) and options.

Compiled SQL names its parameters (%(p0)s, %(p1)s…, "pyformat", which every database driver
Django supports understands): Django's SQLite backend rewrites the usual %s placeholders with a
regular expression over the whole text on every execute, which cost more than running the query.
"""

import datetime
import functools
import itertools
import re

import orjson
from django.db import connection, connections
from django.db.models.base import ModelState
from django.db.models.expressions import RawSQL
from django.utils import translation

# SQL reading a list of primary keys from one JSON array parameter, by database.
PKS_FROM_JSON = {
    "sqlite": "SELECT value FROM json_each(%s)",
    "postgresql": "SELECT (jsonb_array_elements_text(%s::jsonb))::bigint",
}
_MARKER = "\x00tarlo-parameter:"
_PLACEHOLDER = re.compile(r"(?<!%)%s")  # as Django's SQLite backend finds them


def named_parameters(sql):
    """`sql` with its %s placeholders named %(p0)s, %(p1)s… in order; give it `parameter_names(values)`."""
    number = itertools.count()
    return _PLACEHOLDER.sub(lambda _placeholder: f"%(p{next(number)})s", sql)


def pks_parameter(pks):
    """Primary keys as the one JSON array parameter that PKS_FROM_JSON reads."""
    return orjson.dumps(sorted(pks)).decode()


def parameter_names(values):
    """The parameters of SQL from `named_parameters`, by name."""
    return {f"p{number}": value for number, value in enumerate(values)}


def run(shape, *, published=False, internal=True, lean=False, cursor=None, **values):
    """The objects `shape` finds for `values`: only published ones if `published`, internal sources
    only if `internal`, and `lean` ones for visitors (see `_leanly_built`); on `cursor`, if given,
    else on a cursor of its own."""
    compiled = _compiled(shape, connection.alias, translation.get_language(), published, internal, lean)
    if compiled is None:
        return list(_filtered(shape(_Values(values)), published=published, internal=internal, lean=lean))
    if cursor is None:
        with connection.cursor() as cursor:
            return run(shape, published=published, internal=internal, lean=lean, cursor=cursor, **values)
    sql, parameters, model, attnames, converters = compiled
    database = cursor.db
    cursor.execute(
        sql, parameter_names([_parameter(database, values, *parameter) for parameter in parameters])
    )
    rows = cursor.fetchall()
    objects = []
    for row in rows:
        if converters:
            row = list(row)
            for position, (functions, expression) in converters:
                for function in functions:
                    row[position] = function(row[position], expression, database)
        objects.append(
            _leanly_built(model, attnames, row, database.alias)
            if lean
            else model.from_db(database.alias, attnames, row)
        )
    return objects


class _Placeholders:
    """Parameters of a query being compiled: SQL with a marker where each value goes."""

    def __init__(self, vendor):
        self.vendor = vendor

    def value(self, name):
        return RawSQL("%s", [f"{_MARKER}value:{name}"])

    def pks(self, name):
        return RawSQL(PKS_FROM_JSON[self.vendor], [f"{_MARKER}pks:{name}"])


class _Values:
    """Parameters of a query built for one use (databases without `PKS_FROM_JSON`)."""

    def __init__(self, values):
        self.values = values

    def value(self, name):
        return self.values[name]

    def pks(self, name):
        return sorted(self.values[name])


def _parameter(database, values, kind, name, value):
    """One parameter of compiled SQL: a value of the query's own, or one of `values`."""
    if kind is None:
        return value
    if kind == "pks":
        return pks_parameter(values[name])
    if isinstance(values[name], datetime.date):
        return database.ops.adapt_datefield_value(values[name])
    return values[name]


@functools.lru_cache(maxsize=256)
def _compiled(shape, db, language, published, internal, lean):
    """(sql, [(kind, name, value)], model, attnames, converters) of `shape`; None where the
    database has no JSON list function."""
    vendor = connections[db].vendor
    if vendor not in PKS_FROM_JSON:
        return None
    with translation.override(language):
        queryset = _filtered(shape(_Placeholders(vendor)), published=published, internal=internal, lean=lean)
        compiler = queryset.query.get_compiler(db)
        sql, params = compiler.as_sql()
    parameters = []
    for value in params:
        if isinstance(value, str) and value.startswith(_MARKER):
            kind, _colon, name = value[len(_MARKER) :].partition(":")
            parameters.append((kind, name, None))
        else:
            parameters.append((None, None, value))
    columns = [column for column, _sql, _alias in compiler.select]
    converters = list(compiler.get_converters(columns).items())
    return (
        named_parameters(sql),
        parameters,
        queryset.model,
        [column.target.attname for column in columns],
        converters,
    )


def _filtered(queryset, *, published, internal, lean):
    if published:
        queryset = queryset.published()
    if not internal:
        queryset = queryset.filter(is_internal=False)
    if lean:
        # On the query itself: modeltranslation's defer() would defer the languages too.
        queryset.query.add_deferred_loading(_unread_by_visitors(queryset.model))
    return queryset


def _unread_by_visitors(model):
    """What visitors never see: when and from what a text was written, and modeltranslation's
    copy of each translated field (visitors read the `_hu` and `_en` columns)."""
    fields = {field.name for field in model._meta.concrete_fields}
    bookkeeping = {"created_at", "updated_at", "translated_from"} & fields
    return [*bookkeeping, *getattr(model, "translated_fields", ())]


def _leanly_built(model, attnames, row, alias):
    """An object read for visitors: its columns set as they are, without Model.__init__, whose
    per-field work and signals (modeltranslation's, ImageField's) change nothing for a row that
    comes from the database. Visitors' pages only read such objects; nothing saves them."""
    obj = model.__new__(model)
    obj.__dict__.update(zip(attnames, row, strict=True))
    obj._state = ModelState()
    obj._state.adding = False
    obj._state.db = alias
    return obj

"""Search of published content: on PostgreSQL full-text search that knows Hungarian and English,
on SQLite a simple search that ignores case and accents.

What is searched is declared once, in DOCUMENTS: for each kind of content its fields and their
weights. A field is searched in the visitor's language, or, for names, in every language.

PostgreSQL (`matching()` with `ranked=True`): each field is read with every text search
configuration of the visitor's language (CONFIGURATIONS), and the query words with the same
ones, so that a word is found in any of these forms:

- stemmed with the accents kept ("hungarian": "forradalmat" and "forradalom" are both
  "forradal", "rádiónál" is "rádió"). The Snowball stemmer of Hungarian needs the accents, so
  this comes first;
- stemmed after the accents are folded ("hungarian_unaccent": a visitor who types "radional"
  finds "rádiónál"; "english_unaccent": "uprisings" finds "uprising", "Gero" finds "Gerő");
- folded but neither stemmed nor dropped as a stop word ("simple_unaccent": "Nagy" is a name,
  not only the Hungarian stop word "big").

The configurations are created by migration 0013, with a GIN index on each document per
language, so that a query reads the index instead of every row. Results are ordered by
`ts_rank` of their titles and names and carry a snippet of their text with the matched
words marked (`ts_headline`, turned into escaped HTML by `highlighted()`).

SQLite: every query word must occur, folded, in one of the fields (`Fold()` is the same Python
`fold()` registered on every new connection); no stemming, no ranking, no index.
"""

import functools
import operator
import re
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQueryField,
    SearchRank,
    SearchVector,
    SearchVectorField,
)
from django.db import connections
from django.db.models import BooleanField, CharField, Func, Q, TextField, Value
from django.db.models.expressions import Expression, RawSQL
from django.db.models.functions import Coalesce, Concat
from django.utils.html import escape
from django.utils.safestring import mark_safe

from exhibits.content.markup import to_plain_text

MAX_QUERY_LENGTH = 100
MAX_TERMS = 8

# The text search configurations each language's text is read with; migration 0013 creates the
# ones that are not PostgreSQL's own. A language without an entry is read with the last one.
CONFIGURATIONS = {
    "hu": ("hungarian", "hungarian_unaccent", "simple_unaccent"),
    "en": ("english_unaccent", "simple_unaccent"),
}
FALLBACK_CONFIGURATIONS = ("simple_unaccent",)

# Marks that ts_headline puts around a matched word; no text holds them once `words()` and
# `highlighted()` have dropped them.
START, STOP = "\x02", "\x03"

_WORD = re.compile(r"[^\W_]+")
_LIST_ITEM = re.compile(r"^\s*(?:-|\d+\))\s+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class Field:
    name: str
    weight: str = "D"
    in_every_language: bool = False
    is_translated: bool = True

    def columns(self, language):
        if not self.is_translated:
            return [self.name]
        if self.in_every_language:
            return [f"{self.name}_{code}" for code, _name in settings.LANGUAGES]
        return [f"{self.name}_{language}"]


@dataclass(frozen=True)
class Document:
    """What is searched of one model: its fields with their weights, and the field of the snippet."""

    fields: tuple
    snippet: str

    def columns(self, language):
        """[(column, weight)] searched for a visitor reading `language`."""
        return [(column, field.weight) for field in self.fields for column in field.columns(language)]

    @property
    def heading(self):
        """The document's titles and names (weight A): what results are ranked by."""
        return Document(
            fields=tuple(field for field in self.fields if field.weight == "A"), snippet=self.snippet
        )


DOCUMENTS = {
    "event": Document(fields=(Field("title", "A"), Field("summary", "B")), snippet="summary"),
    "figure": Document(
        fields=(
            Field("name", "A", in_every_language=True),
            Field("other_names", "A", is_translated=False),
            Field("role", "B"),
            Field("biography", "C"),
        ),
        snippet="biography",
    ),
    "place": Document(
        fields=(Field("name", "A", in_every_language=True), Field("area", "B"), Field("description", "C")),
        snippet="description",
    ),
    "panel": Document(fields=(Field("title", "A"), Field("body", "B")), snippet="body"),
}


def configurations(language):
    return CONFIGURATIONS.get(language, FALLBACK_CONFIGURATIONS)


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


def cleaned(query):
    """The visitor's query without control characters, cut to MAX_QUERY_LENGTH."""
    return _CONTROL.sub(" ", query)[:MAX_QUERY_LENGTH].strip()


def all_words(query):
    """The words (letters and digits) of a visitor's query."""
    return _WORD.findall(cleaned(query))


def words(query):
    """The words searched for: at most MAX_TERMS of them."""
    return all_words(query)[:MAX_TERMS]


def terms(query):
    """The folded words of a query, as the SQLite search compares them."""
    return [fold(word) for word in words(query)]


def vector(document, language):
    """The tsvector of `document` for a visitor reading `language` (as migration 0013 indexes it)."""
    return functools.reduce(
        operator.add,
        (
            SearchVector(column, config=config, weight=weight)
            for column, weight in document.columns(language)
            for config in configurations(language)
        ),
    )


_vector_sqls = {}


def _stored_vector(queryset, document, language):
    """`vector()` as SQL built once per process: Django takes longer to build the tree of a
    document's dozen to_tsvector() calls than PostgreSQL takes to answer from the index."""
    key = (queryset.model, document, language, queryset.db)
    if key not in _vector_sqls:
        connection = connections[queryset.db]
        query = queryset.model.objects.all().query
        expression = vector(document, language).resolve_expression(query)
        sql, params = expression.as_sql(query.get_compiler(connection=connection), connection)
        _vector_sqls[key] = connection.ops.compose_sql(sql, params)
    return RawSQL(_vector_sqls[key], [], output_field=SearchVectorField())


class WordsQuery(Expression):
    """A tsquery holding every word (or, with `every=False`, any word) of `query_words`, each in
    any of the forms `configurations` give it: plainto_tsquery() per word and configuration.

    SearchQuery objects combined with & and | say the same, but Django takes milliseconds to
    build the tree of a few words in three configurations, three times per result list.
    """

    output_field = SearchQueryField()

    def __init__(self, query_words, configurations, *, every=True):
        super().__init__()
        self.query_words, self.configurations, self.every = tuple(query_words), tuple(configurations), every

    def as_sql(self, compiler, connection):
        forms = " || ".join(["plainto_tsquery(%s::regconfig, %s)"] * len(self.configurations))
        params = [
            value for word in self.query_words for config in self.configurations for value in (config, word)
        ]
        if not self.every:
            return f"({' || '.join([forms] * len(self.query_words))})", params
        return f"({' && '.join([f'({forms})'] * len(self.query_words))})", params


class Matches(Func):
    """tsvector @@ tsquery."""

    template = "(%(expressions)s)"
    arg_joiner = " @@ "
    output_field = BooleanField()


def text_query(query_words, language):
    """Every word, in any of the forms the language's configurations give it."""
    return WordsQuery(query_words, configurations(language))


def snippet(document, language, query_words):
    """A few lines of the document's text around the matched words, each marked with START…STOP.

    ts_headline marks the words whose form in its configuration is in the query, so it runs once
    per configuration, the outer one (the language's stemmer) choosing the lines to show.
    """
    text = Coalesce(f"{document.snippet}_{language}", Value(""), output_field=TextField())
    # Any word: a word may match in the title alone.
    query = WordsQuery(query_words, configurations(language), every=False)
    outer, *inner = configurations(language)
    for config in reversed(inner):
        text = SearchHeadline(text, query, config=config, start_sel=START, stop_sel=STOP, highlight_all=True)
    return SearchHeadline(
        text, query, config=outer, start_sel=START, stop_sel=STOP, max_words=30, min_words=12, short_word=2
    )


def matching(queryset, document, language, query_words, *, ranked):
    """Filter `queryset` to the rows of `document` holding every word of `query_words`.

    Ranked (PostgreSQL): best first, each with its `snippet`. Otherwise (SQLite): each word must
    occur, folded, in one of the document's fields.
    """
    if not query_words:
        return queryset.none()
    if ranked:
        document_vector = _stored_vector(queryset, document, language)
        query = text_query(query_words, language)
        # Ranked by the titles and names alone: ranking reads the text of every matching row,
        # and a broad word in long texts would cost more than the rest of the search together.
        heading_vector = _stored_vector(queryset, document.heading, language)
        return (
            queryset.filter(Matches(document_vector, query))
            .annotate(
                rank=SearchRank(heading_vector, query), snippet=snippet(document, language, query_words)
            )
            .order_by("-rank", "pk")
        )
    return _folded_matching(queryset, [column for column, _weight in document.columns(language)], query_words)


def _folded_matching(queryset, fields, query_words):
    columns = [Coalesce(field, Value(""), output_field=TextField()) for field in fields]
    text = (
        Concat(*_interleave(columns, Value(" ")), output_field=TextField())
        if len(columns) > 1
        else columns[0]
    )
    condition = Q()
    for word in query_words:
        condition &= Q(search_text__contains=fold(word))
    return queryset.annotate(search_text=Fold(text)).filter(condition)


def highlighted(headline, source=None):
    """HTML of a ts_headline: the text escaped, the marked words in <mark>, markup signs dropped,
    and "…" where it is cut from a longer `source`."""
    text = _plain(headline)
    html = re.sub(f"{START}+([^{START}{STOP}]*){STOP}+", r"<mark>\1</mark>", escape(text))
    html = re.sub(" {2,}", " ", html.replace(START, "").replace(STOP, "")).strip()
    if source is not None and text:
        words, whole = _plain(text.replace(START, "").replace(STOP, "")), _plain(source)
        html = (
            ("… " if not whole.startswith(words) else "") + html + (" …" if not whole.endswith(words) else "")
        )
    return mark_safe(html)


def _plain(text):
    """`text` on one line without list signs or asterisks, as a snippet shows it."""
    lines = (_LIST_ITEM.sub("", line) for line in (text or "").splitlines())
    return " ".join(" ".join(lines).replace("*", "").split())


def folded_snippet(text, query_words, *, length=30):
    """HTML of about `length` words of markup `text` from just before the first matched word, the
    words holding a query word (case and accents ignored) in <mark>: SQLite's `snippet()`."""
    tokens = to_plain_text(text or "").split()
    folded_words = [fold(word) for word in query_words]
    matched = [any(word in fold(token) for word in folded_words) for token in tokens]
    start = max(0, matched.index(True) - 4) if any(matched) else 0
    shown = [
        f"{START}{token}{STOP}" if is_match else token
        for token, is_match in zip(
            tokens[start : start + length], matched[start : start + length], strict=True
        )
    ]
    return highlighted(" ".join(shown), " ".join(tokens))


def _interleave(items, separator):
    result = []
    for item in items:
        if result:
            result.append(separator)
        result.append(item)
    return result

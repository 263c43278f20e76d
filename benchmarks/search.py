"""Time the search page with the 1956 exhibit, then with 10,000 more events, and count its queries.

Runs in a throwaway database (Django's test database: `<name>_benchmark_search` on PostgreSQL,
in memory on SQLite), migrated and loaded with fixtures/, so the database in use is not touched.
The page is rendered in full (no page cache), the best of `repeat` runs per query, with and\nwithout the generated events and again without them.

The generated events are made-up text (words of Hungarian- and English-like syllables), and one
in ten mentions "október" / "October": a query for a word they do not hold shows what the index
gives (the same few rows found among many), the broad query what ranking thousands of matches
costs.
"""

import datetime
import random
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from exhibits.models import Category, Event, Status

FIXTURES = sorted(str(path) for path in (Path(__file__).resolve().parent.parent / "fixtures").glob("*.json"))

# (language, query, whether the generated events hold its words)
QUERIES = [
    ("hu", "forradalmat", False),
    ("hu", "nagy imre", False),
    ("hu", "radional", False),
    ("en", "uprisings", False),
    ("en", "gero", False),
    ("hu", "október", True),
    ("en", "october", True),
]
TARGET = 2.0
# The page's static addresses without collectstatic's manifest.
STATIC_STORAGE = "django.contrib.staticfiles.storage.StaticFilesStorage"

SYLLABLES_HU = "ba be bi bo bö bu dá de dé fa fé fü ha há ke ké la le lé ló ma me mé mo pá pe pi sza szé szó ta te té tü vá ve vé zo zs".split()
SYLLABLES_EN = (
    "ba bel cor dan fen gal hol jun kep lan mor nesh pol quin rav sel tam ul ven wick yor zan".split()
)


def made_up_words(syllables, count, rng):
    return ["".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(count)]


def generated_events(count, *, seed=1956):
    """`count` published events of made-up text; every tenth mentions October."""
    rng = random.Random(seed)
    words_hu, words_en = made_up_words(SYLLABLES_HU, 3000, rng), made_up_words(SYLLABLES_EN, 3000, rng)
    categories = [choice for choice, _label in Category.choices]
    events = []
    for number in range(count):
        summary_hu = " ".join(rng.choices(words_hu, k=40))
        summary_en = " ".join(rng.choices(words_en, k=40))
        if number % 10 == 0:
            summary_hu, summary_en = f"október {summary_hu}", f"October {summary_en}"
        events.append(
            Event(
                slug=f"generated-{number}",
                title_hu=" ".join(rng.choices(words_hu, k=4)).capitalize(),
                title_en=" ".join(rng.choices(words_en, k=4)).capitalize(),
                summary_hu=summary_hu,
                summary_en=summary_en,
                category=rng.choice(categories),
                start_date=datetime.date(1956, 10, 23) + datetime.timedelta(days=number % 13),
                status=Status.PUBLISHED,
            )
        )
    return events


def measure(client, language, query, repeat):
    """(best seconds, queries) of the search page for `query`, over `repeat` runs."""
    url = f"/{language}/search/"
    client.get(url, {"q": query})  # warm up: the worker has rendered this page before
    times = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url, {"q": query})
            times.append(time.perf_counter() - started)
    assert response.status_code == 200, response.status_code
    return min(times), len(queries)


def matches(language, query):
    """How many events hold every word of `query` (all of them, not the page's first 20)."""
    from exhibits.content import search

    words = search.words(query)
    ranked = connection.vendor == "postgresql"
    return search.matching(
        Event.objects.published(), search.DOCUMENTS["event"], language, words, ranked=ranked
    ).count()


def run(stdout, *, events=10000, repeat=20):
    settings_dict = connection.settings_dict
    if connection.vendor != "sqlite":
        settings_dict["TEST"] = {
            **settings_dict.get("TEST", {}),
            "NAME": f"{settings_dict['NAME']}_benchmark_search",
        }
    stdout.write(f"Preparing a throwaway {connection.vendor} database with the 1956 exhibit …")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        measure_in_empty_database(stdout, events=events, repeat=repeat)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def measure_in_empty_database(stdout, *, events, repeat):
    """Load the 1956 exhibit into the (empty, migrated) database in use and print the figures."""
    with override_settings(
        CACHES={"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}},
        ALLOWED_HOSTS=["testserver"],
        SECURE_SSL_REDIRECT=False,
        STORAGES={**settings.STORAGES, "staticfiles": {"BACKEND": STATIC_STORAGE}},
    ):
        _measure_both(stdout, events=events, repeat=repeat)


class Rollback(Exception):
    pass


def _measure_both(stdout, *, events, repeat):
    """Measure the 1956 exhibit, then with the generated events (rolled back), then without
    them again: the machine may be busier in one round than in another."""
    call_command("loaddata", *FIXTURES, verbosity=0)
    _analyze()
    client = Client()
    small_count = Event.objects.published().count()
    before = _round(client, repeat)
    try:
        with transaction.atomic():
            Event.objects.bulk_create(generated_events(events), batch_size=1000)
            _analyze()
            large_count = Event.objects.published().count()
            large = _round(client, repeat)
            raise Rollback
    except Rollback:
        pass
    after = _round(client, repeat)

    stdout.write(
        f"search page on {connection.vendor}, best of {repeat} runs; {small_count} published events, "
        f"then {large_count}, then {small_count} again"
    )
    stdout.write(
        f"{'query':24} {'ms':>6} {'ms':>7} {'ms':>6} {'ratio':>6} {'queries':>9} {'events matching':>16}"
    )
    ratios = {}
    for language, query, is_broad in QUERIES:
        key = (language, query)
        small_time = (before[key][0] + after[key][0]) / 2
        ratios[key] = large[key][0] / small_time
        label = f"{language} “{query}”" + (" (broad)" if is_broad else "")
        stdout.write(
            f"{label:24} {before[key][0] * 1000:6.1f} {large[key][0] * 1000:7.1f} {after[key][0] * 1000:6.1f}"
            f" {ratios[key]:6.2f} {before[key][1]:>3} → {large[key][1]:<3}"
            f" {before[key][2]:>6} → {large[key][2]}"
        )
    narrow = [ratio for key, ratio in ratios.items() if not _is_broad(key)]
    broad = [ratio for key, ratio in ratios.items() if _is_broad(key)]
    stdout.write(
        "\nThe ratio is to the mean of the two rounds without the generated events. Worst ratio: "
        f"{max(narrow):.2f} of the queries the generated events do not hold, {max(broad):.2f} of the "
        f"broad ones (target: at most {TARGET:.0f}×)."
    )
    constant = all(before[key][1] == large[key][1] == after[key][1] for key in before)
    stdout.write("Queries per search page: " + ("constant." if constant else "NOT constant."))


def _round(client, repeat):
    """{(language, query): (best seconds, queries, events matching)} of every query."""
    return {
        (language, query): (*measure(client, language, query, repeat), matches(language, query))
        for language, query, _is_broad in QUERIES
    }


def _analyze():
    """Give PostgreSQL's planner the statistics autovacuum would have gathered by now."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _is_broad(key):
    return next(is_broad for language, query, is_broad in QUERIES if (language, query) == key)

import io

import pytest
from django.core.management import CommandError, call_command

from benchmarks import search
from exhibits.models import Event


@pytest.mark.django_db
def test_the_search_benchmark_prints_each_query_with_a_constant_query_count():
    out = io.StringIO()

    search.measure_in_empty_database(out, events=30, repeat=1)

    report = out.getvalue()
    assert "then 73, then 43 again" in report
    for language, query, _is_broad in search.QUERIES:
        assert f"{language} “{query}”" in report
    assert "5 → 5" in report
    assert "Queries per search page: constant." in report
    assert not Event.objects.filter(slug__startswith="generated-").exists()


def test_the_search_benchmark_refuses_to_generate_no_events():
    with pytest.raises(CommandError, match="--events and --repeat must be at least 1."):
        call_command("benchmark_search", "--events", "0")

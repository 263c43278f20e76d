import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from benchmarks import pages

peers_set_up = pytest.mark.skipif(
    not (pages.PEERS / "compare.sh").is_file(),
    reason=f"the side-by-side script is not at {pages.PEERS} (TARLO_BENCH_PEERS)",
)


@peers_set_up
@pytest.mark.django_db(transaction=False)
def test_the_benchmark_prints_each_page_beside_bare_django_and_wagtail_and_then_every_export():
    out = io.StringIO()

    call_command("benchmark", "--seconds=2", "--export-panels=3", "--export-large=6", stdout=out)

    rows = {line.split()[0]: line.split() for line in out.getvalue().splitlines() if line.strip()}
    wagtail = float(rows["wagtail"][1])
    for page in ["bare", "wagtail", "exhibit-uncached", "kiosk-uncached", "exhibit-cached", "exhibit-304"]:
        requests_per_second, ratio_to_wagtail, non_2xx = (
            float(rows[page][1]),
            float(rows[page][5]),
            rows[page][6],
        )
        table = out.getvalue()
        assert requests_per_second > 0, table
        assert ratio_to_wagtail == pytest.approx(requests_per_second / wagtail, abs=0.01), table  # one run
        assert non_2xx == "0", table  # a 304 counts as an answer, an error page would not
    for format in ["csv", "json", "xliff", "docx", "labels"]:
        assert any(line.startswith(f"  {format} ") for line in out.getvalue().splitlines())


def test_without_the_side_by_side_script_the_benchmark_says_where_it_looked(monkeypatch, tmp_path):
    monkeypatch.setattr(pages, "PEERS", tmp_path)

    with pytest.raises(CommandError, match=str(tmp_path)):
        call_command("benchmark", stdout=io.StringIO())


def test_the_median_of_several_rounds_is_each_ratios_middle_value():
    def table(exhibit_to_wagtail):
        return (
            "page req/s p50 p99 /bare /wagtail non-2xx\n"
            f"exhibit-uncached 100 1.0 2.0 0.05 {exhibit_to_wagtail} 0\n"
        )

    summary = pages.median_ratios([table(2.5), table(3.4), table(3.1)])

    assert summary.splitlines()[-1].split() == ["exhibit-uncached", "0.05", "3.10"]

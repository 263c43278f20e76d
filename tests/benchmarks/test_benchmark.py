import io

import pytest
from django.core.management import call_command


@pytest.mark.django_db(transaction=False)
def test_the_benchmark_prints_every_page_with_its_ratio_and_then_every_export():
    out = io.StringIO()

    call_command(
        "benchmark", "--requests=5", "--seconds=1", "--export-panels=3", "--export-large=6", stdout=out
    )

    lines = out.getvalue().splitlines()
    for page in ["exhibit, uncached", "exhibit, from cache", "exhibit, 304", "timeline", "kiosk page"]:
        row = next(line for line in lines if line.startswith(page))
        assert float(row.split()[-1]) > 0
    for format in ["csv", "json", "xliff", "docx", "labels"]:
        assert any(line.startswith(f"  {format} ") for line in lines)

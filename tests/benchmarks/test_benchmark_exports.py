import io

import pytest
from django.core.management import call_command

from exhibits.models import Exhibit


@pytest.mark.django_db(transaction=False)
def test_the_export_benchmark_prints_a_time_per_format_and_leaves_the_database_as_it_was():
    out = io.StringIO()

    call_command("benchmark_exports", "--panels", "5", "--large", "10", stdout=out)

    for format in ["csv", "json", "xliff", "docx", "labels"]:
        assert f"  {format}" in out.getvalue()
    assert "5 vs 10 panels" in out.getvalue()
    assert "entity expansion" in out.getvalue()
    assert not Exhibit.objects.exists()

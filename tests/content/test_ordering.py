import pytest
from django.db import connection
from django.utils import translation

from exhibits.models import Figure


def figure(sort_hu, sort_en=""):
    return Figure.objects.create(
        name_hu=sort_hu, sort_name_hu=sort_hu, sort_name_en=sort_en, slug=f"f-{Figure.objects.count()}"
    )


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="alphabets by language need PostgreSQL's ICU")
def test_hungarian_lists_follow_the_hungarian_alphabet():
    for name in ["Ősz Ádám", "Csonka Béla", "Oláh Gábor", "Czakó Pál", "Örkény István"]:
        figure(name)

    with translation.override("hu"):
        names = [f.sort_name_hu for f in Figure.objects.alphabetical()]

    assert names == ["Czakó Pál", "Csonka Béla", "Oláh Gábor", "Örkény István", "Ősz Ádám"]


@pytest.mark.django_db
def test_each_language_sorts_by_its_own_sort_name_and_untranslated_ones_by_the_source():
    figure("Nagy Imre", "Nagy, Imre")
    figure("Andropov, Jurij", "Andropov, Yuri")
    figure("Kádár János")

    with translation.override("en"):
        names = [f.sort_name_en or f.sort_name_hu for f in Figure.objects.alphabetical()]

    assert names == ["Andropov, Yuri", "Kádár János", "Nagy, Imre"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="alphabets by language need PostgreSQL's ICU")
def test_the_admin_lists_people_in_the_curators_alphabet(staff_client):
    for name in ["Ősz Ádám", "Csonka Béla", "Czakó Pál"]:
        figure(name)

    response = staff_client.get("/admin/exhibits/figure/", headers={"accept-language": "hu"})

    assert [f.sort_name_hu for f in response.context["cl"].result_list] == [
        "Czakó Pál",
        "Csonka Béla",
        "Ősz Ádám",
    ]

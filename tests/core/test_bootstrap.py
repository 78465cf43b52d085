"""bootstrap loads Nan'an's regions and organisation whenever Nan'an is missing, whatever else the database
holds, and says what it did."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation

from zhichan.core.models import Committee, Population, Region, Unit

from .regions_helpers import CITY_FILE, empty_regions

pytestmark = pytest.mark.django_db


def bootstrap() -> str:
    out = StringIO()
    with translation.override("en"):
        call_command("bootstrap", "--no-demo", stdout=out)
    return out.getvalue()


def counts():
    return Region.objects.count(), Unit.objects.count(), Committee.objects.count(), Population.objects.count()


def test_on_an_empty_database_it_loads_nanan_and_the_second_time_nothing():
    empty_regions()
    out = bootstrap()
    assert "南安市: 29 regions" in out
    assert "Province 1, Prefecture-level city 1, County or county-level city 1, " in out and "(31 new)" in out
    assert "52 units, 2 committees" in out
    nanan = Region.objects.get(code="350583")
    assert Unit.objects.filter(region=nanan).exists()
    assert counts() == (31, 52, 2, 2)  # province, city and Nan'an's 29; the file's units, township units included
    history = Region.history.count(), Unit.history.count()

    again = bootstrap()
    assert "南安市 (350583): regions and units already there, nothing loaded." in again
    assert "units," not in again
    assert counts() == (31, 52, 2, 2)
    assert (Region.history.count(), Unit.history.count()) == history


def test_on_a_database_holding_only_the_city_it_adds_nanan():
    empty_regions()
    call_command("load_regions", str(CITY_FILE), stdout=StringIO(), stderr=StringIO())
    city_regions = Region.objects.count()
    assert Region.objects.filter(code="350583").exists() and not Unit.objects.exists()

    out = bootstrap()
    assert "南安市: 29 regions" in out and "(1 new)" in out  # only the park was missing
    assert "52 units, 2 committees" in out
    assert Region.objects.count() == city_regions + 1
    assert Region.objects.get_parent(Region.objects.get(name="南安经济开发区")).code == "350583"
    assert Unit.objects.filter(region__code="350583").exists()
    assert Population.objects.filter(region__code="350583").count() == 2


def test_on_the_usual_database_it_says_nanan_is_there():
    before = counts()
    assert "南安市 (350583): regions and units already there, nothing loaded." in bootstrap()
    assert counts() == before

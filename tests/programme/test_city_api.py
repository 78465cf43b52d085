"""The API gives what the pages give for a city's target about named sub-regions (C7 in
tests/programme/city-programme.yaml): the dashboard's JSON each named county's value and status and how many meet
it, and the single-figure entry a figure for a named county, refused for a region no target names."""

from decimal import Decimal

import pytest

from zhichan.core.models import Region, Role, Unit, User
from zhichan.indicators.models import DataElement, DataValue

from . import test_city_programme as city_programme
from .test_city_programme import DEHUA, JINJIANG, NANAN

counties, city, figures = city_programme.counties, city_programme.city, city_programme.figures

pytestmark = pytest.mark.django_db

STRONG = "ip-strong-county-designated"


@pytest.fixture
def liaison(city):
    unit = Unit.objects.get(organisation__code="3505", key="amr")
    return User.objects.create(username="city-amr", role=Role.UNIT_LIAISON, unit=unit)


def test_the_dashboard_api_gives_each_named_countys_value_and_status(figures, api_for, operator):
    data = api_for(operator).get("/api/v1/dashboard/?as_of=2023-12-31").json()
    c7 = next(row for row in data["targets"] if row["target"] and row["target"]["code"] == "C7")
    assert c7["value"] is None  # the city has no figure of its own for it
    parts = {part["region"]["code"]: part for part in c7["parts"]}
    assert sorted(parts) == sorted([JINJIANG, DEHUA, NANAN])
    assert parts[JINJIANG]["met"] and parts[NANAN]["met"] and not parts[DEHUA]["met"]
    assert Decimal(parts[JINJIANG]["value"]["value"]) == 1 and Decimal(parts[DEHUA]["value"]["value"]) == 0
    assert parts[JINJIANG]["status"]["light"] == "done" and parts[DEHUA]["status"]["light"] != "done"
    assert c7["parts_met"] == 2
    c1 = next(row for row in data["targets"] if row["target"] and row["target"]["code"] == "C1")
    assert c1["parts"] == [] and c1["parts_met"] is None
    assert sorted(row["region"]["code"] for row in data["grid"]["rows"]) == sorted([JINJIANG, DEHUA, NANAN])


def _post(api, liaison, region, value="1"):
    element = DataElement.objects.get(code=STRONG)
    body = {"element": element.pk, "unit": liaison.unit_id, "period": "2023", "value": value, "submit": True}
    if region is not None:
        body["region"] = region.pk
    return api.post("/api/v1/data-values/", body, format="json")


def test_the_api_takes_a_named_countys_figure_as_the_page_does(city, counties, liaison, api_for):
    api = api_for(liaison)
    created = _post(api, liaison, counties[JINJIANG])
    assert created.status_code == 201, created.content
    assert created.json()["region"] == counties[JINJIANG].pk and created.json()["state"] == "submitted"
    row = DataValue.objects.get(element__code=STRONG, region=counties[JINJIANG])
    assert row.unit == liaison.unit and row.value == 1
    elsewhere = Region.objects.get(code="350583119")  # a township of Nan'an: no target names it
    refused = _post(api, liaison, elsewhere)
    assert refused.status_code == 400 and "value" in refused.json()
    assert not DataValue.objects.filter(element__code=STRONG, region=elsewhere).exists()
    again = _post(api, liaison, counties[JINJIANG], value="0")  # the same figure changed, not a second one
    assert again.status_code == 201 and DataValue.objects.filter(element__code=STRONG).count() == 1

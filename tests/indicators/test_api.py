from zhichan.indicators.models import DataElement, DataValue, IndicatorValue
from zhichan.indicators.services.compute import compute


def test_values_filtered_and_scoped(register, reported, api_for):
    compute(periods=["2023-06"])
    regions = register["regions"]
    api = api_for("leader")
    rows = api.get(
        "/api/v1/indicator-values/",
        {"indicator__code": "invention-patents-per-10k-residents", "region": regions["A"].pk, "period": "2023-06"},
    ).json()["results"]
    assert len(rows) == 1 and rows[0]["value"] == "0.2000"
    township = api_for("shuitou-liaison").get("/api/v1/indicator-values/", {"period": "2023-06"}).json()
    assert {row["region"] for row in township["results"]} == {regions["A"].pk}


def test_records_behind_a_value(register, reported, api_for):
    compute(periods=["2023-06"])
    value = IndicatorValue.objects.get(
        indicator__code="invention-patents-per-10k-residents", region=register["regions"]["county"], period="2023-06"
    )
    data = api_for("office").get(f"/api/v1/indicator-values/{value.pk}/records/").json()
    assert data["input"] == "valid_invention_patents" and data["count"] == 4
    numbers = {row["application_number"] for row in data["records"]}
    assert register["patents"]["p2"].application_number in numbers
    other = IndicatorValue.objects.get(
        indicator__code="invention-patents-per-10k-residents", region=register["regions"]["B"], period="2023-06"
    )
    assert api_for("shuitou-liaison").get(f"/api/v1/indicator-values/{other.pk}/records/").status_code == 404


def test_a_unit_writes_its_own_data_values(loaded, api_for, users):
    element = DataElement.objects.get(code="rights-assistance-cases")
    api = api_for("amr-liaison")
    created = api.post(
        "/api/v1/data-values/",
        {"element": element.pk, "unit": users["amr-liaison"].unit_id, "period": "2024Q1", "value": "4", "submit": True},
        format="json",
    )
    assert created.status_code == 201, created.content
    assert created.json()["state"] == "submitted"
    refused = api.post(
        "/api/v1/data-values/",
        {"element": element.pk, "unit": users["court-liaison"].unit_id, "period": "2024Q1", "value": "4"},
        format="json",
    )
    assert refused.status_code == 403
    bad = api.post(
        "/api/v1/data-values/",
        {"element": element.pk, "unit": users["amr-liaison"].unit_id, "period": "2024-03", "value": "4"},
        format="json",
    )
    assert bad.status_code == 400  # reported quarterly
    assert DataValue.objects.count() == 1
    assert api_for("leader").post("/api/v1/data-values/", {}, format="json").status_code == 403


def test_a_period_that_is_not_one_is_an_error_and_any_spelling_of_one_finds_it(loaded, api_for, users):
    element = DataElement.objects.get(code="rights-assistance-cases")
    api = api_for("amr-liaison")
    api.post(
        "/api/v1/data-values/",
        {"element": element.pk, "unit": users["amr-liaison"].unit_id, "period": "2024Q1", "value": "4"},
        format="json",
    )
    for url in ("/api/v1/data-values/", "/api/v1/indicator-values/"):
        refused = api.get(url, {"period": "abc"})
        assert refused.status_code == 400 and "2024Q3" in str(refused.json()), refused.content
    found = api.get("/api/v1/data-values/", {"period": "2024q1"}).json()["results"]
    assert [row["period"] for row in found] == ["2024Q1"]

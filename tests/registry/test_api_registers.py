"""The registers' API: scoped reads for every signed-in role, writes by the office through the create functions."""

import pytest

from zhichan.core.events import events_of
from zhichan.registry.models import Copyright, Enterprise, GeographicalIndication, Patent, Trademark

from .registers import make_registers

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    ("patents", "own_patent", "other_patent"),
    ("trademarks", "own_trademark", "other_trademark"),
    ("copyrights", "own_copyright", "other_copyright"),
    ("geographical-indications", "own_gi", "other_gi"),
    ("enterprises", "own", "other"),
]


@pytest.fixture
def registers(db):
    return make_registers()


def ids(response):
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


@pytest.mark.parametrize(("prefix", "own", "other"), ENDPOINTS)
@pytest.mark.parametrize(
    ("username", "sees_other"),
    [("office", True), ("leader", True), ("amr-liaison", True), ("shuitou-liaison", False), ("enterprise", False)],
)
def test_lists_and_details_are_scoped(registers, api_for, prefix, own, other, username, sees_other):
    api = api_for(username)
    own_pk, other_pk = getattr(registers, own).pk, getattr(registers, other).pk
    listed = ids(api.get(f"/api/v1/{prefix}/"))
    assert own_pk in listed
    assert (other_pk in listed) is sees_other
    assert api.get(f"/api/v1/{prefix}/{own_pk}/").status_code == 200
    assert api.get(f"/api/v1/{prefix}/{other_pk}/").status_code == (200 if sees_other else 404)


@pytest.mark.parametrize(("prefix", "own", "other"), ENDPOINTS)
def test_only_the_office_writes(registers, api_for, client, prefix, own, other):
    pk = getattr(registers, own).pk
    for username in ("leader", "amr-liaison", "shuitou-liaison", "enterprise"):
        assert api_for(username).patch(f"/api/v1/{prefix}/{pk}/", {}, format="json").status_code == 403
    assert client.get(f"/api/v1/{prefix}/").status_code in (401, 403)


def test_patent_shows_events_and_validity_today(registers, api_for):
    body = api_for("enterprise").get(f"/api/v1/patents/{registers.own_patent.pk}/").json()
    assert body["validity_today"]["valid"] is True and body["validity_today"]["state"] == "valid"
    assert [e["kind"] for e in body["events"]] == ["grant"]
    assert body["holders"] == [registers.own.pk] and body["synthetic"] is True
    body = api_for("office").get(f"/api/v1/patents/{registers.other_patent.pk}/").json()
    assert body["validity_today"] == {
        "valid": False,
        "state": "lapsed",
        "since": "2017-03-05",
        "reason": "未缴年费专利权终止",
    }


def test_enterprise_lists_its_designations(registers, api_for):
    body = api_for("enterprise").get(f"/api/v1/enterprises/{registers.own.pk}/").json()
    assert [d["kind"] for d in body["designations"]] == ["ip-advantage"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "切割"}, "own_patent"),
        ({"q": "ZL 2016 1 0363475.6"}, "own_patent"),
        ({"q": "F16K"}, "other_patent"),
        ({"patent_type": "utility_model"}, "other_patent"),
        ({"state": "valid"}, "own_patent"),
        ({"synthetic": "true"}, "own_patent"),
    ],
)
def test_patent_filters(registers, api_for, params, expected):
    assert ids(api_for("office").get("/api/v1/patents/", params)) == {getattr(registers, expected).pk}


def test_trademark_and_enterprise_filters(registers, api_for):
    api = api_for("office")
    assert ids(api.get("/api/v1/trademarks/", {"nice_class": 19})) == {registers.own_trademark.pk}
    assert ids(api.get("/api/v1/trademarks/", {"madrid": "true"})) == {registers.other_trademark.pk}
    assert ids(api.get("/api/v1/enterprises/", {"designation": "ip-advantage"})) == {registers.own.pk}
    assert ids(api.get("/api/v1/copyrights/", {"kind": "software"})) == {registers.other_copyright.pk}


def test_pagination(registers, api_for):
    body = api_for("office").get("/api/v1/patents/", {"page_size": 1}).json()
    assert body["count"] == 2 and len(body["results"]) == 1 and body["next"]


def test_office_creates_a_patent_through_create_patent(registers, api_for):
    api = api_for("office")
    response = api.post(
        "/api/v1/patents/",
        {
            "application_number": "ZL 2016 2 0363475.1",
            "title": "一种石材护理装置",
            "filing_date": "2016-04-28",
            "holders": [registers.own.pk],
            "region": registers.own.region_id,
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["application_number"] == "201620363475.1" and body["patent_type"] == "utility_model"
    assert Patent.objects.get(pk=body["id"]).holders.get() == registers.own
    again = api.post(
        "/api/v1/patents/",
        {"application_number": "CN2016203634751", "title": "x", "filing_date": "2016-04-28"},
        format="json",
    )
    assert again.status_code == 400 and "application_number" in again.json()


def test_bad_patent_number_is_refused_with_the_reason(api_for, db):
    response = api_for("office").post(
        "/api/v1/patents/",
        {"application_number": "201620363475.2", "title": "x", "filing_date": "2016-04-28"},
        format="json",
    )
    assert response.status_code == 400
    assert "校验位" in response.json()["application_number"][0]


def test_model_rules_apply_to_api_writes(registers, api_for):
    api = api_for("office")
    response = api.patch(f"/api/v1/patents/{registers.own_patent.pk}/", {"grant_date": "2010-01-01"}, format="json")
    assert response.status_code == 400 and "grant_date" in response.json()
    response = api.patch(f"/api/v1/patents/{registers.own_patent.pk}/", {"title": "新名称"}, format="json")
    assert response.status_code == 200 and response.json()["title"] == "新名称"
    response = api.patch(
        f"/api/v1/patents/{registers.own_patent.pk}/", {"application_number": "201620363475.1"}, format="json"
    )
    assert response.status_code == 400


def test_office_creates_trademarks_copyrights_and_gis(registers, api_for):
    api = api_for("office")
    response = api.post(
        "/api/v1/trademarks/",
        {
            "registration_number": "第 87654321 号",
            "mark": "石韵",
            "nice_classes": "第19类",
            "holders": [registers.own.pk],
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    assert Trademark.objects.get(registration_number="87654321").nice_classes == "19"
    response = api.post(
        "/api/v1/copyrights/", {"registration_number": "软著登字第 7654321 号", "title": "石材ERP"}, format="json"
    )
    assert response.status_code == 201, response.content
    assert Copyright.objects.get(registration_number="软著登字第7654321号").kind == "software"
    response = api.post("/api/v1/geographical-indications/", {"name": "南安石材", "kind": "gi_product"}, format="json")
    assert response.status_code == 201, response.content
    gi = GeographicalIndication.objects.get(pk=response.json()["id"])
    assert [event.kind for event in events_of(gi)] == ["register.entered"]
    response = api.post(
        "/api/v1/geographical-indications/",
        {"name": "南安芦柑", "kind": "gi_product", "trademark": registers.own_trademark.pk},
        format="json",
    )
    assert response.status_code == 400 and "trademark" in response.json()
    assert GeographicalIndication.objects.filter(name="南安芦柑").count() == 0


def test_office_edits_an_enterprise_with_the_model_rules(registers, api_for):
    api = api_for("office")
    url = f"/api/v1/enterprises/{registers.other.pk}/"
    response = api.patch(url, {"industry_code": " c3032 "}, format="json")
    assert response.status_code == 200 and response.json()["industry_code"] == "C3032"
    response = api.patch(url, {"ip_strategy_adopted": "2023-01-01"}, format="json")
    assert response.status_code == 400 and "ip_strategy" in response.json()


def test_enterprise_written_through_the_api_returns_its_id_and_leaves_events(registers, api_for):
    api = api_for("office")
    response = api.post(
        "/api/v1/enterprises/", {"name": "南安市石韵科技有限公司", "region": registers.own.region_id}, format="json"
    )
    assert response.status_code == 201, response.content
    enterprise = Enterprise.objects.get(pk=response.json()["id"])
    api.patch(f"/api/v1/enterprises/{enterprise.pk}/", {"address": "水头镇"}, format="json")
    events = events_of(enterprise)
    assert sorted(event.kind for event in events) == ["register.corrected", "register.entered"]
    assert {event.user.username for event in events} == {"office"}

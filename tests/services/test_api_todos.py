"""The API enters agencies, outlets and engagements through the actions (a duplicate credit code answers 400
naming the agency that has it; a township's liaison may not enter agencies), never serves practitioners' ID
numbers, and the workbench lists the qualifications and engagements running out within 30 days."""

import datetime
import json

from django.utils import timezone

from zhichan.services.services import agencies
from zhichan.services.todos import agency_todos

from .factories import make_agency, make_engagement, make_enterprise, make_outlet, township, uscc

D = datetime.date


def test_agencies_outlets_and_engagements_through_the_api(api_for, users):
    api = api_for("amr-liaison")
    body = {"name": "接口代理所", "uscc": uscc(31), "kinds": ["trademark-agency"], "region": township().pk}
    created = api.post("/api/v1/services/agencies/", body, format="json")
    assert created.status_code == 201, created.content
    agency_id = created.json()["id"]
    assert created.json()["supervisor"] == users["amr-liaison"].unit_id
    again = api.post("/api/v1/services/agencies/", {**body, "name": "另一所"}, format="json")
    assert again.status_code == 400 and "接口代理所" in json.dumps(again.json(), ensure_ascii=False)
    refused = api_for("shuitou-liaison").post("/api/v1/services/agencies/", {**body, "uscc": uscc(32)}, format="json")
    assert refused.status_code == 403
    changed = api.patch(f"/api/v1/services/agencies/{agency_id}/", {"address": "新址"}, format="json")
    assert changed.status_code == 200 and changed.json()["address"] == "新址"
    outlet = api_for("shuitou-liaison").post(
        "/api/v1/services/outlets/",
        {"kind": "brand-station", "name": "接口指导站", "host": "商会", "region": township().pk},
        format="json",
    )
    assert outlet.status_code == 201, outlet.content
    enterprise = make_enterprise(3)
    engagement = api.post(
        "/api/v1/services/custody/",
        {
            "enterprise": enterprise.pk,
            "agency": agency_id,
            "agreement_number": "API-1",
            "start": "2024-01-01",
            "end": "2024-12-31",
            "custody_scope": "full",
            "fee": "10000",
            "payer": "enterprise",
        },
        format="json",
    )
    assert engagement.status_code == 201, engagement.content
    assert engagement.json()["enterprise_share"] == "10000.00"


def test_the_api_never_serves_id_numbers(api_for, users):
    agency = make_agency(None, n=1)
    agencies.add_practitioner(agency, None, name="甲", id_number="350583199001011234")
    for name in ("office", "leader"):
        text = api_for(name).get(f"/api/v1/services/agencies/{agency.pk}/").content.decode()
        assert "350583199001011234" not in text and "甲" not in text


def test_the_workbench_lists_what_runs_out_within_30_days(users):
    today = timezone.localdate()
    agency = make_agency(None, n=1)
    agencies.add_qualification(agency, None, kind="许可证", valid_to=today + datetime.timedelta(days=10))
    agencies.add_qualification(agency, None, kind="备案", valid_to=today + datetime.timedelta(days=90))
    make_engagement(None, n=1, start=today - datetime.timedelta(days=300), end=today + datetime.timedelta(days=5))
    todos = {todo.kind: todo for todo in agency_todos(users["office"])}
    assert todos["qualifications"].count == 1 and todos["custody"].count == 1
    assert {todo.kind for todo in agency_todos(users["amr-liaison"])} == {"qualifications", "custody"}
    assert agency_todos(users["court-liaison"]) == [] and agency_todos(users["leader"]) == []


def test_what_the_pages_enter_the_api_enters_by_the_same_tables(api_for, users):
    from zhichan.services.models import Qualification

    agency = make_agency(None, n=1)
    api = api_for("amr-liaison")
    url = f"/api/v1/services/agencies/{agency.pk}/step/"
    added = api.post(url, {"step": "qualification", "kind": "许可证", "valid_to": "2030-01-01"}, format="json")
    assert added.status_code == 200, added.content
    assert [row["kind"] for row in added.json()["qualifications"]] == ["许可证"]
    wrong = api.post(url, {"step": "qualification", "valid_to": "2030-01-01"}, format="json")
    assert wrong.status_code == 400 and "kind" in wrong.json()
    service = api.post(
        url,
        {
            "step": "service",
            "purchaser": users["amr-liaison"].unit_id,
            "subject": "专利导航",
            "amount": "5000",
            "start": "2024-01-01",
            "end": "2024-06-30",
        },
        format="json",
    )
    assert service.status_code == 200 and service.json()["purchased_services"][0]["subject"] == "专利导航"
    assert api.post(url, {"step": "publish"}, format="json").status_code == 403  # the office publishes
    office = api_for("office")
    published = office.post(url, {"step": "publish", "day": "2025-01-02"}, format="json")
    assert published.status_code == 200 and published.json()["published_on"] == "2025-01-02"
    assert office.post(url, {"step": "withdraw"}, format="json").json()["published_on"] is None
    assert office.post(url, {"step": "withdraw"}, format="json").status_code == 400  # not published
    assert api_for("shuitou-liaison").post(url, {"step": "practitioner", "name": "甲"}, format="json").status_code in {
        403,
        404,
    }
    assert Qualification.objects.filter(agency=agency).count() == 1

    outlet = make_outlet(None, n=1)
    activity = api.post(
        f"/api/v1/services/outlets/{outlet.pk}/step/",
        {"step": "activity", "day": "2024-05-01", "kind": "training", "title": "培训", "people_served": 30},
        format="json",
    )
    assert activity.status_code == 200, activity.content
    assert activity.json()["activities"][0]["people_served"] == 30

    engagement = make_engagement(None, n=2)
    url = f"/api/v1/services/custody/{engagement.pk}/step/"
    visit = api.post(url, {"step": "visit", "day": "2024-03-01", "visitor": "专家乙", "needs": "专利布局"})
    assert visit.status_code == 200 and visit.json()["visits"][0]["needs"] == "专利布局"
    rated = api.post(url, {"step": "rating", "satisfaction": 5, "day": "2024-12-31"}, format="json")
    assert rated.status_code == 200 and rated.json()["satisfaction"] == 5

"""The read-only API: no ID number, the seed only once drawn."""

import datetime

from zhichan.services.services import inspections


def test_experts_without_id_numbers(api_for, new_expert):
    expert = new_expert(id_number="350583198001019999")
    body = api_for("leader").get("/api/v1/services/experts/").json()
    assert body["results"][0]["number"] == expert.number
    assert "350583198001019999" not in str(body)


def test_a_plans_seed_only_once_drawn(api_for, new_plan):
    plan = inspections.publish_plan(new_plan(), None, day=datetime.date(2025, 2, 20))
    row = api_for("court-liaison").get(f"/api/v1/services/inspection-plans/{plan.pk}/").json()
    assert row["seed"] == "" and row["seed_hash"] == plan.seed_hash
    inspections.draw_plan(plan, None)
    row = api_for("court-liaison").get(f"/api/v1/services/inspection-plans/{plan.pk}/").json()
    assert row["seed"] == plan.seed and row["targets"][0]["inspectors"]


def test_a_plan_runs_through_the_api_from_creation_to_published_results(
    api_for, users, reference, enterprises, unit_inspectors
):
    api = api_for("amr-liaison")
    created = api.post(
        "/api/v1/services/inspection-plans/",
        {
            "name": "接口抽查",
            "items": "专利标识",
            "starts_on": "2025-03-01",
            "ends_on": "2025-05-31",
            "proportions": {"A": 10, "B": 10, "C": 10, "D": 10},
        },
        format="json",
    )
    assert created.status_code == 201, created.content
    plan = created.json()
    assert plan["unit"] == users["amr-liaison"].unit_id and plan["state"] == "preparing"
    url = f"/api/v1/services/inspection-plans/{plan['id']}/step/"
    assert api_for("court-liaison").post(url, {"step": "publish"}, format="json").status_code in {403, 404}
    published = api.post(url, {"step": "publish"}, format="json")
    assert published.status_code == 200, published.content
    assert published.json()["seed"] == "" and published.json()["seed_hash"]
    drawn = api.post(url, {"step": "draw"}, format="json").json()
    assert drawn["seed"] and drawn["targets"]
    first = drawn["targets"][0]["inspectors"][0]
    aside = api.post(url, {"step": "step_aside", "assignment": first["id"], "reason": "亲属关系"}, format="json")
    assert aside.status_code == 200, aside.content
    again = aside.json()["targets"][0]["inspectors"]
    assert any(row["stepped_aside"] for row in again) and any(row["replacement"] for row in again)
    early = api.post(url, {"step": "publish_results"}, format="json")
    assert early.status_code == 400  # results still to enter
    for target in drawn["targets"]:
        entered = api.post(
            url,
            {"step": "result", "target": target["id"], "finding": "no-problem", "inspected_on": "2025-04-01"},
            format="json",
        )
        assert entered.status_code == 200, entered.content
    done = api.post(url, {"step": "publish_results"}, format="json")
    assert done.status_code == 200 and done.json()["results_published_on"]


def test_inspectors_are_added_tied_taken_off_and_put_back_through_the_api(api_for, users, amr, unit_inspectors):
    api = api_for("amr-liaison")
    added = api.post(
        "/api/v1/services/inspectors/",
        {"name": "接口检查员", "certificate_number": "35050009001", "field": "市场监管"},
        format="json",
    )
    assert added.status_code == 201, added.content
    row = added.json()
    assert row["unit"] == users["amr-liaison"].unit_id and row["active"] is True and row["ties"] == []
    again = api.post(
        "/api/v1/services/inspectors/",
        {"name": "另一人", "certificate_number": unit_inspectors[0].certificate_number, "field": "市场监管"},
        format="json",
    )
    assert again.status_code == 400 and unit_inspectors[0].name in again.content.decode()
    other_unit = api.post(
        "/api/v1/services/inspectors/",
        {"unit": users["court-liaison"].unit_id, "name": "越权", "certificate_number": "X1", "field": "审判"},
        format="json",
    )
    assert other_unit.status_code == 403
    url = f"/api/v1/services/inspectors/{row['id']}/step/"
    code = "91350583MA2XXXXX0C"
    tied = api.post(url, {"step": "tie", "credit_code": code, "note": "原任职单位"}, format="json")
    assert tied.status_code == 200, tied.content
    assert tied.json()["ties"] == [{"id": tied.json()["ties"][0]["id"], "credit_code": code, "note": "原任职单位"}]
    assert api.post(url, {"step": "tie", "credit_code": "bad"}, format="json").status_code == 400
    assert api_for("court-liaison").post(url, {"step": "take_off"}, format="json").status_code in {403, 404}
    off = api.post(url, {"step": "take_off"}, format="json")
    assert off.status_code == 200 and off.json()["active"] is False
    assert api.post(url, {"step": "take_off"}, format="json").status_code == 400
    back = api.post(url, {"step": "put_back"}, format="json")
    assert back.status_code == 200 and back.json()["active"] is True

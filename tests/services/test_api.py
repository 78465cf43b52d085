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

"""The demo data (fast, synthetic, through the actions), the pages as their roles use them, the public
verification page, the export and the to-dos."""

import time

import pytest

from zhichan.core.extensions import TODOS
from zhichan.services.models import Expert, ExpertDraw, InspectionPlan, PlanState
from zhichan.services.services.demo_experts import create_demo_experts
from zhichan.services.services.demo_inspections import create_demo_inspections

from .conftest import load_reference, make_enterprises


@pytest.fixture
def demo(db):
    load_reference()
    make_enterprises(count=60, start=80000)
    started = time.monotonic()
    create_demo_experts()
    create_demo_inspections()
    return time.monotonic() - started


def test_demo_data_is_fast_synthetic_and_has_both_plans(demo):
    assert demo < 3
    assert Expert.objects.filter(synthetic=True).count() == 40
    assert ExpertDraw.objects.count() == 3
    states = sorted(InspectionPlan.objects.values_list("state", flat=True))
    assert states == sorted([PlanState.RESULTS_PUBLISHED, PlanState.DRAWN])


def test_pages_for_each_role(demo, client_for):
    plan = InspectionPlan.objects.get(state=PlanState.DRAWN)
    expert, draw = Expert.objects.first(), ExpertDraw.objects.first()
    for username in ("office", "leader", "amr-liaison", "shuitou-liaison"):
        client = client_for(username)
        for url in (
            "/services/experts/",
            f"/services/experts/{expert.pk}/",
            f"/services/expert-draws/{draw.pk}/",
            "/services/inspectors/",
            "/services/inspections/",
            f"/services/inspections/{plan.pk}/",
        ):
            assert client.get(url).status_code == 200, (username, url)
    html = client_for("office").get(f"/services/experts/{expert.pk}/").content.decode()
    assert expert.id_number in html
    assert expert.id_number not in client_for("leader").get(f"/services/experts/{expert.pk}/").content.decode()


def test_the_public_recomputes_a_draw_without_signing_in(demo, client):
    plan = InspectionPlan.objects.get(state=PlanState.RESULTS_PUBLISHED)
    html = client.get(f"/draws/inspections/{plan.pk}/?recompute=1").content.decode()
    assert plan.seed in html and 'data-testid="verify-ok"' in html
    draft = InspectionPlan.objects.create(
        unit=plan.unit, name="草稿", items="x", starts_on=plan.starts_on, ends_on=plan.ends_on
    )
    assert client.get(f"/draws/inspections/{draft.pk}/").status_code == 404


def test_a_liaison_enters_a_result_and_the_todo_follows(demo, client_for, users):
    plan = InspectionPlan.objects.get(state=PlanState.DRAWN)
    target = plan.targets.first()
    todos = [item for provider in TODOS for item in provider(users["amr-liaison"])]
    entered = {item.kind: item.count for item in todos}
    assert entered["inspection-results"] == plan.targets.count()
    response = client_for("amr-liaison").post(
        f"/services/inspections/{plan.pk}/",
        {"do": "result", "target": target.pk, f"r{target.pk}-finding": "problems", f"r{target.pk}-inspected_on": ""},
    )
    assert response.status_code == 400
    response = client_for("amr-liaison").post(
        f"/services/inspections/{plan.pk}/",
        {
            "do": "result",
            "target": target.pk,
            f"r{target.pk}-finding": "no-problem",
            f"r{target.pk}-inspected_on": "2026-11-02",
        },
    )
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.finding == "no-problem"
    response = client_for("court-liaison").post(f"/services/inspections/{plan.pk}/", {"do": "publish-results"})
    assert response.status_code == 403


def test_the_export_holds_the_draw_and_results(demo, client_for):
    plan = InspectionPlan.objects.get(state=PlanState.RESULTS_PUBLISHED)
    response = client_for("leader").get(f"/services/inspections/{plan.pk}/export.xlsx")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_the_office_draws_experts_on_the_page(demo, client_for):
    client = client_for("office")
    response = client.post("/services/expert-draws/new/", {"purpose": "other", "subject": "评审", "wanted": "99"})
    assert response.status_code == 400
    response = client.post("/services/expert-draws/new/", {"purpose": "other", "subject": "评审", "wanted": "2"})
    assert response.status_code == 302

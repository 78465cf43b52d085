"""Random inspection plans: pools and commitment published before the draw, objects per stratum and inspectors
per object drawn reproducibly, ties excluded, results entered and published under the 20-working-day clock."""

import datetime
import html
import math
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command

from zhichan.core import draws
from zhichan.core.clocks import clock
from zhichan.core.events import events_of
from zhichan.core.models import Unit
from zhichan.registry.models import Enterprise
from zhichan.services.models import PlanState
from zhichan.services.services import inspections, inspectors


def test_a_unit_draws_up_publishes_and_draws_a_plan(users, new_plan):
    plan = new_plan(users["amr-liaison"])
    with pytest.raises(PermissionDenied):
        inspections.publish_plan(plan, users["court-liaison"])
    plan = inspections.publish_plan(plan, users["amr-liaison"], day=datetime.date(2025, 2, 20))
    size = len(plan.pool_text.splitlines())
    assert plan.state == PlanState.PUBLISHED and plan.wanted == {"A": math.ceil(size / 4)}  # 25 %, rounded up
    assert plan.seed_hash == draws.commitment(plan.seed) and plan.seed_shown == ""
    assert plan.pool_hash == draws.sha256(plan.pool_text) and size >= 20
    plan = inspections.draw_plan(plan, users["amr-liaison"], day=datetime.date(2025, 2, 25))
    assert plan.seed_shown == plan.seed
    targets = list(plan.targets.all())
    assert len(targets) == math.ceil(size / 4) and all(t.inspectors.count() == 2 for t in targets)
    assert inspections.verification(plan) == []
    assert [e.kind for e in events_of(plan)][:3] == [
        "inspection_plan.drawn",
        "inspection_plan.published",
        "inspection_plan.created",
    ]


def test_filters_choose_the_pool(users, new_plan, enterprises):
    plan = new_plan(industry_code="F51", size="small", proportions={"A": 100})
    plan = inspections.publish_plan(plan, None, day=datetime.date(2025, 2, 20))
    mine = {e.uscc for e in enterprises if e.industry_code.startswith("F51")}
    assert mine <= {entry.key for entry in draws.parse_pool(plan.pool_text)}
    pooled = Enterprise.objects.filter(uscc__in=[entry.key for entry in draws.parse_pool(plan.pool_text)])
    assert {(e.industry_code[:3], e.size) for e in pooled} == {("F51", "small")}
    assert plan.wanted == {"A": pooled.count()}


def test_an_inspector_tied_to_an_object_is_never_drawn_for_it(users, new_plan, enterprises, unit_inspectors):
    plan = inspections.publish_plan(new_plan(), None, day=datetime.date(2025, 2, 20))
    for inspector in unit_inspectors[:3]:
        for entry in draws.parse_pool(plan.pool_text):
            inspectors.declare_tie(inspector, users["amr-liaison"], credit_code=entry.key, note="亲属")
    plan = inspections.draw_plan(plan, None, day=datetime.date(2025, 2, 25))
    tied = {i.pk for i in unit_inspectors[:3]}
    for target in plan.targets.all():
        assert not tied & set(target.inspectors.values_list("inspector_id", flat=True))
        assert len(target.excluded_inspectors) == 3
    assert inspections.verification(plan) == []


def test_a_replacement_keeps_the_draw_verifiable(users, new_plan):
    plan = inspections.draw_plan(inspections.publish_plan(new_plan(), None, day=datetime.date(2025, 2, 20)), None)
    assignment = plan.targets.first().inspectors.first()
    new = inspections.step_aside(assignment, users["amr-liaison"], reason="曾在该企业任职")
    assert new.replacement and new.inspector != assignment.inspector
    assert inspections.verification(plan) == []


def test_results_are_entered_and_published_with_the_clock(users, new_plan):
    plan = inspections.draw_plan(inspections.publish_plan(new_plan(), None, day=datetime.date(2025, 2, 20)), None)
    reading = clock(plan, datetime.date(2025, 6, 2), rule=inspections.RESULTS_RULE)
    assert reading.due == datetime.date(2025, 6, 30)  # 20 working days after 31 May 2025 (端午 holiday included)
    targets = list(plan.targets.all())
    with pytest.raises(ValidationError) as error:
        inspections.enter_result(
            targets[0], users["amr-liaison"], finding="problems", inspected_on=datetime.date(2025, 4, 1)
        )
    assert "note" in error.value.message_dict
    inspections.enter_result(
        targets[0],
        users["amr-liaison"],
        finding="problems",
        note="未按规定标注专利标识",
        inspected_on=datetime.date(2025, 4, 1),
    )
    assert "inspection_plan.problems_found" in [e.kind for e in events_of(targets[0])]
    # The results feed the credit grades: problems found within a year cap the grade at B, until a year after.
    from zhichan.credit.services.grades import grades_of

    code = targets[0].key
    assert grades_of([code], datetime.date(2025, 3, 31)) == {code: "A"}
    assert grades_of([code], datetime.date(2025, 4, 1)) == {code: "B"}
    assert grades_of([code], datetime.date(2026, 4, 1)) == {code: "A"}
    assert grades_of([targets[1].key], datetime.date(2025, 4, 1)) == {targets[1].key: "A"}
    with pytest.raises(ValidationError):
        inspections.publish_results(plan, users["amr-liaison"], day=datetime.date(2025, 6, 3))
    for target in targets[1:]:
        inspections.enter_result(
            target, users["amr-liaison"], finding="no-problem", inspected_on=datetime.date(2025, 4, 2)
        )
    inspections.publish_results(plan, users["amr-liaison"], day=datetime.date(2025, 6, 3))
    assert plan.state == PlanState.RESULTS_PUBLISHED
    # The figures: the objects inspected in their townships, the plan published within its 20 working days.
    from zhichan.core.models import Region
    from zhichan.services.metrics import ObjectsInspected, ResultsOnTime, ResultsPublished

    year = (datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
    inspected = ObjectsInspected().values(*year)
    assert sum(inspected.values()) == len(targets)
    assert set(inspected) == {t.enterprise.region_id for t in targets}
    county = Region.objects.get(code="350583")
    assert ObjectsInspected().records(*year, [county.pk]).count() == len(targets)
    assert ResultsPublished().values(*year) == {plan.unit.region_id: 1}
    assert ResultsOnTime().values(*year) == {plan.unit.region_id: 1}  # 3 June, due 30 June
    assert ResultsOnTime().values(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)) == {}
    assert clock(plan, datetime.date(2025, 7, 30), rule=inspections.RESULTS_RULE).state == "met"


def test_too_few_inspectors_stop_the_publication(new_plan):
    plan = new_plan(inspectors_per_object=8)
    with pytest.raises(ValidationError) as error:
        inspections.publish_plan(plan, None)
    assert "8" in error.value.messages[0] and "6" in error.value.messages[0]


def test_a_duplicate_certificate_is_refused(amr, unit_inspectors):
    with pytest.raises(ValidationError) as error:
        inspectors.add_inspector(
            None, unit=Unit.objects.get(key="court"), name="某", certificate_number="35050001000", field="x"
        )
    assert str(amr) in str(error.value.message_dict["certificate_number"])


def test_verify_draw_command(new_plan, capsys):
    plan = inspections.draw_plan(inspections.publish_plan(new_plan(), None, day=datetime.date(2025, 2, 20)), None)
    call_command("verify_draw", str(plan.pk))
    assert plan.seed in capsys.readouterr().out
    plan.seed_hash = "0" * 64
    plan.save()
    with pytest.raises(CommandError):
        call_command("verify_draw", str(plan.pk))


def test_a_plan_of_the_service_agencies(users, new_plan):
    from django.test import Client
    from django.urls import reverse

    from .factories import make_agency

    patent = [make_agency(None, n=n, kinds=["patent-agency"]) for n in range(1, 5)]
    make_agency(None, n=5, kinds=["law-firm"])
    with pytest.raises(ValidationError) as refused:
        new_plan(object_kind="agencies", size="small")
    assert "object_kind" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        new_plan(service_kind="patent-agency")
    assert "service_kind" in refused.value.message_dict
    plan = new_plan(object_kind="agencies", service_kind="patent-agency", proportions={"A": 50})
    plan = inspections.publish_plan(plan, None, day=datetime.date(2025, 2, 20))
    assert [entry.key for entry in draws.parse_pool(plan.pool_text)] == sorted(a.uscc for a in patent)
    plan = inspections.draw_plan(plan, None, day=datetime.date(2025, 2, 25))
    drawn = list(plan.targets.all())
    assert len(drawn) == 2 and {t.agency_id for t in drawn} <= {a.pk for a in patent}
    assert all(t.enterprise_id is None for t in drawn)
    inspections.enter_result(
        drawn[0], None, finding="problems", note="超范围代理", inspected_on=datetime.date(2025, 4, 1)
    )
    assert "inspection_plan.problems_found" in [e.kind for e in events_of(drawn[0].agency)]  # its supervision history
    client = Client()
    client.force_login(users["office"])
    page = client.get(reverse("agency-detail", args=[drawn[0].agency_id])).content.decode()
    assert plan.name in page  # the agency's page lists the inspections it was drawn for


def test_the_draw_takes_its_proportion_of_each_credit_grade(users, new_plan, enterprises):
    """Differentiated supervision: each object's stratum is its credit grade on the day the pool is published, and
    the plan takes its proportion of each grade."""
    from zhichan.credit.models import DishonestyKind
    from zhichan.credit.services import records, serious
    from zhichan.credit.services.settings import load_kinds

    load_kinds()
    amr = Unit.objects.get(key="amr")
    listed, recorded = enterprises[0], enterprises[1]
    serious.list_subject(
        None,
        unit=amr,
        subject_kind="enterprise",
        subject_name=listed.name,
        credit_code=listed.uscc,
        decision_number="南市监列〔2024〕1号",
        listed_on=datetime.date(2024, 6, 1),
        reasons="故意侵犯知识产权",
    )
    records.enter_record(
        None,
        unit=amr,
        subject_kind="enterprise",
        subject_name=recorded.name,
        credit_code=recorded.uscc,
        kind=DishonestyKind.objects.get(key="bad-faith-trademark-application"),
        source="manual",
        found_on=datetime.date(2024, 9, 1),
        document_number="南市监信〔2024〕1号",
        facts="恶意申请注册商标",
    )
    plan = new_plan(proportions={"A": 10, "C": 100, "D": 100})
    plan = inspections.publish_plan(plan, None, day=datetime.date(2025, 2, 20))
    strata = {entry.key: entry.stratum for entry in draws.parse_pool(plan.pool_text)}
    assert strata[listed.uscc] == "D" and strata[recorded.uscc] == "C"
    graded_a = sum(1 for grade in strata.values() if grade == "A")
    assert plan.wanted == {"A": math.ceil(graded_a / 10), "C": 1, "D": 1}
    plan = inspections.draw_plan(plan, None, day=datetime.date(2025, 2, 25))
    drawn = {t.key: t.stratum for t in plan.targets.all()}
    assert drawn[listed.uscc] == "D" and drawn[recorded.uscc] == "C"  # each the whole of its grade
    assert sum(1 for grade in drawn.values() if grade == "A") == math.ceil(graded_a / 10)


def test_the_plan_form_proposes_each_grades_proportion(users):
    from django.test import Client
    from django.urls import reverse

    from zhichan.credit.services.settings import inspection_proportions

    client = Client()
    client.force_login(users["amr-liaison"])
    page = client.get(reverse("inspection-plan-new")).content.decode()
    for grade in inspection_proportions():
        assert f'name="percent_{grade}"' in page
    posted = client.post(
        reverse("inspection-plan-new"),
        {
            "unit": Unit.objects.get(key="amr").pk,
            "name": "按等级抽查",
            "items": "商标使用行为检查",
            "starts_on": "2025-03-01",
            "ends_on": "2025-05-31",
            "object_kind": "enterprises",
            "inspectors_per_object": 2,
            **{
                f"percent_{grade}": {"A": "3", "B": "5", "C": "10", "D": "50"}.get(grade, "5")
                for grade in inspection_proportions()
            },
        },
    )
    assert posted.status_code == 302
    from zhichan.services.models import InspectionPlan

    assert InspectionPlan.objects.get(name="按等级抽查").proportions["D"] == 50.0


def test_a_result_with_problems_leads_to_a_dishonesty_record_filled_in(users, new_plan):
    from django.test import Client
    from django.urls import reverse

    plan = inspections.draw_plan(inspections.publish_plan(new_plan(), None, day=datetime.date(2025, 2, 20)), None)
    first, second = list(plan.targets.all())[:2]
    inspections.enter_result(
        first, None, finding="problems", note="冒用他人专利号", inspected_on=datetime.date(2025, 4, 1)
    )
    inspections.enter_result(second, None, finding="no-problem", inspected_on=datetime.date(2025, 4, 1))
    client = Client()
    client.force_login(users["amr-liaison"])
    page = client.get(reverse("inspection-plan-detail", args=[plan.pk])).content.decode()
    links = re.findall(r'data-testid="to-credit-record" href="([^"]+)"', page)
    assert len(links) == 1  # only the result with problems
    form = client.get(html.unescape(links[0])).content.decode()
    assert f'value="{first.key}"' in form and "冒用他人专利号" in form and 'value="2025-04-01"' in form
    assert '<option value="inspection" selected>' in form


def test_an_inspector_taken_off_the_list_is_in_no_later_pool_and_may_be_put_back(
    users, client_for, amr, unit_inspectors, new_plan
):
    from django.urls import reverse

    from zhichan.services.models import Inspector

    leaving = unit_inspectors[0]
    detail = reverse("inspector-detail", args=[leaving.pk])
    client = client_for("amr-liaison")
    page = client.get(reverse("inspector-list")).content.decode()
    assert f'action="{detail}"' in page and 'data-testid="inspector-take-off"' in page
    assert client.post(detail, {"form": "take_off"}).status_code == 302
    leaving.refresh_from_db()
    assert leaving.active is False and events_of(leaving)[0].kind == "inspector.taken_off"
    assert "已移出名录" in client.get(detail).content.decode()
    plan = inspections.publish_plan(new_plan(), None, day=datetime.date(2025, 2, 20))
    assert leaving.certificate_number not in plan.inspector_pool_text
    with pytest.raises(ValidationError):
        inspectors.take_off(leaving, users["amr-liaison"])
    with pytest.raises(PermissionDenied):
        inspectors.put_back(leaving, users["court-liaison"])
    assert client.post(detail, {"form": "put_back"}).status_code == 302
    assert Inspector.objects.get(pk=leaving.pk).active is True
    other = client_for("court-liaison")
    assert f'action="{detail}"' not in other.get(reverse("inspector-list")).content.decode()
    assert 'data-testid="tie-form"' not in other.get(detail).content.decode()
    assert other.post(detail, {"form": "take_off"}).status_code in (403, 404)


def test_a_tie_declared_on_the_inspectors_page_keeps_them_from_that_enterprise(
    client_for, unit_inspectors, enterprises, new_plan
):
    from django.urls import reverse

    tied = unit_inspectors[1]
    code = enterprises[0].uscc
    detail = reverse("inspector-detail", args=[tied.pk])
    client = client_for("amr-liaison")
    refused = client.post(detail, {"form": "tie", "tie-credit_code": "123", "tie-note": "亲属任职"})
    assert refused.status_code == 400 and 'value="亲属任职"' in refused.content.decode()
    assert client.post(detail, {"form": "tie", "tie-credit_code": code, "tie-note": "亲属任职"}).status_code == 302
    assert list(tied.ties.values_list("credit_code", "note")) == [(code, "亲属任职")]
    assert code in client.get(detail).content.decode() and events_of(tied)[0].kind == "inspector.tie_declared"
    again = client.post(detail, {"form": "tie", "tie-credit_code": code})
    assert again.status_code == 400 and "已申报" in again.content.decode()
    every = new_plan(proportions={stratum: 100 for stratum in ("A", "B", "C", "D")})
    plan = inspections.draw_plan(inspections.publish_plan(every, None, day=datetime.date(2025, 2, 20)), None)
    target = plan.targets.get(key=code)
    assert tied.pk not in set(target.inspectors.values_list("inspector", flat=True))
    assert target.excluded_inspectors == [tied.certificate_number]

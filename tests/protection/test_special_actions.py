"""Special enforcement actions: setting one up and changing it, inspections under it, cases linked to it, its summary
counted by hand, who may do what, and bad input refused naming the field."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from zhichan.core.models import Event, Region, Unit
from zhichan.protection.models import Case, Inspection, SpecialAction
from zhichan.protection.services import cases, special_actions
from zhichan.protection.services.special_action_summary import summarise

D = datetime.date


@pytest.fixture
def culture():
    return Unit.objects.get(key="culture")


@pytest.fixture
def scene(new_special_action, new_case, users, amr, culture, shuitou, other_township):
    """An action with three cases and three inspections under it, and a case and an inspection outside it.

    c1 amr 商标侵权 in 水头镇, decided (违法经营额 10,000, fine 20,000, confiscated 500) and closed;
    c2 amr 假冒专利 in the other township, filed; c3 culture 侵犯著作权 with no township (counts in the county),
    decided (3,000, 6,000, 0). i1 amr in 水头镇 seized 120 pieces and opened c1; i2 amr in the other township;
    i3 culture in 水头镇 seized 30 pieces. Outside: c4 (amr, not linked) and i4 (amr, no action, 999 pieces)."""
    office = users["office"]
    action = new_special_action()
    c1 = new_case(lead_on=D(2024, 3, 5), source="special-action", action=action)
    cases.file_case(c1, office, D(2024, 3, 8))
    amounts = {"illegal_turnover": "10000", "fine": "20000", "confiscation": "500"}
    cases.decide(c1, office, D(2024, 4, 10), "罚1号", amounts)
    cases.close_case(c1, office, D(2024, 4, 20))
    c2 = new_case(lead_on=D(2024, 4, 1), kind="counterfeit-patent", township=other_township, source="inspection")
    special_actions.link_case(c2, users["amr-liaison"], action)
    cases.file_case(c2, office, D(2024, 4, 3))
    c3 = new_case(
        lead_on=D(2024, 5, 2),
        kind="copyright-infringement",
        unit=culture,
        user="office",
        township=None,
        source="special-action",
        action=action,
    )
    cases.file_case(c3, office, D(2024, 5, 6))
    cases.decide(c3, office, D(2024, 6, 1), "文罚1号", {"illegal_turnover": "3000", "fine": "6000"})
    c4 = new_case(lead_on=D(2024, 3, 6))
    liaison = users["amr-liaison"]
    inspect = special_actions.record_inspection
    i1 = inspect(
        liaison,
        unit=amr,
        day=D(2024, 3, 4),
        subject="演示卫浴商行",
        action=action,
        township=shuitou,
        seized_goods="假冒水龙头",
        seized_quantity=120,
        case=c1,
    )
    i2 = inspect(liaison, unit=amr, day=D(2024, 3, 20), subject="某五金店", action=action, township=other_township)
    i3 = inspect(
        office,
        unit=culture,
        day=D(2024, 5, 1),
        subject="某书店",
        action=action,
        township=shuitou,
        seized_goods="盗版图书",
        seized_quantity=30,
    )
    i4 = inspect(
        liaison,
        unit=amr,
        day=D(2024, 3, 5),
        subject="另一商行",
        township=shuitou,
        seized_goods="x",
        seized_quantity=999,
    )
    return {"action": action, "cases": (c1, c2, c3, c4), "inspections": (i1, i2, i3, i4)}


def figures(line):
    return [line.label, line.inspections, line.seized, line.cases, line.illegal_turnover, line.fine, line.confiscation]


def test_the_summary_counts_what_was_done_under_the_action(scene, users, shuitou, other_township):
    summary = summarise(scene["action"], users["office"])
    assert summary.complete
    assert figures(summary.total) == ["合计", 3, 150, 3, Decimal(13000), Decimal(26000), Decimal(500)]
    assert [figures(line) for line in summary.units] == [
        ["市市场监管局", 2, 120, 2, Decimal(10000), Decimal(20000), Decimal(500)],
        ["市文体旅局", 1, 30, 1, Decimal(3000), Decimal(6000), Decimal(0)],
    ]
    by_township = {line.label: figures(line)[1:] for line in summary.townships}
    assert by_township == {
        "南安市": [0, 0, 1, Decimal(3000), Decimal(6000), Decimal(0)],  # c3 names no township: its unit's region
        shuitou.name: [2, 150, 1, Decimal(10000), Decimal(20000), Decimal(500)],
        other_township.name: [1, 0, 1, Decimal(0), Decimal(0), Decimal(0)],
    }
    assert summary.townships[0].label == "南安市"  # the county first, then its townships in their order
    assert sorted(summary.by_kind) == [("侵犯著作权", 1), ("假冒专利", 1), ("商标侵权", 1)]
    assert summary.by_ip_type == [("专利", 1), ("商标", 1), ("著作权", 1)]
    assert summary.by_state == [("已立案", 1), ("已作出决定", 1), ("已结案", 1)]
    assert summary.seized_goods == [("假冒水龙头", 120), ("盗版图书", 30)]
    assert summarise(scene["action"], users["leader"]).total.cases == 3


def test_a_liaison_reads_the_action_but_counts_only_its_own_units_records(scene, users):
    summary = summarise(scene["action"], users["amr-liaison"])
    assert not summary.complete
    assert figures(summary.total)[1:] == [2, 120, 2, Decimal(10000), Decimal(20000), Decimal(500)]
    assert [line.label for line in summary.units] == ["市市场监管局"]
    court = summarise(scene["action"], users["court-liaison"])
    assert court.total.inspections == 0 and court.total.cases == 0 and court.units == []
    assert SpecialAction.objects.visible_to(users["court-liaison"]).filter(pk=scene["action"].pk).exists()
    assert not SpecialAction.objects.visible_to(users["enterprise"]).exists()


def test_setting_up_an_action_records_it_with_the_lead_unit_taking_part(new_special_action, amr, culture, shuitou):
    action = new_special_action()
    assert set(action.units.all()) == {amr, culture}
    assert action.organisation == amr.organisation and action.ip_types == ["patent", "trademark"]
    assert shuitou in action.areas.all()
    event = Event.objects.get(kind="special_action.created", object_id=action.pk)
    assert event.user.username == "office"
    assert action.history.count() == 1


def test_only_the_office_sets_up_and_changes_actions(new_special_action, users, amr):
    for username in ("amr-liaison", "leader", "court-liaison"):
        with pytest.raises(PermissionDenied):
            new_special_action(user=username, name=f"{username}的行动")
    action = new_special_action()
    with pytest.raises(PermissionDenied):
        special_actions.update_action(action, users["amr-liaison"], name="改名")
    assert not SpecialAction.objects.filter(name="改名").exists()


@pytest.mark.parametrize(
    ("values", "field", "words"),
    [
        ({"end": D(2024, 2, 1)}, "end", "不能早于"),
        ({"ip_types": []}, "ip_types", ""),
        ({"ip_types": ["trademark", "music"]}, "ip_types", "music"),
        ({"name": "  "}, "name", ""),
        ({"planned_cases": -1}, "planned_cases", ""),
    ],
)
def test_bad_input_is_refused_naming_the_field(new_special_action, values, field, words):
    with pytest.raises(ValidationError) as refused:
        new_special_action(**values)
    assert field in refused.value.message_dict
    assert words in " ".join(refused.value.message_dict[field])
    assert not SpecialAction.objects.exists()


def test_areas_and_units_must_belong_to_the_organisation(new_special_action, amr):
    county = amr.organisation
    with pytest.raises(ValidationError) as refused:
        new_special_action(areas=[county])
    assert "areas" in refused.value.message_dict
    new_special_action()
    with pytest.raises(ValidationError) as refused:
        new_special_action()  # the same name again
    assert "name" in refused.value.message_dict
    elsewhere = Region.objects.exclude(path__startswith=county.path).filter(depth__gte=1).first()
    if elsewhere is not None:
        stranger = Unit.objects.create(organisation=elsewhere, key="x", name="外地局", kind="member", region=elsewhere)
        with pytest.raises(ValidationError) as refused:
            new_special_action(name="另一个", units=[stranger])
        assert "units" in refused.value.message_dict


def test_a_case_from_a_special_action_names_one_that_fits(new_special_action, new_case, users):
    action = new_special_action()
    with pytest.raises(ValidationError) as refused:
        new_case(source="special-action")
    assert "action" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        new_case(lead_on=D(2024, 7, 2), source="special-action", action=action)
    assert "2024-07-02" in refused.value.message_dict["action"][0] and "2024-06-30" in refused.value.messages[0]
    with pytest.raises(ValidationError) as refused:
        new_case(unit=Unit.objects.get(key="court"), user="office", action=action)
    assert "市法院" in refused.value.message_dict["action"][0]
    assert not Case.objects.exists()
    case = new_case(lead_on=D(2024, 3, 1), source="special-action", action=action)
    assert case.action == action and list(action.cases.all()) == [case]


def test_linking_a_case_is_an_action_of_its_unit(new_special_action, new_case, users):
    action = new_special_action()
    case = new_case(lead_on=D(2024, 7, 1), source="inspection")
    with pytest.raises(ValidationError):
        special_actions.link_case(case, users["amr-liaison"], action)  # a lead after the action's end
    inside = new_case(lead_on=D(2024, 6, 30), source="inspection")
    with pytest.raises(PermissionDenied):
        special_actions.link_case(inside, users["court-liaison"], action)
    special_actions.link_case(inside, users["amr-liaison"], action)
    inside.refresh_from_db()
    assert inside.action == action
    event = Event.objects.get(kind="case.action_linked", object_id=inside.pk)
    assert event.data == {"action": action.name}
    special_actions.link_case(inside, users["office"], None)
    assert Case.objects.get(pk=inside.pk).action is None
    named = new_case(lead_on=D(2024, 4, 1), source="special-action", action=action)
    with pytest.raises(ValidationError):
        special_actions.link_case(named, users["amr-liaison"], None)  # its source says it came from an action


def test_inspections_under_an_action_fit_its_units_period_and_townships(new_special_action, users, amr, shuitou):
    action = new_special_action()
    liaison = users["amr-liaison"]
    court = Unit.objects.get(key="court")
    with pytest.raises(ValidationError) as refused:
        special_actions.record_inspection(
            users["court-liaison"], unit=court, day=D(2024, 4, 1), subject="某商行", action=action
        )
    assert "action" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        special_actions.record_inspection(liaison, unit=amr, day=D(2024, 7, 1), subject="某商行", action=action)
    assert "day" in refused.value.message_dict
    far = Region.objects.filter(path__startswith=action.organisation.path, kind="town").exclude(
        pk__in=action.areas.all()
    )
    far = far.first()
    with pytest.raises(ValidationError) as refused:
        special_actions.record_inspection(
            liaison, unit=amr, day=D(2024, 4, 1), subject="某商行", action=action, township=far
        )
    assert "township" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        special_actions.record_inspection(liaison, unit=amr, day=D(2024, 4, 1), subject="某商行", seized_quantity=5)
    assert "seized_goods" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        special_actions.record_inspection(liaison, unit=amr, day=D(2024, 4, 1), subject="某商行", credit_code="123")
    assert "credit_code" in refused.value.message_dict
    assert not Inspection.objects.exists()
    found = special_actions.record_inspection(
        liaison, unit=amr, day=D(2024, 4, 1), subject="某商行", action=action, township=shuitou
    )
    assert Event.objects.filter(kind="inspection.recorded", object_id=found.pk).exists()


def test_a_liaison_records_inspections_only_for_its_own_unit(new_special_action, users, amr):
    action = new_special_action()
    with pytest.raises(PermissionDenied):
        special_actions.record_inspection(
            users["court-liaison"], unit=amr, day=D(2024, 4, 1), subject="某商行", action=action
        )
    with pytest.raises(PermissionDenied):
        special_actions.record_inspection(users["leader"], unit=amr, day=D(2024, 4, 1), subject="某商行")
    assert not Inspection.objects.exists()


def test_the_case_an_inspection_opened_is_its_own_units(new_special_action, new_case, users, culture):
    action = new_special_action()
    case = new_case(lead_on=D(2024, 4, 2))
    with pytest.raises(ValidationError) as refused:
        special_actions.record_inspection(
            users["office"], unit=culture, day=D(2024, 4, 1), subject="某书店", action=action, case=case
        )
    assert "case" in refused.value.message_dict


def test_an_inspection_links_the_registry_enterprise_by_its_credit_code(new_special_action, users, amr):
    from zhichan.registry.models import Enterprise

    enterprise = Enterprise.objects.create(
        name="演示卫浴有限公司", uscc="91350583MA00000001", region=amr.region, synthetic=True
    )
    found = special_actions.record_inspection(
        users["amr-liaison"], unit=amr, day=D(2024, 4, 1), subject="演示卫浴有限公司", credit_code="91350583ma00000001"
    )
    assert found.enterprise == enterprise and found.credit_code == "91350583MA00000001"


def test_changing_an_action_keeps_what_is_recorded_under_it(scene, users, culture):
    action, office = scene["action"], users["office"]
    with pytest.raises(ValidationError) as refused:
        special_actions.update_action(action, office, units=[])  # culture has an inspection and a case
    assert "市文体旅局" in refused.value.message_dict["units"][0]
    with pytest.raises(ValidationError) as refused:
        special_actions.update_action(action, office, end=D(2024, 4, 30))  # i3 is dated 2024-05-01
    assert "2024-05-01" in refused.value.message_dict["end"][0]
    with pytest.raises(ValidationError) as refused:
        special_actions.update_action(action, office, start=D(2024, 3, 10))  # i1 is dated 2024-03-04
    assert "2024-03-04" in refused.value.message_dict["start"][0]
    with pytest.raises(ValidationError):
        special_actions.update_action(action, office, colour="red")
    special_actions.update_action(action, office, name="改名后的行动", end=D(2024, 9, 30), planned_cases=4)
    action.refresh_from_db()
    assert action.name == "改名后的行动" and action.end == D(2024, 9, 30)
    changed = Event.objects.get(kind="special_action.changed", object_id=action.pk)
    assert changed.data == {"changed": "行动名称、结束日期"}
    special_actions.update_action(action, office, name="改名后的行动")
    assert Event.objects.filter(kind="special_action.changed").count() == 1  # nothing changed: no event


def test_demo_actions_are_synthetic_and_link_demo_cases_that_fit(reference):
    from zhichan.protection.services.demo import create_demo_cases
    from zhichan.protection.services.demo_special_actions import create_demo_special_actions

    create_demo_cases(count=120)
    made, inspected, linked = create_demo_special_actions()
    assert made == 4 and inspected == Inspection.objects.count() and linked == Case.objects.exclude(action=None).count()
    assert linked > 0 and not SpecialAction.objects.filter(synthetic=False).exists()
    assert not Inspection.objects.filter(synthetic=False).exists()
    for case in Case.objects.exclude(action=None).select_related("action"):
        assert case.action.covers(case.lead_on) and case.action.units.filter(pk=case.unit_id).exists()
    again = [(a.name, a.cases.count(), a.inspections.count()) for a in SpecialAction.objects.order_by("start")]
    assert again[0][0] == "2022年商标权保护专项整治行动（演示）"

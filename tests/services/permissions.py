"""Who may open each page and endpoint of the services module's expert pool and random inspections, and rows to
try them with: an expert and a draw of Nan'an, a plan of the market supervision bureau (published) and one of the
court (a draft)."""

import datetime

from zhichan.core.models import Unit
from zhichan.core.roles import EVERYONE, LIAISONS, STAFF, Role

OFFICE = frozenset({Role.OFFICE})
WRITERS = frozenset({Role.OFFICE, *LIAISONS})

EXPECTED = {
    "expert-list": (STAFF, STAFF),
    "expert-new": (OFFICE, OFFICE),
    "expert-detail": (STAFF, OFFICE),
    "expert-draw-new": (OFFICE, OFFICE),
    "expert-draw-detail": (STAFF, OFFICE),
    "inspector-list": (STAFF, WRITERS),
    "inspection-plan-list": (STAFF, STAFF),
    "inspection-plan-new": (WRITERS, WRITERS),
    "inspection-plan-detail": (STAFF, WRITERS),
    "inspection-plan-export": (STAFF, STAFF),
    "inspection-draw-verify": (EVERYONE, EVERYONE),
}


def rows(users):
    from zhichan.services.services import experts, inspections, inspectors

    amr, court = Unit.objects.get(key="amr"), Unit.objects.get(key="court")
    for n in range(3):
        experts.add_expert(
            None,
            organisation=amr.organisation,
            name=f"专家{n}",
            id_number=f"35058319800101{n:04d}",
            fields=["G"],
            employer="某大学",
        )
    experts.draw_experts(None, organisation=amr.organisation, purpose="other", subject="评审", wanted=2)
    for n in range(2):
        inspectors.add_inspector(None, unit=amr, name=f"检查员{n}", certificate_number=f"P{n}", field="市场监管")
    for unit in (amr, court):
        inspections.create_plan(
            None,
            unit=unit,
            name=f"{unit.key} 抽查",
            items="商标使用",
            starts_on=datetime.date(2025, 3, 1),
            ends_on=datetime.date(2025, 5, 31),
        )
    inspections.publish_plan(inspections.InspectionPlan.objects.get(unit=amr), None)


# The read-only API.
EXPECTED |= {
    f"api:{name}-{kind}": (STAFF, STAFF)
    for name in ("expert", "expertdraw", "inspector", "inspectionplan")
    for kind in ("list", "detail")
}

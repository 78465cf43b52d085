"""Who may open each page and endpoint of the services module, and rows to try them with: an agency, an outlet, a
custody engagement and a custody application kept by the market supervision bureau, and an outlet kept by the
court; an expert and a draw of Nan'an, a plan of the market supervision bureau (published) and one of the court (a
draft). Every staff role reads the directories, the custody ledger and its applications; the office and the liaison
of the unit keeping a record write it (decide an application); agencies
are kept by member units (their supervising unit), so a township's liaison does not enter them; only the office
publishes and keeps the expert pool."""

import datetime

from zhichan.core.models import Unit
from zhichan.core.roles import EVERYONE, LIAISONS, STAFF, Role

OFFICE = frozenset({Role.OFFICE})
AGENCY_WRITERS = frozenset({Role.OFFICE, Role.UNIT_LIAISON})
WRITERS = frozenset({Role.OFFICE, *LIAISONS})

EXPECTED = {
    "agency-list": (STAFF, STAFF),
    "agency-new": (AGENCY_WRITERS, AGENCY_WRITERS),
    "agency-export": (STAFF, STAFF),
    "agency-detail": (STAFF, AGENCY_WRITERS),
    "agency-edit": (AGENCY_WRITERS, AGENCY_WRITERS),
    "agency-qualification-add": (STAFF, AGENCY_WRITERS),
    "agency-practitioner-add": (STAFF, AGENCY_WRITERS),
    "agency-service-add": (STAFF, AGENCY_WRITERS),
    "agency-publish": (STAFF, OFFICE),
    "api:agency-list": (STAFF, AGENCY_WRITERS),
    "api:agency-detail": (STAFF, AGENCY_WRITERS),
    "api:agency-step": (STAFF, AGENCY_WRITERS),
    "outlet-list": (STAFF, STAFF),
    "outlet-new": (WRITERS, WRITERS),
    "outlet-detail": (STAFF, WRITERS),
    "outlet-edit": (WRITERS, WRITERS),
    "outlet-activity-add": (STAFF, WRITERS),
    "outlet-publish": (STAFF, OFFICE),
    "api:outlet-list": (STAFF, WRITERS),
    "api:outlet-detail": (STAFF, WRITERS),
    "api:outlet-step": (STAFF, WRITERS),
    "custody-list": (STAFF, STAFF),
    "custody-new": (WRITERS, WRITERS),
    "custody-export": (STAFF, STAFF),
    "custody-detail": (STAFF, WRITERS),
    "custody-edit": (WRITERS, WRITERS),
    "custody-service-add": (STAFF, WRITERS),
    "custody-visit-add": (STAFF, WRITERS),
    "custody-rate": (STAFF, WRITERS),
    "api:custodyengagement-list": (STAFF, WRITERS),
    "api:custodyengagement-detail": (STAFF, WRITERS),
    "api:custodyengagement-step": (STAFF, WRITERS),
    "custody-application-list": (STAFF, STAFF),
    "custody-application-new": (WRITERS, WRITERS),
    "custody-application-detail": (STAFF, WRITERS),
    "custody-application-step": (STAFF, WRITERS),
    "custody-application-engage": (WRITERS, WRITERS),
    "api:custodyapplication-list": (STAFF, WRITERS),
    "api:custodyapplication-detail": (STAFF, WRITERS),
    "api:custodyapplication-step": (STAFF, WRITERS),
    "expert-list": (STAFF, STAFF),
    "expert-new": (OFFICE, OFFICE),
    "expert-detail": (STAFF, OFFICE),
    "expert-edit": (OFFICE, OFFICE),
    "api:expert-list": (STAFF, OFFICE),
    "api:expert-detail": (STAFF, OFFICE),
    "api:expert-step": (STAFF, OFFICE),
    "api:inspectionplan-list": (STAFF, WRITERS),
    "api:inspectionplan-detail": (STAFF, WRITERS),
    "api:inspectionplan-step": (STAFF, WRITERS),
    "expert-draw-new": (OFFICE, OFFICE),
    "expert-draw-detail": (STAFF, OFFICE),
    "inspector-list": (STAFF, WRITERS),
    "inspector-detail": (STAFF, WRITERS),
    "api:inspector-list": (STAFF, WRITERS),
    "api:inspector-detail": (STAFF, WRITERS),
    "api:inspector-step": (STAFF, WRITERS),
    "inspection-plan-list": (STAFF, STAFF),
    "inspection-plan-new": (WRITERS, WRITERS),
    "inspection-plan-detail": (STAFF, WRITERS),
    "inspection-plan-export": (STAFF, STAFF),
    "inspection-draw-verify": (EVERYONE, EVERYONE),
}


def rows(users):
    from .factories import make_application, make_engagement, make_outlet

    make_engagement(None, n=1)  # with its agency, kept by the market supervision bureau
    make_application(None, n=1)  # awaiting the market supervision bureau's decision
    make_outlet(None, n=1)
    make_outlet(None, n=2, unit_key="court")

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
EXPECTED |= {f"api:{name}-{kind}": (STAFF, STAFF) for name in ("expertdraw",) for kind in ("list", "detail")}

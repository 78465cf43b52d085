"""Who may open each page and endpoint of the protection module, and rows to try them with: a case of the market
supervision bureau placed in 水头镇, and one of the court placed elsewhere."""

import datetime

from zhichan.core.models import Region, RegionKind, Unit
from zhichan.core.roles import LIAISONS, STAFF, Role

WRITERS = frozenset({Role.OFFICE, *LIAISONS})

EXPECTED = {
    "case-list": (STAFF, STAFF),
    "case-new": (WRITERS, WRITERS),
    "case-detail": (STAFF, WRITERS),
    "case-step": (STAFF, WRITERS),
    "api:case-list": (STAFF, WRITERS),
    "api:case-detail": (STAFF, WRITERS),
    "api:case-step": (STAFF, WRITERS),
    "complaint-list": (STAFF, STAFF),
    "complaint-new": (WRITERS, WRITERS),
    "complaint-detail": (STAFF, WRITERS),
    "complaint-step": (STAFF, WRITERS),
    "api:complaint-list": (STAFF, WRITERS),
    "api:complaint-detail": (STAFF, WRITERS),
    "api:complaint-step": (STAFF, WRITERS),
}


def rows(users):
    from zhichan.protection.models import CaseKind
    from zhichan.protection.services import cases

    from .conftest import load_reference

    load_reference()
    kind = CaseKind.objects.get(key="trademark-infringement")
    shuitou = users["shuitou-liaison"].unit.region
    elsewhere = Region.objects.filter(kind__in=RegionKind.township_level()).exclude(pk=shuitou.pk).first()
    for key, township in (("amr", shuitou), ("court", elsewhere)):
        cases.open_case(
            None,
            unit=Unit.objects.get(key=key),
            number=f"{key}-1",
            title=f"{key} case",
            kind=kind,
            source="inspection",
            lead_on=datetime.date(2024, 3, 1),
            township=township,
        )
    complaint_rows()


def complaint_rows():
    """A complaint held by the market supervision bureau and one held by the court."""
    from zhichan.protection.services import complaints

    for key in ("amr", "court"):
        complaints.take_complaint(
            None,
            unit=Unit.objects.get(key=key),
            kind="complaint",
            channel="phone",
            received_on=datetime.date(2024, 3, 1),
            matter=f"{key} complaint",
            complainant_name="李四",
            complainant_id_number="350583199001011234",
        )


# Mediations, judicial confirmations and rights-assistance requests: read by staff (scoped as cases), written by
# the office and the handling unit's liaison; the court's liaison enters the ruling on applications to its court.
EXPECTED |= {
    "mediation-list": (STAFF, STAFF),
    "mediation-new": (WRITERS, WRITERS),
    "mediation-detail": (STAFF, WRITERS),
    "mediation-step": (STAFF, WRITERS),
    "confirmation-list": (STAFF, STAFF),
    "confirmation-ruling": (STAFF, WRITERS),
    "assistance-list": (STAFF, STAFF),
    "assistance-new": (WRITERS, WRITERS),
    "assistance-detail": (STAFF, WRITERS),
    "api:mediation-list": (STAFF, WRITERS),
    "api:mediation-detail": (STAFF, WRITERS),
    "api:mediation-step": (STAFF, WRITERS),
    "api:judicialconfirmation-list": (STAFF, WRITERS),
    "api:judicialconfirmation-detail": (STAFF, WRITERS),
    "api:judicialconfirmation-ruling": (STAFF, WRITERS),
    "api:assistancerequest-list": (STAFF, WRITERS),
    "api:assistancerequest-detail": (STAFF, WRITERS),
    "api:assistancerequest-close": (STAFF, WRITERS),
}

_case_rows = rows


def rows(users):  # noqa: F811 - the cases' rows, then a mediation (with an application) and a request per unit
    from zhichan.protection.services import assistance, mediation

    _case_rows(users)
    court = Unit.objects.get(key="court")
    for key in ("amr", "justice"):
        unit = Unit.objects.get(key=key)
        item = mediation.open_mediation(
            None,
            unit=unit,
            number=f"{key}-m1",
            title=f"{key} dispute",
            kind="administrative",
            rights="商标专用权",
            received_on=datetime.date(2024, 3, 1),
        )
        mediation.agree(item, None, datetime.date(2024, 3, 20))
        # The justice bureau's application names itself, so one application lies outside the court's scope.
        mediation.apply_for_confirmation(item, None, datetime.date(2024, 4, 1), court if key == "amr" else unit)
        assistance.open_request(
            None, unit=unit, kind="evidence", requester=f"{key} requester", requested_on=datetime.date(2024, 3, 5)
        )


# Special enforcement actions: every staff role reads them, the office sets them up and changes them; inspections
# are scoped as cases (the inspecting unit's liaison and the office write them).
OFFICE = frozenset({Role.OFFICE})

EXPECTED |= {
    "special-action-list": (STAFF, STAFF),
    "special-action-new": (OFFICE, OFFICE),
    "special-action-detail": (STAFF, OFFICE),
    "special-action-edit": (OFFICE, OFFICE),
    "special-action-export": (STAFF, OFFICE),
    "inspection-list": (STAFF, STAFF),
    "inspection-new": (WRITERS, WRITERS),
    "api:specialaction-list": (STAFF, OFFICE),
    "api:specialaction-detail": (STAFF, OFFICE),
    "api:specialaction-summary": (STAFF, OFFICE),
    "api:inspection-list": (STAFF, WRITERS),
    "api:inspection-detail": (STAFF, WRITERS),
}

_mediation_rows = rows


def rows(users):  # noqa: F811 - the rows above, then an action with an inspection of the market supervision bureau
    # and one of the court (the court takes no part: its inspection is under no action)
    from zhichan.protection.services import special_actions

    _mediation_rows(users)
    amr, court = Unit.objects.get(key="amr"), Unit.objects.get(key="court")
    action = special_actions.create_action(
        None,
        name="permissions action",
        start=datetime.date(2024, 3, 1),
        end=datetime.date(2024, 6, 30),
        ip_types=["trademark"],
        lead_unit=amr,
    )
    special_actions.record_inspection(None, unit=amr, day=datetime.date(2024, 3, 2), subject="amr", action=action)
    special_actions.record_inspection(None, unit=court, day=datetime.date(2024, 3, 2), subject="court")


# The shared pool (共享案件库): every staff role reads it, each under the pool's scope (a township's liaison the cases
# placed in its township); nothing is written through it. The repeat infringers are the office's.
EXPECTED |= {
    "pool-list": (STAFF, STAFF),
    "pool-detail": (STAFF, STAFF),
    "pool-parties": (STAFF, STAFF),
    "pool-party": (STAFF, STAFF),
    "pool-repeat": ({Role.OFFICE}, {Role.OFFICE}),
    "api:pooledcase-list": (STAFF, {Role.OFFICE}),
    "api:pooledcase-detail": (STAFF, {Role.OFFICE}),
    "api:api-party-search": (STAFF, STAFF),
    "api:api-party-record": (STAFF, STAFF),
    "api:api-repeat-infringers": ({Role.OFFICE}, {Role.OFFICE}),
}

# Query strings the pool's look-ups are tried with (without one, the API's answer is a 400 naming the parameter).
QUERIES = {
    **globals().get("QUERIES", {}),
    "pool-party": "?name=amr%20case",
    "pool-parties": "?q=case",
    "api:api-party-search": "?q=case",
    "api:api-party-record": "?code=91350583MA00000001",
}
# The case ledger's export: every staff role that reads the case list (its rows are the list's); the import is
# core's (its pages in tests/core/permissions.py), open to the office and the liaisons for this kind.
EXPECTED |= {"case-ledger-export": (STAFF, STAFF)}


# Joint meetings: every staff user of the organisation reads them and their decisions; the office records meetings,
# minutes and decisions; the assigned unit's liaison (and the office) move a decision on.
OFFICE = frozenset({Role.OFFICE})

EXPECTED |= {
    "meeting-list": (STAFF, STAFF),
    "meeting-new": (OFFICE, OFFICE),
    "meeting-settings": (OFFICE, OFFICE),
    "meeting-detail": (STAFF, OFFICE),
    "meeting-minutes": (STAFF, OFFICE),
    "meeting-decision-new": (STAFF, OFFICE),
    "decision-list": (STAFF, STAFF),
    "decision-detail": (STAFF, WRITERS),
    "decision-step": (STAFF, WRITERS),
    "api:jointmeeting-list": (STAFF, OFFICE),
    "api:jointmeeting-detail": (STAFF, OFFICE),
    "api:jointmeeting-minutes": (STAFF, OFFICE),
    "api:jointmeeting-due": (STAFF, OFFICE),
    "api:meetingdecision-list": (STAFF, WRITERS),
    "api:meetingdecision-detail": (STAFF, WRITERS),
    "api:meetingdecision-step": (STAFF, WRITERS),
}

_rows_before_meetings = rows


def rows(users):  # noqa: F811 - the rows above, then a meeting of Nan'an and one of another organisation
    _rows_before_meetings(users)
    meeting_rows()


def meeting_rows():
    """A plenary meeting of Nan'an with a decision for the market supervision bureau and one for the court, and a
    meeting of the city above it (another organisation: no Nan'an user reads it)."""
    from zhichan.protection.services import meetings

    units = {unit.key: unit for unit in Unit.objects.filter(organisation__code="350583", key__in=["amr", "court"])}
    meeting = meetings.record_meeting(
        None,
        title="联席会议全体会议",
        kind="plenary",
        held_on=datetime.date(2024, 3, 15),
        convener=units["amr"],
        units_present=list(units.values()),
    )
    for key in ("amr", "court"):
        meetings.add_decision(
            None, meeting=meeting, text=f"{key} decision", unit=units[key], deadline=datetime.date(2024, 5, 15)
        )
    city = Region.objects.get(code="3505")
    elsewhere = Unit.objects.create(
        organisation=city, key="city-amr", name="测试市市场监管局", kind="member", region=city
    )
    other = meetings.record_meeting(
        None,
        title="另一地区的联席会议",
        kind="plenary",
        held_on=datetime.date(2024, 3, 20),
        convener=elsewhere,
        units_present=[elsewhere],
    )
    meetings.add_decision(None, meeting=other, text="elsewhere", unit=elsewhere, deadline=datetime.date(2024, 6, 1))


# Transfers to criminal justice: read by staff (the reporting unit, the police unit and procuratorate it went to, the
# office and the leadership), written by the office and those units' liaisons, each its own side's steps.
EXPECTED |= {
    "transfer-list": (STAFF, STAFF),
    "transfer-detail": (STAFF, WRITERS),
    "transfer-step": (STAFF, WRITERS),
    "api:transfer-list": (STAFF, WRITERS),
    "api:transfer-detail": (STAFF, WRITERS),
    "api:transfer-step": (STAFF, WRITERS),
}

_rows_before_transfers = rows


def rows(users):  # noqa: F811 - the rows above, then a transfer of the bureau's case and one of the court's
    from zhichan.protection.models import Case
    from zhichan.protection.services import transfers

    _rows_before_transfers(users)
    for number in ("amr-1", "court-1"):
        transfers.report(
            None, case=Case.objects.get(number=number), reported_on=datetime.date(2024, 3, 4), officers=["甲", "乙"]
        )

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

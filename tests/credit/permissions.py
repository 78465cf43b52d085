"""Who may open each page and endpoint of the credit module, and rows to try them with: a record and a listing of
the market supervision bureau, and of the court. Every staff role reads them; the office and the finding unit's
liaison write them."""

import datetime

from zhichan.core.models import Unit
from zhichan.core.roles import LIAISONS, STAFF, Role

WRITERS = frozenset({Role.OFFICE, *LIAISONS})

EXPECTED = {
    "credit-record-list": (STAFF, STAFF),
    "credit-record-new": (WRITERS, WRITERS),
    "credit-record-export": (STAFF, STAFF),
    "credit-record-detail": (STAFF, WRITERS),
    "credit-record-step": (STAFF, WRITERS),
    "credit-serious-list": (STAFF, STAFF),
    "credit-serious-new": (WRITERS, WRITERS),
    "credit-serious-export": (STAFF, STAFF),
    "credit-serious-detail": (STAFF, WRITERS),
    "credit-serious-step": (STAFF, WRITERS),
    "credit-grade-list": (STAFF, STAFF),
    "credit-grade-run": ({Role.OFFICE}, {Role.OFFICE}),
    "credit-subject": (STAFF, STAFF),
    "api:dishonestyrecord-list": (STAFF, WRITERS),
    "api:dishonestyrecord-detail": (STAFF, WRITERS),
    "api:dishonestyrecord-step": (STAFF, WRITERS),
    "api:seriouslistentry-list": (STAFF, WRITERS),
    "api:seriouslistentry-detail": (STAFF, WRITERS),
    "api:seriouslistentry-step": (STAFF, WRITERS),
}

# A subject's page is addressed by its credit code: the market supervision bureau's record names this one.
URL_KWARGS = {"credit-subject": {"code": "91350583MA00000001"}}


def rows(users):
    from zhichan.credit.models import DishonestyKind
    from zhichan.credit.services import records, serious

    from .conftest import load_reference

    load_reference()
    kind = DishonestyKind.objects.get(key="bad-faith-trademark-application")
    for serial, key in enumerate(("amr", "court"), start=1):
        unit = Unit.objects.get(key=key)
        code = f"91350583MA0000000{serial}"
        records.enter_record(
            None,
            unit=unit,
            subject_kind="enterprise",
            subject_name=f"{key} 企业",
            credit_code=code,
            kind=kind,
            source="manual",
            found_on=datetime.date(2024, 3, 1),
            document_number=f"{key}-1",
            facts="恶意申请",
        )
        serious.list_subject(
            None,
            unit=unit,
            subject_kind="enterprise",
            subject_name=f"{key} 企业",
            credit_code=code,
            decision_number=f"{key}-list-1",
            listed_on=datetime.date(2024, 3, 1),
            reasons="故意侵权",
        )

"""Grades against grades computed by hand, with their reasons; the stored run; `grades_of` and the proportions."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from zhichan.core.models import Region, Unit
from zhichan.credit.models import GradeRun, SubjectGrade
from zhichan.credit.services import grades
from zhichan.credit.services.settings import inspection_proportions, load_kinds

from .conftest import CODE

D = datetime.date
AS_OF = D(2024, 6, 1)
LISTED, EXPIRED, REPEAT, CLEAN = CODE, "91350583MA00000002", "91350583MA00000003", "91350583MA00000004"


def _repeat_infringer(code):
    """Two enforcement cases decided in 2023 and 2024 naming the code as a party."""
    from zhichan.protection.models import CaseKind, CaseParty
    from zhichan.protection.services import cases
    from zhichan.protection.services.kinds import load_case_kinds

    load_case_kinds()
    kind = CaseKind.objects.get(key="trademark-infringement")
    for number, decided in (("案1", D(2023, 5, 10)), ("案2", D(2024, 2, 20))):
        case = cases.open_case(
            None,
            unit=Unit.objects.get(key="amr"),
            number=number,
            title="商标侵权",
            kind=kind,
            source="inspection",
            lead_on=D(2023, 1, 5),
            parties=[{"kind": "organisation", "name": "重复侵权公司", "credit_code": code}],
        )
        type(case).objects.filter(pk=case.pk).update(decided_on=decided)
    assert CaseParty.objects.filter(credit_code=code).count() == 2


@pytest.fixture
def graded_world(new_record, new_listing):
    from zhichan.registry.models import Enterprise

    region = Region.objects.get(code="350583")
    for code in (LISTED, EXPIRED, REPEAT, CLEAN):
        Enterprise.objects.create(name=f"企业{code[-1]}", uscc=code, region=region)
    in_force = new_record(found_on=D(2024, 3, 1))  # published until 2025-02-28
    new_listing(listed_on=D(2024, 1, 5))  # term ends 2027-01-05
    new_record(found_on=D(2022, 1, 10), credit_code=EXPIRED)  # published until 2023-01-09
    _repeat_infringer(REPEAT)
    return in_force


def test_grades_as_computed_by_hand(graded_world):
    found = grades.graded_subjects([LISTED, EXPIRED, REPEAT, CLEAN], AS_OF)
    assert {code: g.grade for code, g in found.items()} == {LISTED: "D", EXPIRED: "B", REPEAT: "C", CLEAN: "A"}
    assert found[LISTED].reasons == [
        {"rule": "serious-list", "grade": "D", "count": 1, "until": "2027-01-05"},
        {"rule": "record-in-force", "grade": "C", "count": 1, "until": "2025-02-28"},
    ]
    # Ended 2023-01-09, counts two years after.
    assert found[EXPIRED].reasons == [{"rule": "record-ended", "grade": "B", "count": 1, "until": "2025-01-09"}]
    # The second-latest decision (2023-05-10) leaves the three-year window on 2026-05-10.
    assert found[REPEAT].reasons == [{"rule": "repeat-infringer", "grade": "C", "count": 2, "until": "2026-05-10"}]
    assert found[CLEAN].reasons == []
    assert grades.grades_of([EXPIRED], D(2025, 1, 10)) == {EXPIRED: "A"}  # the ended record no longer counts


def test_a_repaired_record_counts_until_the_repair_and_then_as_ended(graded_world, new_record, users):
    from zhichan.credit.services import repair

    record = new_record(found_on=D(2024, 3, 1), credit_code=CLEAN, document_number="修复-1")
    repair.ask_record_repair(record, users["office"], D(2024, 9, 2), list(repair.RECORD_CONDITIONS))
    repair.approve_record_repair(record, users["office"], D(2024, 9, 10))
    assert grades.graded_subjects([CLEAN], D(2024, 9, 9))[CLEAN].reasons == [
        {"rule": "record-in-force", "grade": "C", "count": 1, "until": "2025-02-28"}
    ]
    assert grades.graded_subjects([CLEAN], D(2024, 9, 11))[CLEAN].reasons == [
        {"rule": "record-ended", "grade": "B", "count": 1, "until": "2026-09-10"}
    ]


def test_a_run_grades_every_enterprise_and_stores_why(graded_world, users):
    from zhichan.registry.models import Enterprise

    run = grades.compute_grades(users["office"], AS_OF)
    others = Enterprise.objects.count() - 4  # the demo accounts' own enterprise: no record
    assert run.finished and run.counts == {"A": 1 + others, "B": 1, "C": 1, "D": 1}
    assert SubjectGrade.objects.filter(run=run).count() == Enterprise.objects.count()
    stored = SubjectGrade.objects.get(run=run, credit_code=REPEAT)
    assert stored.grade == "C" and stored.reasons[0]["rule"] == "repeat-infringer"
    text = grades.explained(stored.reasons[0])
    assert "2026-05-10" in text


def test_the_office_starts_a_run_from_the_page_and_every_staff_role_reads_it(graded_world, client_for):
    response = client_for("office").post(reverse("credit-grade-run"), {"as_of": "2024-06-01"})
    assert response.status_code == 302
    run = GradeRun.objects.get()
    assert run.as_of == AS_OF and run.finished
    page = client_for("court-liaison").get(reverse("credit-grade-list")).content.decode()
    assert LISTED in page and CLEAN not in page  # those below the best grade are listed
    subject = client_for("leader").get(reverse("credit-subject", args=[LISTED])).content.decode()
    assert "2027-01-05" in subject and graded_world.document_number in subject


def test_inspection_proportions_come_from_the_settings(db):
    load_kinds()
    proportions = inspection_proportions()
    assert list(proportions) == ["A", "B", "C", "D"]
    assert all(isinstance(value, Decimal) for value in proportions.values())


def test_a_service_agency_is_graded_beside_the_enterprises(graded_world, users, new_record):
    from tests.services.factories import make_agency

    agency = make_agency(None, n=7)
    new_record(
        credit_code=agency.uscc,
        subject_kind="agency",
        subject_name=agency.name,
        kind="agency-misconduct",
        found_on=AS_OF - datetime.timedelta(days=30),
    )
    run = grades.compute_grades(users["office"], AS_OF)
    stored = SubjectGrade.objects.get(run=run, credit_code=agency.uscc)
    assert stored.subject_kind == "agency" and stored.grade == grades.grades_of([agency.uscc], AS_OF)[agency.uscc]
    assert stored.grade != "A"

"""The import of past subsidy awards (历年专项资金资助台账): rows linked to the register's enterprises, amounts in 元
converted, bad rows refused naming their row and column, a second import of the same ledger changing nothing, and
the double-subsidy guard catching a later claim of an imported patent however its number is written."""

import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from zhichan.core.events import events_of
from zhichan.core.imports import get_kind
from zhichan.core.imports.kinds import may_import
from zhichan.finance.models import PastAward
from zhichan.finance.services import subsidies
from zhichan.finance.services.awards import record_past_award

from ..registry.registers import patent_number
from .factories import import_rows, make_enterprise
from .subsidy_fixtures import DAY, application_for, granted_patent

HEADERS = [
    "年度",
    "资助项目",
    "企业名称",
    "统一社会信用代码",
    "资助类别",
    "专利号/商标注册号/合同编号/文号",
    "资助金额（万元）",
    "资助金额（元）",
]


def import_awards(tmp_path, user, rows, name="资助台账.xlsx"):
    return import_rows(tmp_path, user, "finance-awards", HEADERS, rows, name)


def _reasons(batch) -> dict:
    return {(r.row, r.shown_field): str(r.shown_reason) for r in batch.rejections.all()}


def test_the_ledger_is_imported_linked_converted_and_a_second_import_changes_nothing(tmp_path, users):
    coded, named = make_enterprise(1), make_enterprise(2)
    first, second, third = (patent_number(2022, "1", serial) for serial in (11, 12, 13))
    rows = [
        [2023, "2023年度专利资助", coded.name, coded.uscc, "发明专利授权", "ZL " + first, "", "5,000"],
        ["2024年度", "2024年度PCT资助", named.name, "", "PCT申请资助", second, "1", ""],
        [2024, "2024年度项目资助", "不在登记库的企业", "", "project", "南知〔2024〕3号", "20", ""],
        [2024, "2024年度专利资助", coded.name, "", "发明专利奖励", third, "0.5", ""],
        [1998, "1998年度专利资助", coded.name, "", "发明专利授权", third, "0.5", ""],
        [2024, "2024年度专利资助", coded.name, "", "发明专利授权", third, "0.5", "5000"],
        [2024, "2024年度专利资助", "某企业", "91350583MA0NOBODY0", "发明专利授权", third, "0.5", ""],
        [2024, "2024年度专利资助", coded.name, "", "发明专利授权", third, "5000", ""],
    ]
    batch = import_awards(tmp_path, users["office"], rows)
    assert (batch.created_count, batch.rejected_count) == (3, 5)
    award = PastAward.objects.get(subject=first)
    assert award.applicant == coded and award.amount == Decimal("0.5") and award.basis == "invention-granted"
    assert award.import_batch == batch and award.year == 2023
    pct = PastAward.objects.get(subject=second)
    assert pct.applicant == named and pct.basis == "pct-filed" and pct.amount == Decimal("1") and pct.year == 2024
    project = PastAward.objects.get(basis="project")
    assert project.applicant is None and project.applicant_name == "不在登记库的企业"
    reasons = _reasons(batch)
    assert set(reasons) == {
        (5, "资助类别"),
        (6, "年度"),
        (7, "资助金额（万元）"),
        (8, "统一社会信用代码"),
        (9, "资助金额（万元）"),
    }
    assert "发明专利奖励" in reasons[(5, "资助类别")] and "发明专利授权" in reasons[(5, "资助类别")]
    assert "1998" in reasons[(6, "年度")] and "2000" in reasons[(6, "年度")]
    assert "91350583MA0NOBODY0" in reasons[(8, "统一社会信用代码")] and "万元" in reasons[(9, "资助金额（万元）")]
    assert not PastAward.objects.filter(subject=third).exists()
    events = events_of(award).count()

    again = import_awards(tmp_path, users["office"], rows[:3], "资助台账（再次）.xlsx")
    assert (again.created_count, again.updated_count, again.unchanged_count) == (0, 0, 3)
    assert PastAward.objects.count() == 3 and events_of(award).count() == events

    corrected = [[2023, "2023年度专利资助", coded.name, coded.uscc, "发明专利授权", first, "0.6", ""]]
    changed = import_awards(tmp_path, users["office"], corrected, "资助台账（更正）.xlsx")
    assert (changed.created_count, changed.updated_count) == (0, 1)
    award.refresh_from_db()
    assert award.amount == Decimal("0.6") and PastAward.objects.filter(subject=first).count() == 1


def test_a_claim_of_an_imported_patent_is_refused_at_submission_naming_the_award(tmp_path, users, scheme, own):
    patent = granted_patent(own, 42)
    number = patent.application_number
    spaced = f"{number[:4]} {number[4]} {number[5:]}"
    rows = [[2025, "2025年度南安市专利资助", own.name, own.uscc, "发明专利授权", spaced, "", "3000"]]
    batch = import_awards(tmp_path, users["office"], rows)
    assert batch.created_count == 1 and PastAward.objects.get().subject == number
    application = application_for(users["enterprise"], scheme, own, [("invention", "ZL" + number)])
    assert application.claims.get().eligible == 0
    with pytest.raises(ValidationError, match="2025年度南安市专利资助") as refused:
        subsidies.submit(application, users["enterprise"], day=DAY)
    assert "2025" in str(refused.value)


def test_only_the_office_records_past_awards(tmp_path, users):
    enterprise = make_enterprise(1)
    kind = get_kind("finance-awards")
    assert may_import(users["office"], kind) and not may_import(users["bank"], kind)
    rows = [[2024, "2024年度专利资助", enterprise.name, "", "发明专利授权", patent_number(2022, "1", 21), "0.5", ""]]
    batch = import_awards(tmp_path, users["bank"], rows)
    assert batch.created_count == 0 and set(_reasons(batch)) == {(2, "企业名称")}
    with pytest.raises(PermissionDenied):
        record_past_award(
            users["enterprise"],
            applicant_name=enterprise.name,
            scheme_name="2024年度专利资助",
            year=2024,
            basis="invention-granted",
            subject=patent_number(2022, "1", 21),
            amount=Decimal("0.5"),
        )
    assert not PastAward.objects.exists()


def test_the_template_has_the_ledger_columns(client_for):
    response = client_for("office").get(reverse("import-template"), {"kind": "finance-awards"})
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert [cell.value for cell in book.worksheets[0][1]] == HEADERS

"""Importing a case ledger (案件台账) through core's import framework: each row becomes a case through the case
actions as the importing user; an exported ledger imported into an empty unit gives the same ledger back; every
refused row is reported by row and column with what was expected; a refused row leaves nothing behind; a liaison
imports only its own unit's cases."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from zhichan.core.clocks import State as ClockState
from zhichan.core.imports.running import run_import
from zhichan.core.models import Clock, Event, ImportBatch, Unit
from zhichan.protection.models import Case, PartyKind, State
from zhichan.protection.services.clocks import decision_reading

from .test_ledger import HEADERS, by_header, sheet_rows

D = datetime.date


def export(client, **filters) -> bytes:
    return client.get(reverse("case-ledger-export"), filters).content


def write_book(path, rows: list[list], headers=HEADERS):
    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def import_file(path, user, dry_run=False) -> ImportBatch:
    batch = ImportBatch.objects.create(
        kind="case-ledger", user=user, file_name=path.name, language="zh-hans", dry_run=dry_run
    )
    return run_import(batch, path)


def reasons(batch) -> dict:
    return {(r.row, r.shown_field): r.shown_reason for r in batch.rejections.all()}


NO_AMOUNTS = {"违法经营额（元）": None, "罚款（元）": None, "没收违法所得（元）": None}


def row(number, **cells) -> list:
    """A ledger row of the market supervision bureau: a closed trademark case unless the cells say otherwise."""
    values = {
        "序号": 1,
        "案件编号": number,
        "办案单位": "市市场监管局",
        "案件名称": "水暖商标侵权案",
        "案件类型": "商标侵权",
        "知识产权类型": "商标",
        "案件来源": "投诉举报",
        "所在乡镇": "水头镇",
        "当事人": "南安市演示卫浴有限公司（91350583MA00000001）",
        "线索日期": D(2024, 3, 5),
        "立案日期": D(2024, 3, 12),
        "决定日期": D(2024, 5, 6),
        "结案日期": D(2024, 5, 20),
        "状态": "已结案",
        "处罚决定书文号": f"南市监处罚〔2024〕{number}号",
        "违法经营额（元）": 8000,
        "罚款（元）": 20000,
        "没收违法所得（元）": 1000,
        "赔偿额（元）": 0,
        "惩罚性赔偿（元）": 0,
        "办案期限状态": "",
        "演示数据": "否",
    }
    values.update(cells)
    return [values[header] for header in HEADERS]


def test_an_exported_ledger_imported_into_an_empty_unit_gives_the_same_rows(ledger, client_for, users, tmp_path):
    """The office exports the market supervision bureau's ledger, names the justice bureau (which has no case) in
    its unit column and imports it: the justice bureau's ledger then reads as the bureau's, row for row."""
    client = client_for("office")
    amr, justice = Unit.objects.get(key="amr"), Unit.objects.get(key="justice")
    content = export(client, unit=amr.pk)
    book = load_workbook(io.BytesIO(content))
    sheet = book.active
    column = HEADERS.index("办案单位") + 1
    for number in range(3, sheet.max_row + 1):  # below the note line and the header row
        sheet.cell(number, column).value = justice.name
    path = tmp_path / "台账.xlsx"
    book.save(path)

    batch = import_file(path, users["office"])
    assert batch.state == "done", batch.message
    assert (batch.rows, batch.created_count, batch.rejected_count) == (3, 3, 0)
    assert "序号、办案期限状态" not in batch.shown_message  # the ledger's own columns are the layout's
    before, after = by_header(sheet_rows(content)), by_header(sheet_rows(export(client, unit=justice.pk)))
    for row_before, row_after in zip(before, after, strict=True):
        assert row_after.pop("办案单位") == justice.name and row_before.pop("办案单位") == amr.name
        assert row_after == row_before

    imported = Case.objects.get(unit=justice, number=ledger[1].number)
    assert imported.import_batch == batch and imported.created_by == users["office"]
    assert imported.state == State.CLOSED and imported.fine == 5000
    assert decision_reading(imported).state == ClockState.MISSED  # its clocks were started and stopped by the steps
    kinds = list(Event.objects.filter(object_id=imported.pk, kind__startswith="case.").values_list("kind", flat=True))
    assert sorted(kinds) == ["case.closed", "case.decided", "case.filed", "case.opened"]
    assert imported.history.earliest().history_user == users["office"]
    assert [p.kind for p in Case.objects.get(unit=justice, number=ledger[0].number).parties.all()] == [PartyKind.PERSON]


def test_a_liaison_imports_its_own_unit_when_the_unit_is_left_empty(reference, users, tmp_path):
    undecided = {"决定日期": None, "结案日期": None, "处罚决定书文号": "", **NO_AMOUNTS}
    rows = [
        row("1", 办案单位=""),
        row("2", 办案单位="", 状态="", 所在乡镇="", **undecided),
        row(
            "3",
            办案单位="",
            状态="不予立案",
            立案日期=None,
            当事人="李四（自然人）",
            **{**undecided, "结案日期": D(2024, 3, 20)},
        ),
    ]
    batch = import_file(write_book(tmp_path / "l.xlsx", rows), users["amr-liaison"])
    assert (batch.created_count, batch.rejected_count) == (3, 0), reasons(batch)
    closed, filed, declined = (Case.objects.get(number=n) for n in "123")
    assert {closed.unit.key, filed.unit.key, declined.unit.key} == {"amr"}
    assert closed.state == State.CLOSED and closed.township.name == "水头镇" and closed.confiscation == 1000
    assert filed.state == State.FILED and filed.township is None  # no state: read from the dates
    assert declined.state == State.NOT_FILED and declined.ended_on == D(2024, 3, 20)
    assert f"第{batch.pk}批" in declined.outcome_note
    assert declined.parties.get().kind == PartyKind.PERSON
    running = Clock.objects.get(object_id=filed.pk, rule__key="penalty-decision", content_type__model="case")
    assert running.started_on == D(2024, 3, 12) and running.stopped_on is None


def test_every_bad_row_is_reported_by_row_and_column_and_nothing_of_it_is_written(new_case, users, tmp_path):
    existing = new_case()  # 南市监处〔2024〕1号 of the market supervision bureau
    rows = [
        row("10"),  # row 2: good
        row("11", 案件类型="商标假冒"),  # row 3
        row("12", 办案单位="市环保局"),  # row 4
        row("13", 立案日期=D(2024, 3, 1)),  # row 5: filed before the lead of 2024-03-05
        row(existing.number),  # row 6: the unit already has it
        row("10"),  # row 7: the same case as row 2
        row("14", **{"罚款（元）": "三万"}),  # row 8
        row("15", 结案日期=D(2024, 5, 1)),  # row 9: closed before the decision of 2024-05-06
        row("16", 状态="已立案"),  # row 10: a filed case with a decision
        row("17", 当事人="张三（自然人，••••••••••••••••••）"),  # row 11: masked in a leader's export
        row("18", 当事人="某石业\t有限公司"),  # row 12: a tab in a name, refused once the case was entered
        row("19", 所在乡镇="安海镇"),  # row 13: not one of the county's townships
        row("20", 状态="", 决定日期=None, 处罚决定书文号="", **NO_AMOUNTS),  # row 14: ended, but how?
        row("21", 知识产权类型="专利"),  # row 15
    ]
    batch = import_file(write_book(tmp_path / "bad.xlsx", rows), users["office"])
    assert (batch.rows, batch.created_count, batch.rejected_count) == (14, 1, 13)
    assert reasons(batch) == {
        (
            3,
            "案件类型",
        ): "未知的案件类型商标假冒：应为假冒专利、商标侵权、侵犯著作权、专利侵权纠纷行政裁决、地理标志侵权、"
        "侵犯植物新品种权之一。",
        (4, "办案单位"): "未知的单位市环保局：应为名册所列成员单位的全称或简称。",
        (5, "立案日期"): "日期不能早于收到线索之日（2024-03-05）。",
        (6, "案件编号"): f"市市场监管局已有编号为{existing.number}的案件。",
        (7, "案件编号"): "与第 2 行是同一条记录，只导入第一次出现的行。",
        (8, "罚款（元）"): "三万不是金额：请填写以元为单位的数字，如12500或12500.50。",
        (9, "结案日期"): "日期不能早于作出决定之日（2024-05-06）。",
        (10, "决定日期"): "状态为已立案的案件没有此日期：请留空或更正状态。",
        (10, "结案日期"): "状态为已立案的案件没有此日期：请留空或更正状态。",
        (10, "处罚决定书文号"): "决定书文号随决定录入：请填写决定日期，或留空。",
        (10, "违法经营额（元）"): "金额随决定录入：请填写决定日期，或不填金额。",
        (10, "罚款（元）"): "金额随决定录入：请填写决定日期，或不填金额。",
        (10, "没收违法所得（元）"): "金额随决定录入：请填写决定日期，或不填金额。",
        (11, "当事人"): "张三的身份证号在此文件中已隐去：请填写完整，或删去。",
        (12, "当事人"): "含有控制字符（如 NUL），请删除。",
        (13, "所在乡镇"): "未知的乡镇安海镇：应为南安市的乡、镇、街道或园区。",
        (14, "状态"): "案件未作出决定即已终结：请在状态中写明不予立案、已移送公安机关或已撤销。",
        (15, "知识产权类型"): "案件类型商标侵权的知识产权类型为商标，不是专利。",
    }
    # Only row 2 was written; row 12's case was entered and its clock started before its party was refused, and
    # the row's savepoint took all of it back.
    assert set(Case.objects.filter(unit__key="amr").values_list("number", flat=True)) == {existing.number, "10"}
    assert (
        not Clock.objects.filter(content_type__model="case").exclude(object_id__in=Case.objects.values("pk")).exists()
    )
    assert not Event.objects.filter(kind__startswith="case.").exclude(object_id__in=Case.objects.values("pk")).exists()


def test_the_liaison_of_the_court_cannot_import_the_market_supervision_bureaus_cases(reference, users, tmp_path):
    path = write_book(tmp_path / "amr.xlsx", [row("31"), row("32", 办案单位="市场监管局")])
    batch = import_file(path, users["court-liaison"])
    assert (batch.created_count, batch.rejected_count) == (0, 2)
    assert reasons(batch)[(2, "办案单位")] == "只能导入本单位（市法院）的案件。"
    assert not Case.objects.filter(number__in=["31", "32"]).exists()


def test_a_preview_counts_and_writes_nothing(reference, users, tmp_path):
    batch = import_file(write_book(tmp_path / "p.xlsx", [row("41"), row("42", 案件类型="")]), users["office"], True)
    assert (batch.created_count, batch.rejected_count) == (1, 1)
    assert reasons(batch) == {(3, "案件类型"): "此列不能为空。"}
    assert not Case.objects.filter(number="41").exists()


def test_the_pages_offer_the_ledger_to_the_liaison_and_nothing_else(reference, client_for, users, tmp_path):
    client = client_for("amr-liaison")
    template = client.get(reverse("import-template"), {"kind": "case-ledger"})
    assert [c.value for c in load_workbook(io.BytesIO(template.content)).worksheets[0][1]] == HEADERS
    assert client.get(reverse("import-template"), {"kind": "patent"}).status_code == 404
    page = client.get(reverse("import-start"), {"kind": "case-ledger"}).content.decode()
    assert 'value="case-ledger" selected' in page and 'value="patent"' not in page

    path = write_book(tmp_path / "台账.xlsx", [row("51")])
    with path.open("rb") as handle:
        refused = client.post(reverse("import-start"), {"kind": "patent", "file": handle})
    assert refused.status_code == 200 and not ImportBatch.objects.exists()
    with path.open("rb") as handle:
        response = client.post(reverse("import-start"), {"kind": "case-ledger", "file": handle})
    batch = ImportBatch.objects.get()
    assert response["Location"] == reverse("import-batch", kwargs={"pk": batch.pk})
    assert batch.state == "done" and batch.created_count == 1  # tasks run inline in the tests
    case = Case.objects.get(number="51")
    assert case.import_batch == batch
    page = client.get(reverse("case-detail", kwargs={"pk": case.pk})).content.decode()
    assert f'data-testid="case-import-batch">#{batch.pk}<' in page
    assert client.get(reverse("import-batch", kwargs={"pk": batch.pk})).status_code == 200
    assert client_for("court-liaison").get(reverse("import-batch", kwargs={"pk": batch.pk})).status_code == 404


def test_the_api_imports_a_ledger_for_a_liaison_and_refuses_a_register(reference, api_for, tmp_path):
    api = api_for("amr-liaison")
    path = write_book(tmp_path / "台账.xlsx", [row("61")])
    with path.open("rb") as handle:
        refused = api.post("/api/v1/imports/", {"kind": "patent", "file": handle}, format="multipart")
    assert refused.status_code == 400 and "kind" in refused.json()
    with path.open("rb") as handle:
        preview = api.post("/api/v1/imports/", {"kind": "case-ledger", "file": handle}, format="multipart")
    assert preview.status_code == 201 and preview.json()["created_count"] == 1
    confirmed = api.post(f"/api/v1/imports/{preview.json()['id']}/confirm/")
    assert confirmed.status_code == 201 and Case.objects.filter(number="61", unit__key="amr").exists()


@pytest.mark.parametrize(("username", "shown"), [("office", True), ("amr-liaison", True), ("leader", False)])
def test_the_case_list_offers_export_to_all_and_import_to_writers(reference, client_for, username, shown):
    page = client_for(username).get(reverse("case-list")).content.decode()
    assert 'data-testid="case-ledger-export"' in page
    assert ('data-testid="case-ledger-import"' in page) is shown
    assert ('data-testid="case-ledger-template"' in page) is shown

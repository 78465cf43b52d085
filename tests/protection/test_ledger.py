"""The case ledger (案件台账) exported as Excel: the cases the user reads under the case list's filters, each row
with its parties (a person's ID number masked for whoever may not read it), dates, amounts and the state of its
time limit read from its clocks; at once when small, in the background with progress when large, and from the
command line."""

import csv
import datetime
import io
import os
import subprocess
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from zhichan.core.models import ExportFile, TaskProgress, Unit
from zhichan.core.services.calendar import WorkCalendar, workdays_between

from ..documents.tools import soffice

D = datetime.date
CALC = Path("/usr/lib/libreoffice/program/libsclo.so")  # Debian's libreoffice-calc(-nogui)
HEADERS = [
    "序号",
    "案件编号",
    "办案单位",
    "案件名称",
    "案件类型",
    "知识产权类型",
    "案件来源",
    "所在乡镇",
    "当事人",
    "线索日期",
    "立案日期",
    "决定日期",
    "结案日期",
    "状态",
    "处罚决定书文号",
    "违法经营额（元）",
    "罚款（元）",
    "没收违法所得（元）",
    "赔偿额（元）",
    "惩罚性赔偿（元）",
    "办案期限状态",
    "演示数据",
]
PERSON_ID = "350583199001011234"


def sheet_rows(content: bytes) -> list[list]:
    sheet = load_workbook(io.BytesIO(content)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def by_header(rows: list[list]) -> list[dict]:
    """The data rows (below the note line and the header row) as {header: value}."""
    return [dict(zip(rows[1], row, strict=True)) for row in rows[2:]]


def test_the_ledger_holds_the_cases_the_user_reads_with_hand_checked_cells(ledger, client_for):
    first, second, third, court = ledger
    response = client_for("amr-liaison").get(reverse("case-ledger-export"))
    assert response.status_code == 200 and quote("案件台账-") in response["Content-Disposition"]
    rows = sheet_rows(response.content)
    assert rows[0][0].startswith("案件台账 · 3件")  # the note line: what, how many, when, by whom
    assert rows[1] == HEADERS
    found = by_header(rows)
    assert [row["案件编号"] for row in found] == [second.number, first.number, third.number]  # oldest lead first
    assert [row["序号"] for row in found] == [1, 2, 3]
    late, timely, running = found
    assert timely == {
        "序号": 2,
        "案件编号": "南市监处〔2024〕1号",
        "办案单位": "市市场监管局",
        "案件名称": "水龙头商标侵权案",
        "案件类型": "商标侵权",
        "知识产权类型": "商标",
        "案件来源": "投诉举报",
        "所在乡镇": "水头镇",
        "当事人": f"张三（自然人，{PERSON_ID}）",
        "线索日期": datetime.datetime(2024, 2, 20),
        "立案日期": datetime.datetime(2024, 3, 1),
        "决定日期": datetime.datetime(2024, 4, 15),
        "结案日期": datetime.datetime(2024, 5, 10),
        "状态": "已结案",
        "处罚决定书文号": "南市监处罚〔2024〕1号",
        "违法经营额（元）": 12500.5,
        "罚款（元）": 30000,
        "没收违法所得（元）": 2500,
        "赔偿额（元）": 0,
        "惩罚性赔偿（元）": 0,
        "办案期限状态": "按期",
        "演示数据": "否",
    }
    assert late["当事人"] == "南安市演示石业有限公司（91350583MA00000001）；南安市演示商行（普通合伙）"
    assert late["案件来源"] == "检查发现" and late["罚款（元）"] == 5000
    assert late["办案期限状态"] == "超期：2024-04-07到期，于2024-05-10逾期完成"
    assert running["状态"] == "线索" and running["立案日期"] is None and running["当事人"] is None
    overdue = -workdays_between(timezone.localdate(), D(2024, 6, 25), WorkCalendar()).value  # as the clock counts
    assert running["办案期限状态"] == f"超期：2024-06-25到期，已逾期{overdue}个工作日"
    assert running["案件类型"] == "假冒专利" and running["知识产权类型"] == "专利"


def test_person_id_numbers_are_masked_for_the_leadership_and_shown_to_the_office(ledger, client_for):
    first = ledger[0]

    def parties_of(username):
        rows = by_header(sheet_rows(client_for(username).get(reverse("case-ledger-export")).content))
        return {row["案件编号"]: row["当事人"] for row in rows}

    leader = parties_of("leader")
    assert leader[first.number] == "张三（自然人，••••••••••••••••••）"
    assert ledger[3].number in leader  # the leadership reads every unit's cases
    assert parties_of("office")[first.number] == f"张三（自然人，{PERSON_ID}）"
    assert ledger[3].number not in parties_of("amr-liaison")


def test_the_ledger_follows_the_list_filters(ledger, client_for):
    client = client_for("office")
    closed = by_header(sheet_rows(client.get(reverse("case-ledger-export"), {"state": "closed"}).content))
    assert [row["案件编号"] for row in closed] == [ledger[1].number, ledger[0].number]
    patents = by_header(sheet_rows(client.get(reverse("case-ledger-export"), {"ip_type": "patent"}).content))
    assert {row["案件编号"] for row in patents} == {ledger[2].number, ledger[3].number}
    court = Unit.objects.get(key="court")
    of_court = by_header(sheet_rows(client.get(reverse("case-ledger-export"), {"unit": court.pk}).content))
    assert [row["案件编号"] for row in of_court] == [ledger[3].number]
    page = client.get(reverse("case-list"), {"state": "closed"}).content.decode()
    assert f"{reverse('case-ledger-export')}?state=closed" in page  # the button carries the list's filters


def test_demo_cases_are_flagged(new_case, client_for):
    new_case(synthetic=True)
    (row,) = by_header(sheet_rows(client_for("office").get(reverse("case-ledger-export")).content))
    assert row["演示数据"] == "是"


def test_english_readers_get_english_headers_and_words(ledger, client_for):
    client = client_for("office")
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    rows = sheet_rows(client.get(reverse("case-ledger-export")).content)
    assert rows[1][:4] == ["No.", "Case number", "Enforcing unit", "Case name"]
    row = by_header(rows)[1]
    assert row["State"] == "Closed" and row["Time-limit status"] == "On time"
    assert row["Parties"] == f"张三 (person, {PERSON_ID})" and row["Case kind"] == "Trademark infringement"


def test_a_large_ledger_is_built_in_the_background_with_progress(ledger, client_for, settings):
    settings.ZHICHAN_EXPORT_INLINE_ROWS = 2
    client = client_for("amr-liaison")
    response = client.get(reverse("case-ledger-export"))
    progress = TaskProgress.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("task-detail", kwargs={"pk": progress.pk})
    assert progress.state == "done" and progress.total == 3 and progress.done == 3
    export = ExportFile.objects.get()
    download = client.get(reverse("export-download", kwargs={"pk": export.pk}))
    rows = by_header(sheet_rows(download.content))
    assert [row["案件编号"] for row in rows] == [ledger[1].number, ledger[0].number, ledger[2].number]


def test_the_command_writes_the_ledger_with_its_progress(ledger, tmp_path, capsys):
    path = tmp_path / "台账.xlsx"
    call_command("export_case_ledger", str(path), "--user", "office", "--state", "closed", "--unit", "amr")
    rows = by_header(sheet_rows(path.read_bytes()))
    fines = [(row["案件编号"], row["罚款（元）"]) for row in rows]
    assert fines == [(ledger[1].number, 5000), (ledger[0].number, 30000)]
    out = capsys.readouterr()
    assert "2/2" in out.err and str(path) in out.out
    assert Decimal(rows[1]["违法经营额（元）"]).quantize(Decimal("0.01")) == Decimal("12500.50")


def test_libreoffice_reads_the_ledger_as_excel_does(ledger, client_for, tmp_path):
    """The workbook opened by another spreadsheet program: LibreOffice Calc converts it to CSV, which holds the
    same headers and cells (dates as written, amounts as numbers)."""
    command = soffice()
    if not CALC.exists() and os.environ.get("CI") != "true":
        pytest.skip("LibreOffice Calc is not installed")
    (tmp_path / "ledger.xlsx").write_bytes(client_for("amr-liaison").get(reverse("case-ledger-export")).content)
    subprocess.run(
        [
            command,
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",  # its own profile: runs do not collide
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",  # comma, double quotes, UTF-8
            "--outdir",
            str(tmp_path),
            "ledger.xlsx",
        ],
        cwd=tmp_path,
        env={**os.environ, "HOME": str(tmp_path)},
        check=True,
        capture_output=True,
        timeout=180,
    )
    rows = list(csv.reader((tmp_path / "ledger.csv").read_text(encoding="utf-8").splitlines()))
    assert rows[1] == HEADERS
    timely = dict(zip(rows[1], rows[3], strict=True))
    assert timely["案件编号"] == ledger[0].number and timely["当事人"] == "张三（自然人，350583199001011234）"
    assert (timely["立案日期"], timely["决定日期"], timely["结案日期"]) == ("2024-03-01", "2024-04-15", "2024-05-10")
    assert (timely["违法经营额（元）"], timely["罚款（元）"], timely["办案期限状态"]) == ("12500.5", "30000", "按期")

"""The yearly account and the acceptance package on a small hand-counted programme: the test programme (targets T1 and
T2, tasks 4.1.1, 4.1.2, 4.2 and 5.3), indicator values written by hand for the county and 水头镇, a submitted 2023
report with a file, and a published 2023 round with a file on one item. Each figure is checked against the record
it comes from, and the Word, PDF and Excel files are opened and read."""

import datetime
from collections import Counter
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import openpyxl
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from zhichan.assessment.services import rounds
from zhichan.assessment.services.account import acceptance, account, programme_years
from zhichan.assessment.services.evaluation import save_index
from zhichan.assessment.services.evidence import add_evidence
from zhichan.core.models import ExportFile, Region
from zhichan.indicators.models import IndicatorValue, Reading
from zhichan.indicators.periods import parse_period
from zhichan.indicators.services.loading import load_indicators
from zhichan.programme.models import Task
from zhichan.programme.periods import periods
from zhichan.programme.services import reporting
from zhichan.programme.services.ledger import ledger
from zhichan.programme.services.loading import load_programme

from ..documents.tools import word
from ..files import PDF
from .factories import item, make_round, self_assess_all

pytestmark = pytest.mark.django_db

MINI = Path(__file__).parent.parent / "programme" / "mini.yaml"
INDICATORS = Path(settings.PROJECT_DIR) / "data" / "indicators" / "nanan-2022.yaml"
T1 = "invention-patents-per-10k-residents"
T2 = "valid-registered-trademarks"
SHUITOU = "350583119"
TODAY = datetime.date(2025, 3, 1)  # the programme (2022–2024) is over


def put(code, region, period, number):
    """An indicator value as the nightly computation would have stored it."""
    reading = Reading.objects.get(programme="nanan-2022", indicator__code=code)
    found = parse_period(period)
    return IndicatorValue.objects.create(
        reading=reading,
        indicator=reading.indicator,
        region=region,
        period=found.key,
        period_end=found.end,
        value=Decimal(number),
        computed_at=timezone.now(),
        revision=reading.revision,
    )


def pdf(reply) -> bytes:
    """The PDF sent at once, or built in the background for its asker (a PDF row costs fifty spreadsheet rows)."""
    if reply.status_code == 200:
        return reply.content
    assert reply.status_code == 302
    return ExportFile.objects.get().file.read()


@pytest.fixture
def world(users):
    programme = load_programme(MINI)["programme"]
    load_indicators(INDICATORS)
    county, shuitou = Region.objects.get(code="350583"), Region.objects.get(code=SHUITOU)
    values = {
        "t1-2023": put(T1, county, "2023-12", "9.87"),
        "t1-2024": put(T1, county, "2024-12", "14.50"),
        "t2-2023": put(T2, county, "2023-12", "101000"),
        "y-county-2022": put(T1, county, "2022", "8.10"),
        "y-county-2023": put(T1, county, "2023", "9.87"),
        "y-shuitou-2023": put(T1, shuitou, "2023", "12.5"),
    }
    # A 2023 report of 市市场监管局 on 4.1.2 with a file, submitted.
    task = Task.objects.get(programme=programme, key="4.1.2")
    liaison = users["amr-liaison"]
    quarter = next(p for p in periods(programme) if p.start == datetime.date(2023, 4, 1))
    report = reporting.open_report(task, task.assignments.get(role="lead").unit, quarter, liaison)
    reporting.save_report(report, liaison, narrative="已明确专职人员。", percent=60, figures=[])
    reporting.attach(report, liaison, SimpleUploadedFile("人员名单.pdf", PDF, content_type="application/pdf"))
    reporting.submit(report, liaison)
    # The 2023 round, with a file on 市市场监管局's work-plan item, published.
    held = make_round(year=2023)
    add_evidence(item(held, "amr", "plan"), None, file=SimpleUploadedFile("工作方案.pdf", PDF))
    self_assess_all(held)
    rounds.start_review(held, None)
    rounds.send_for_approval(held, None)
    rounds.approve(held, None)
    rounds.publish(held, None)
    held.refresh_from_db()
    # The first half of 2023, still open: its results are not reported.
    make_round(year=2023, half=1, as_of=datetime.date(2023, 6, 30), scheme=held.scheme)
    return {"programme": programme, "values": values, "report": report, "round": held, "shuitou": shuitou}


def test_a_targets_value_is_the_indicator_value_at_the_years_end(world, users):
    found = account(world["programme"], 2023, users["office"], today=TODAY)
    assert found.day == datetime.date(2023, 12, 31) and not found.year_to_date
    lines = {line.target.code: line for line in found.targets}
    t1 = lines["T1"]
    assert t1.value == Decimal("9.87") == world["values"]["t1-2023"].value
    assert (t1.period, t1.value_pk) == ("2023-12", world["values"]["t1-2023"].pk)
    assert t1.percent == Decimal("69.0")  # 9.87 ÷ 14.3
    assert t1.met is False and t1.target_shown == "≥ 14.3 件"
    assert "每万人口发明专利拥有量" in t1.source
    assert lines["T2"].value == Decimal("101000") and lines["T2"].percent == Decimal("84.2")  # 101,000 ÷ 120,000
    final = {line.target.code: line for line in account(world["programme"], 2024, users["office"], TODAY).targets}
    assert final["T1"].value == Decimal("14.50") and final["T1"].met is True
    assert final["T2"].value is None and final["T2"].shown == "—"  # no 2024-12 value: none is made up


def test_task_counts_are_the_ledgers(world, users):
    found = account(world["programme"], 2023, users["office"], today=TODAY)
    lines = ledger(world["programme"], datetime.date(2023, 12, 31))
    expected = Counter(line.state.status for line in lines if line.leads or line.co_operating)
    assert {status: count for status, _label, count in found.tasks.counts if count} == dict(expected)
    assert found.tasks.assigned == 4  # 4.1.1, 4.1.2, 4.2 and 5.3; the group 4.1 has no units of its own
    assert [line.task.key for line in found.tasks.lines] == ["4.1", "4.1.1", "4.1.2", "4.2", "5.3"]


def test_the_evidence_lists_the_files_of_the_years_reports_and_settled_rounds(world, users):
    found = account(world["programme"], 2023, users["office"], today=TODAY)
    files = {(line.attachment.name, line.kind, line.unit.key) for line in found.evidence}
    assert files == {("人员名单.pdf", "report", "amr"), ("工作方案.pdf", "item", "amr")}
    assert account(world["programme"], 2022, users["office"], today=TODAY).evidence == []


def test_figures_by_year_and_township(world, users):
    found = account(world["programme"], 2023, users["office"], today=TODAY)
    table = next(t for t in found.figures if t.indicator.code == T1)
    assert table.years == [2022, 2023]
    rows = {region.code: [v.value if v else None for v in values] for region, values in table.rows}
    assert rows["350583"] == [Decimal("8.10"), Decimal("9.87")]
    assert rows[SHUITOU] == [None, Decimal("12.5")]
    assert all(region.code != "350583" for region, _values in table.rows[1:])  # the county first, then its places
    assert not [t for t in found.figures if t.indicator.code == T2]  # monthly values only: no yearly figure


def test_only_settled_rounds_give_results(world, users):
    found = account(world["programme"], 2023, users["leader"], today=TODAY)
    assert [result.round.pk for result in found.results] == [world["round"].pk]
    rows = [p for group in found.results[0].groups for p in group["rows"]]
    assert {p.unit.key for p in rows} == {"amr", "court", "industry", "region-350583119", "region-350583001"}
    assert all(p.rank and p.grade for p in rows)


def test_the_acceptance_package_fills_the_index_only_from_the_platforms_figures(world, users, client_for):
    text = f"""
key: format-example
version: "0"
name: 示例（仅示格式）
source: 格式示例，非国家知识产权局文件
illustrative: true
indicators:
  - {{key: a, name: 指标甲, type: quantitative, points: 10, computed_from: T1}}
  - {{key: b, name: 指标乙, type: quantitative, computed_from: "indicator:{T2}"}}
  - {{key: c, name: 指标丙, type: qualitative}}
"""
    index = save_index(users["office"], organisation=world["programme"].region, text=text)
    package = acceptance(world["programme"], users["office"], index, today=TODAY)
    assert package.years == [2022, 2023, 2024] == programme_years(world["programme"], TODAY)
    lines = {line.indicator["key"]: line for line in package.index_lines}
    assert lines["a"].value_pk == world["values"]["t1-2024"].pk and lines["a"].period == "2024-12"
    assert lines["b"].value_pk == world["values"]["t2-2023"].pk  # the latest monthly value on or before the day
    assert not lines["c"].filled
    client = client_for("office")
    client.cookies["django_language"] = "en"
    query = {"programme": world["programme"].pk, "index": index.pk}
    book = openpyxl.load_workbook(BytesIO(client.get(reverse("assessment-acceptance-xlsx"), query).content))
    rows = list(book["Evaluation index"].iter_rows(values_only=True))
    header = next(row for row in rows if row[0] == "key")
    cells = {row[0]: row[header.index("value")] for row in rows[rows.index(header) + 1 :] if row[0]}
    assert cells["a"] == 14.5 and cells["c"] == "to be entered by the programme office"  # a number the sheet sums
    by_year = {
        final.target.code: [line.value if line else None for line in years] for final, years in package.by_year()
    }
    assert by_year["T1"] == [None, Decimal("9.87"), Decimal("14.50")]
    assert [r.pk for r in package.rounds] == sorted(r.pk for r in package.rounds) and len(package.rounds) == 2


def test_the_account_page_links_each_figure_to_its_records(world, client_for):
    client = client_for("office")
    client.cookies["django_language"] = "en"
    programme = world["programme"]
    reply = client.get(reverse("assessment-account"), {"programme": programme.pk, "year": 2023})
    html = reply.content.decode()
    assert reply.status_code == 200
    assert reverse("indicator-value", args=[world["values"]["t1-2023"].pk]) in html
    assert reverse("indicator-value", args=[world["values"]["y-shuitou-2023"].pk]) in html
    assert Task.objects.get(programme=programme, key="4.1.2").get_absolute_url() in html
    assert world["report"].get_absolute_url() in html
    assert world["round"].get_absolute_url() in html
    assert "Typical cases" in html and "To be written by the programme office" in html
    assert client.get(reverse("assessment-account"), {"programme": programme.pk, "year": 2031}).status_code == 404


def test_the_word_file_of_the_yearly_account(world, client_for):
    client = client_for("office")
    client.cookies["django_language"] = "en"
    query = {"programme": world["programme"].pk, "year": 2023, "number": "南知强办〔2024〕1号"}
    reply = client.get(reverse("assessment-account-docx"), query)
    assert reply.status_code == 200
    document = word(reply.content)
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "南知强办〔2024〕1号"
    assert any("Work summary for 2023 of 测试工作方案" in text for text in texts)
    for heading in ["一、Progress on the targets", "二、Progress on the key tasks", "三、Figures by year and township"]:
        assert heading in texts
    assert (
        "四、Assessment results" in texts
        and "五、List of evidence" in texts
        and "六、Typical cases" in texts
        and "七、Problems and next year's measures" in texts
    )
    targets = document.tables[0]
    row = next(r for r in targets.rows if r.cells[0].text.startswith("T1 "))
    assert (
        row.cells[2].text == "9.87 件（2023-12）" and row.cells[3].text == "≥ 14.3 件" and row.cells[4].text == "69.0%"
    )


def test_the_excel_annex_and_the_pdf(world, client_for):
    client = client_for("leader")
    client.cookies["django_language"] = "en"
    query = {"programme": world["programme"].pk, "year": 2023}
    book = openpyxl.load_workbook(BytesIO(client.get(reverse("assessment-account-xlsx"), query).content))
    assert book.sheetnames == ["Targets", "Tasks", "Task counts", "Figures", "Assessment", "Evidence"]
    targets = list(book["Targets"].iter_rows(values_only=True))
    t1 = next(row for row in targets if row[0] == "T1")
    assert t1[3] == pytest.approx(9.87) and t1[4] == "2023-12" and t1[6] == pytest.approx(69.0)
    evidence = [row[0] for row in book["Evidence"].iter_rows(values_only=True)]
    assert "人员名单.pdf" in evidence and "工作方案.pdf" in evidence
    assert pdf(client.get(reverse("assessment-account-pdf"), query)).startswith(b"%PDF")


def test_the_acceptance_package_files(world, client_for):
    client = client_for("office")
    client.cookies["django_language"] = "en"
    query = {"programme": world["programme"].pk}
    html = client.get(reverse("assessment-acceptance"), query).content.decode()
    assert 'data-testid="no-index"' in html and "Self-evaluation report" in html
    document = word(client.get(reverse("assessment-acceptance-docx"), query).content)
    texts = [p.text for p in document.paragraphs]
    assert any("Acceptance package of 测试工作方案" in text for text in texts)
    assert (
        "一、Self-evaluation report" in texts
        and "三、Against the evaluation index" in texts
        and "四、Work-plan completion" in texts
    )
    book = openpyxl.load_workbook(BytesIO(client.get(reverse("assessment-acceptance-xlsx"), query).content))
    assert (
        "Targets by year" in book.sheetnames and "Evaluation index" in book.sheetnames and "Rounds" in book.sheetnames
    )
    assert pdf(client.get(reverse("assessment-acceptance-pdf"), query)).startswith(b"%PDF")


@pytest.mark.parametrize(
    "name",
    [
        "assessment-account",
        "assessment-account-docx",
        "assessment-account-pdf",
        "assessment-account-xlsx",
        "assessment-acceptance",
        "assessment-acceptance-docx",
        "assessment-acceptance-pdf",
        "assessment-acceptance-xlsx",
    ],
)
def test_a_liaison_may_not_open_the_account(name, world, client_for):
    for username in ("amr-liaison", "shuitou-liaison"):
        assert client_for(username).get(reverse(name), {"programme": world["programme"].pk}).status_code == 403


def test_before_any_programme_the_pages_say_so(client_for):
    client = client_for("leader")
    for name in ("assessment-account", "assessment-acceptance"):
        reply = client.get(reverse(name))
        assert reply.status_code == 200 and 'data-testid="no-programme"' in reply.content.decode()
    assert client.get(reverse("assessment-account-docx")).status_code == 404


def test_a_large_account_is_built_in_the_background_for_its_asker(world, client_for, settings):
    settings.ZHICHAN_EXPORT_INLINE_ROWS = 0
    reply = client_for("office").get(reverse("assessment-account-docx"), {"programme": world["programme"].pk})
    assert reply.status_code == 302
    assert word(ExportFile.objects.get(user__username="office").file.read()).tables

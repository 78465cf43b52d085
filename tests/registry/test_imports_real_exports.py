"""Patent exports as offices receive them: a CNIPA search export's full header row with its legal-status columns
(法律状态, 法律状态最后修改日期) and Locarno classes, a commercial export's simple status and dated events. The
expectations are worked out by hand from the rows below: events, validity on given days, ignored columns."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse

from zhichan.core.models import Region
from zhichan.core.monthly import month_number
from zhichan.registry.models import Patent, PatentEvent
from zhichan.registry.services import monthly
from zhichan.registry.services.imports.statuses import read_status
from zhichan.registry.services.imports.values import parse_classes, parse_ipc, parse_locarno
from zhichan.registry.services.patents import grant_date_of, status_on

from .imports_support import do_import, number, rejections, write_csv, write_xlsx

pytestmark = pytest.mark.django_db

# The header row of a CNIPA search export as a crawler saves it, in its order.
CNIPA_EXPORT = [
    "序号",
    "申请号",
    "申请日",
    "公开(公告)号",
    "公开(公告)日",
    "发明名称",
    "IPC分类号",
    "申请(专利权)人",
    "发明人",
    "优先权号",
    "优先权日",
    "申请人地址",
    "申请人邮编",
    "CPC分类号",
    "外观设计洛迦诺分类号",
    "法律状态",
    "法律状态最后修改日期",
    "代理机构",
    "代理人",
    "摘要",
]
IGNORED = "序号、优先权号、优先权日、申请人邮编、CPC分类号、代理人、摘要"

GRANTED = number(2017, "1", 601862)  # 授权 on 2019-05-03
LAPSED = number(2018, "2", 123456)  # 未缴年费专利权终止 on 2021-04-20; never stated granted
DESIGN = number(2019, "3", 5)  # 有效 without a date: dated by its announcement 2019-08-02
PENDING = number(2020, "1", 321)  # 实质审查的生效: no event
UNKNOWN = number(2016, "1", 777)  # a phrase no rule knows: kept, reported
ENDED = number(2019, "2", 888)  # 失效 on 2022-03-01
UNDATED = number(2019, "2", 999)  # 有效 and nothing to date it by


def export_row(serial, app, filed, pub_no, pub_date, title, ipc, locarno, status, status_date):
    return [
        serial,
        app,
        filed,
        pub_no,
        pub_date,
        title,
        ipc,
        "南安市示例石业有限公司",
        "张三;李四",
        "",
        "",
        "福建省南安市水头镇示例路1号",
        "362300",
        "B28D1/04",
        locarno,
        status,
        status_date,
        "泉州市示例专利代理事务所",
        "王五",
        "一种装置……",
    ]


def cnipa_export():
    return [
        CNIPA_EXPORT,
        export_row(1, GRANTED, "2017-02-27", "CN107000001B", "2019-05-03", "一种石材切割装置",
                   "B28D1/04(2006.01);B28D7/00", "", "授权", "2019-05-03"),
        export_row(2, LAPSED, "2018-03-01", "CN208000001U", "2018-09-14", "一种茶叶烘焙机",
                   "A23F3/06", "", "未缴年费专利权终止", "2021-04-20"),
        export_row(3, DESIGN, "2019-01-10", "CN305000001S", "2019-08-02", "石材（拼花）",
                   "", "14-02(10);14-04(10)", "有效", ""),
        export_row(4, PENDING, "2020-01-06", "CN111000001A", "2020-05-08", "一种石材打磨方法",
                   "B24B7/22", "", "实质审查的生效", "2020-06-01"),
        export_row(5, UNKNOWN, "2016-04-01", "CN105000001A", "2016-08-10", "一种茶具",
                   "A47G19/14", "", "专利权人的姓名或者名称、地址的变更", "2020-01-10"),
        export_row(6, ENDED, "2019-02-01", "CN209000001U", "2019-10-11", "一种水龙头",
                   "F16K11/065", "", "失效", "2022-03-01"),
        export_row(7, UNDATED, "2019-03-01", "", "", "一种阀门",
                   "F16K1/00", "", "有效", ""),
    ]  # fmt: skip


def events():
    return sorted(PatentEvent.objects.values_list("patent__application_number", "kind", "date", "text"))


def valid_on(day):
    return set(Patent.objects.valid_on(day).values_list("application_number", flat=True))


@pytest.fixture
def imported(tmp_path, users):
    batch = do_import(users["office"], "patent", write_xlsx(tmp_path / "专利检索导出.xlsx", cnipa_export()))
    assert batch.state == "done", batch.message
    return batch


def test_the_legal_status_columns_become_events(imported):
    assert rejections(imported) == []
    assert (imported.rows, imported.created_count) == (7, 7)
    assert events() == [
        (GRANTED, "grant", datetime.date(2019, 5, 3), "授权"),
        (LAPSED, "lapse", datetime.date(2021, 4, 20), "未缴年费专利权终止"),
        (ENDED, "termination", datetime.date(2022, 3, 1), "失效"),
        (DESIGN, "grant", datetime.date(2019, 8, 2), "有效"),
    ]
    # every status is kept as the source wrote it, with its date, understood or not
    stated = dict(Patent.objects.values_list("application_number", "legal_status"))
    assert stated[UNKNOWN] == "专利权人的姓名或者名称、地址的变更" and stated[PENDING] == "实质审查的生效"
    assert Patent.objects.get(application_number=GRANTED).legal_status_date == datetime.date(2019, 5, 3)
    assert Patent.objects.get(application_number=DESIGN).legal_status_date is None


def test_validity_follows_the_events(imported):
    # no grant date column: a grant is known from the status alone
    assert valid_on(datetime.date(2019, 5, 2)) == set()
    assert valid_on(datetime.date(2019, 5, 3)) == {GRANTED}
    assert valid_on(datetime.date(2020, 1, 1)) == {GRANTED, DESIGN}
    granted = Patent.objects.get(application_number=GRANTED)
    assert grant_date_of(granted) == datetime.date(2019, 5, 3) and status_on(granted, datetime.date(2020, 1, 1)).valid
    ended = Patent.objects.get(application_number=ENDED)
    assert status_on(ended, datetime.date(2023, 1, 1)).state == "ended"


def test_the_monthly_counts_of_valid_patents_follow_the_events(imported):
    """The counts the indicators read: valid patents at each month end, by region (all seven are in 水头镇)."""
    shuitou = Region.objects.get(name="水头镇")
    assert set(Patent.objects.values_list("region", flat=True)) == {shuitou.pk}
    first = month_number(datetime.date(2019, 4, 1))
    series = monthly.valid_patents_by_month(Patent.objects.all(), first, first + 44).series()
    counts = series[shuitou.pk]
    # April 2019: none; May (授权 on the 3rd): 1; August (the design's announcement on the 2nd): 2, to the end
    assert (counts[0], counts[1], counts[3], counts[4], counts[44]) == (0, 1, 1, 2, 2)


def test_locarno_classes_are_kept_in_their_own_field(imported):
    design = Patent.objects.get(application_number=DESIGN)
    assert (design.locarno_classes, design.ipc_codes, design.main_ipc) == ("14-02(10);14-04(10)", "", "")
    granted = Patent.objects.get(application_number=GRANTED)
    assert (granted.ipc_codes, granted.main_ipc, granted.locarno_classes) == ("B28D1/04;B28D7/00", "B28D1/04", "")


def test_the_summary_names_the_ignored_columns_and_the_remarks(imported):
    message = imported.message
    assert f"无对应字段、未导入的列：{IGNORED}。" in message
    assert (
        "法律状态无法识别，照原文保存、未记法律事件：共 1 行（行号：6（专利权人的姓名或者名称、地址的变更））。"
        in message
    )
    assert "法律状态无自身日期，以公告日为准（外观设计的公告日即授权公告日）：共 1 行（行号：4（有效））。" in message
    assert "法律状态无日期，照原文保存、未记法律事件：共 1 行（行号：8（有效））。" in message
    assert "实质审查" not in message  # a stage of the application is understood and needs no remark


def test_the_batch_page_and_the_api_list_the_ignored_columns(imported, client_for):
    client = client_for("office")
    page = client.get(reverse("import-batch", kwargs={"pk": imported.pk})).content.decode()
    assert IGNORED in page and "无对应字段、未导入的列" in page
    answer = client.get(f"/api/v1/imports/{imported.pk}/").json()
    assert IGNORED in answer["message"]
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    english = client.get(reverse("import-batch", kwargs={"pk": imported.pk})).content.decode()
    assert f"Columns no field takes, not imported: {IGNORED}." in english
    assert "Legal status not understood, kept as written without an event: 1 rows (row numbers: 6 (" in english


def test_the_command_prints_the_ignored_columns(tmp_path, users, capsys):
    path = write_csv(tmp_path / "export.csv", cnipa_export(), encoding="utf-8-sig")
    call_command("import_data", "patent", str(path), "--user", "office", "--language", "en")
    out = capsys.readouterr().out
    assert "7 created" in out and f"Columns no field takes, not imported: {IGNORED}." in out


def test_reimport_is_idempotent(imported, tmp_path, users):
    before = events()
    again = do_import(users["office"], "patent", write_csv(tmp_path / "again.csv", cnipa_export()))
    assert (again.created_count, again.updated_count, again.unchanged_count) == (0, 0, 7), again.message
    assert events() == before
    assert all(h.history_type == "+" for h in Patent.history.all()) and PatentEvent.history.count() == 4


def test_a_later_export_adds_the_new_status_and_keeps_the_earlier_events(imported, tmp_path, users):
    rows = cnipa_export()
    rows[1][15], rows[1][16] = "未缴年费专利权终止", "2022-07-15"
    later = do_import(users["office"], "patent", write_csv(tmp_path / "later.csv", rows))
    assert (later.created_count, later.updated_count, later.unchanged_count) == (0, 1, 6), later.message
    granted = Patent.objects.get(application_number=GRANTED)
    assert (granted.legal_status, granted.legal_status_date) == ("未缴年费专利权终止", datetime.date(2022, 7, 15))
    assert [(e.kind, e.date) for e in granted.events.all()] == [
        ("grant", datetime.date(2019, 5, 3)),
        ("lapse", datetime.date(2022, 7, 15)),
    ]
    assert GRANTED in valid_on(datetime.date(2022, 7, 14)) and GRANTED not in valid_on(datetime.date(2022, 7, 15))


def test_a_locarno_class_on_an_invention_is_refused_naming_its_column(tmp_path, users):
    rows = cnipa_export()[:2]
    rows[1][6], rows[1][14] = "", "14-02"
    batch = do_import(users["office"], "patent", write_csv(tmp_path / "wrong.csv", rows))
    assert rejections(batch) == [
        (2, "外观设计洛迦诺分类号", "14-02", "洛迦诺分类号仅用于外观设计；申请号表明这是发明专利。"),
    ]


# --- a commercial export: simple status, dated events, two columns for one field ------------------------------

COMMERCIAL = ["申请号", "标题", "申请日", "授权日", "申请人", "当前权利人", "分类号", "IPC", "简单法律状态",
              "法律状态/事件"]  # fmt: skip
KEPT = number(2015, "1", 1001)
TERMINATED = number(2015, "2", 1002)
WAITING = number(2021, "1", 1003)


def commercial_rows():
    return [
        COMMERCIAL,
        [KEPT, "一种石材", "2015-03-02", "2017-06-01", "", "南安市甲公司", "", "B28D1/04", "有效", ""],
        [TERMINATED, "一种茶盘", "2015-04-01", "2016-05-04", "南安市乙公司", "", "A47G19/14", "", "",
         "2016-05-04 授权；2020-08-01 未缴年费专利权终止"],
        [WAITING, "一种磨具", "2021-01-05", "", "南安市丙公司", "", "", "", "审中", ""],
    ]  # fmt: skip


def test_a_filled_cell_wins_over_an_empty_one(tmp_path, users):
    batch = do_import(users["office"], "patent", write_csv(tmp_path / "commercial.csv", commercial_rows()))
    assert rejections(batch) == [] and batch.created_count == 3, batch.message
    kept = Patent.objects.get(application_number=KEPT)
    assert kept.applicants == "南安市甲公司" and kept.ipc_codes == "B28D1/04"  # the second column, the first empty
    terminated = Patent.objects.get(application_number=TERMINATED)
    assert terminated.applicants == "南安市乙公司" and terminated.ipc_codes == "A47G19/14"
    assert terminated.legal_status == "2016-05-04 授权；2020-08-01 未缴年费专利权终止"
    assert events() == [
        (KEPT, "grant", datetime.date(2017, 6, 1), "有效"),
        (TERMINATED, "lapse", datetime.date(2020, 8, 1), "未缴年费专利权终止"),
    ]
    assert valid_on(datetime.date(2019, 1, 1)) == {KEPT, TERMINATED}
    assert valid_on(datetime.date(2021, 1, 1)) == {KEPT}
    assert "法律状态无自身日期，以授权日为准：共 1 行（行号：2（有效））。" in batch.message


def test_a_refused_cell_is_named_by_the_column_it_was_read_from(tmp_path, users):
    rows = commercial_rows()[:2]
    rows[1][7] = "见附件"
    batch = do_import(users["office"], "patent", write_csv(tmp_path / "bad.csv", rows))
    [(row, column, value, _reason)] = rejections(batch)
    assert (row, column, value) == (2, "IPC", "见附件")


# --- the readers ------------------------------------------------------------------------------------------------


def test_classification_cells():
    assert parse_classes("14-02(10);14-04(10)") == ("", "14-02(10);14-04(10)")
    assert parse_classes("LOC(10)Cl.14-02") == ("", "14-02(10)")
    assert parse_classes("09-01") == ("", "09-01")
    assert parse_classes("G06F17/30(2006.01) F16K 11/065") == ("G06F17/30;F16K11/065", "")
    assert parse_ipc("14-02(10)") == []
    assert parse_locarno("14-02（10）； 14-04") == "14-02(10);14-04"
    for wrong in ("G06F17/30", "2017-02-27", "外观14-02"):
        with pytest.raises(ValueError):
            parse_locarno(wrong)
    with pytest.raises(ValueError):
        parse_classes("见附件")


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("授权", ("授权", None, "grant")),
        ("有效", ("有效", None, "grant")),
        ("失效", ("失效", None, "termination")),
        ("审中", ("审中", None, "")),
        ("发明专利申请公布后的视为撤回", ("发明专利申请公布后的视为撤回", None, "withdrawal")),
        ("专利权的终止", ("专利权的终止", None, "lapse")),
        ("专利权人的姓名或者名称、地址的变更", ("专利权人的姓名或者名称、地址的变更", None, None)),
        ("2016-05-04 授权；2020-08-01 专利权的终止", ("专利权的终止", datetime.date(2020, 8, 1), "lapse")),
        ("20200801 专利权的终止\n20160504 授权", ("专利权的终止", datetime.date(2020, 8, 1), "lapse")),
    ],
)
def test_status_phrases(status, expected):
    assert read_status(status) == expected

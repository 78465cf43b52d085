"""Import files: every header synonym, profile detection, malformed files, and the other registers."""

import datetime

import pytest

from zhichan.core.imports import FileRejected
from zhichan.core.imports.profiles import all_profiles, detect
from zhichan.core.imports.values import parse_date, split_list, text
from zhichan.core.models import Region
from zhichan.registry.models import Copyright, Enterprise, GeographicalIndication, Patent, Trademark
from zhichan.registry.services.imports.matching import RegionMatcher
from zhichan.registry.services.imports.values import parse_ipc

from .imports_support import do_import, number, rejections, write_csv

pytestmark = pytest.mark.django_db

FULL_WIDTH = str.maketrans({"(": "（", ")": "）"})


@pytest.mark.parametrize("profile", all_profiles(), ids=lambda p: p.name)
def test_every_header_synonym_is_recognised_in_both_widths(profile):
    for field, headers in profile.fields.items():
        for header in headers:
            for written in {header, header.translate(FULL_WIDTH), f" {header} "}:
                assert profile.match([written]) == {field: 0}, (profile.name, field, written)


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (["申请号", "申请日", "发明名称", "申请（专利权）人", "法律状态"], "patent-cnipa"),
        (
            ["申请号", "申请日", "标题", "当前申请(专利权)人", "工商统一社会信用代码", "IPC主分类号"],
            "patent-commercial",
        ),
        (["申请号", "专利名称", "申请日", "申请人(专利权人)", "统一社会信用代码"], "patent-template"),
    ],
)
def test_profile_detected_from_headers(headers, expected):
    assert detect("patent", headers)[0].name == expected


def test_missing_required_header_names_field_and_headers_found():
    with pytest.raises(FileRejected) as caught:
        detect("patent", ["申请号", "名字", "日期"])
    message = caught.value.message
    assert "名字" in message and "日期" in message and "申请日" in message


def test_values_as_exports_write_them():
    for written in [
        "2017-02-27",
        "2017.02.27",
        "20170227",
        "2017年02月27日",
        "2017/2/27",
        42793,
        "2017-02-27 00:00:00",
    ]:
        assert parse_date(written) == datetime.date(2017, 2, 27), written
    for empty in ["", " ", "-", "--", "(null)", "（null）", "暂无", None]:
        assert text(empty) == "" and parse_date(empty) is None, empty
    assert split_list("甲公司 ; 乙公司，丙公司 | 丁公司,戊") == ["甲公司", "乙公司", "丙公司", "丁公司", "戊"]
    assert parse_ipc("G06F17/30(2006.01);F16K 11/065, H01L21/67") == ["G06F17/30", "F16K11/065", "H01L21/67"]
    assert text("'=1+1") == "=1+1" and text("=1+1") == "=1+1"
    for bad in ["2017-02-30", "27/02/2017", "明天"]:
        with pytest.raises(ValueError):
            parse_date(bad)


def test_malformed_rows_are_each_reported_and_good_rows_kept(tmp_path, users):
    good = number(2016, "2", 363475)
    rows = [
        ["申请号", "申请日", "发明名称", "专利类型", "授权公告日", "IPC分类号"],
        [good, "2016-04-26", "一种阀门", "实用新型", "2016-09-28", "F16K11/065"],
        [good[:-1] + ("0" if good[-1] != "0" else "1"), "2016-04-26", "校验位错", "", "", ""],
        [number(2016, "1", 5), "2016-02-30", "日期错", "", "", ""],
        [number(2016, "1", 6), "2016-01-01", "", "", "", ""],
        [number(2016, "1", 7), "2016-01-01", "类型不符", "外观设计", "", ""],
        [number(2016, "1", 8), "2016-05-01", "授权早于申请", "", "2016-01-01", ""],
        [number(2016, "1", 9), "2016-05-01", "分类号错", "", "", "不是分类号"],
        [good.replace(".", ""), "2016-04-26", "重复行", "", "", ""],
        ["", "", "", "", "", ""],
        ["-@x", "2016-01-01", "+冒号", "", "", ""],
    ]
    batch = do_import(users["office"], "patent", write_csv(tmp_path / "bad.csv", rows))
    found = rejections(batch)
    assert [r[0] for r in found] == [3, 4, 5, 6, 7, 8, 9, 11], found
    by_row = {r[0]: r for r in found}
    assert by_row[3][1] == "申请号" and "校验位" in by_row[3][3]
    assert by_row[4][1] == "申请日" and by_row[4][2] == "2016-02-30"
    assert by_row[5][1] == "发明名称"
    assert by_row[6][1] == "专利类型"
    assert by_row[7][1] == "授权公告日"
    assert by_row[8][1] == "IPC分类号"
    assert "2" in by_row[9][3] and by_row[9][1] == "申请号"  # the same record as row 2
    assert by_row[11][2] == "-@x"
    assert (batch.rows, batch.created_count, batch.rejected_count) == (9, 1, 8)  # the empty row is skipped
    assert list(Patent.objects.values_list("application_number", flat=True)) == [good]


def test_oversized_and_unreadable_files_change_nothing(tmp_path, users, settings):
    path = write_csv(tmp_path / "p.csv", [["申请号", "申请日", "发明名称"], [number(2020, "1", 1), "2020-01-01", "x"]])
    settings.ZHICHAN_IMPORT_MAX_MB = 0
    batch = do_import(users["office"], "patent", path)
    assert batch.state == "failed" and "MB" in batch.message and Patent.objects.count() == 0
    settings.ZHICHAN_IMPORT_MAX_MB = 50
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    batch = do_import(users["office"], "patent", broken)
    assert batch.state == "failed" and Patent.objects.count() == 0


def test_holders_by_credit_code_and_region_by_village(tmp_path, users):
    shuitou = Region.objects.get(name="水头镇")
    meilin = Region.objects.get(name="美林街道")
    coded = Enterprise.objects.create(name="南安市甲有限公司", uscc="91350583MA0DEMX021", region=meilin)
    Enterprise.objects.create(name="南安市乙（集团）有限公司", region=shuitou)
    rows = [
        ["申请号", "申请日", "发明名称", "申请人", "工商统一社会信用代码", "地址"],
        [number(2021, "1", 1), "2021-01-01", "a", "随便写的名字", "91350583MA0DEMX021", ""],
        [number(2021, "1", 2), "2021-01-01", "b", "南安市乙(集团)有限公司", "", ""],
        [number(2021, "1", 3), "2021-01-01", "c", "个人", "", "福建省南安市官桥镇某路"],
        [number(2021, "1", 4), "2021-01-01", "d", "个人", "", "福建省泉州市晋江市安海镇"],
        [number(2021, "1", 5), "2021-01-01", "e", "个人", "", "福建省南安市某某路"],
        [number(2021, "1", 6), "2021-01-01", "f", "个人", "", "91350583MA0DEMX01Y"],
    ]
    rows[6][4] = "91350583MA0DEMX01Y"
    batch = do_import(users["office"], "patent", write_csv(tmp_path / "h.csv", rows))
    assert [r[0] for r in rejections(batch)] == [7]
    patents = {p.title: p for p in Patent.objects.all()}
    assert list(patents["a"].holders.all()) == [coded] and patents["a"].region == meilin
    assert patents["a"].applicants == "随便写的名字"
    assert patents["b"].holders.get().name == "南安市乙（集团）有限公司" and patents["b"].region == shuitou
    assert patents["c"].region.name == "官桥镇"
    assert patents["d"].region is None
    assert patents["e"].region.name == "南安市"


def test_village_names_find_their_township():
    matcher = RegionMatcher()
    region_id = matcher("福建省南安市溪美社区某巷")
    assert Region.objects.get(pk=region_id).name == "溪美街道"


def test_trademark_ledger(tmp_path, users):
    rows = [
        ["注册号", "商标名称", "国际分类", "商标类型", "申请人名称（中文）", "申请日期", "专用权期限", "代理/办理机构"],
        [
            "第12345678号",
            "石韵",
            "19类 建筑材料",
            "普通商标",
            "南安市某石业",
            "2012-03-01",
            "2013年05月21日至2023年05月20日",
            "某代理",
        ],
        ["G1234567", "STONE", "【第19类】", "", "外国公司", "", "", ""],
        ["123", "坏类别", "46", "", "", "", "", ""],
    ]
    batch = do_import(users["office"], "trademark", write_csv(tmp_path / "t.csv", rows))
    assert batch.profile == "trademark-ledger" and batch.created_count == 2, rejections(batch)
    mark = Trademark.objects.get(registration_number="12345678")
    assert mark.registration_date == datetime.date(2013, 5, 21) and mark.expiry_date == datetime.date(2023, 5, 20)
    assert mark.nice_classes == "19" and Trademark.objects.get(registration_number="G1234567").madrid
    assert [r[0] for r in rejections(batch)] == [4]
    again = do_import(users["office"], "trademark", write_csv(tmp_path / "t.csv", rows))
    assert (again.created_count, again.unchanged_count) == (0, 2)


def test_copyrights_gis_and_enterprises(tmp_path, users):
    rows = [
        ["登记号", "软件名称", "著作权人", "登记日期", "开发完成日期"],
        ["2021SR0123456", "示例系统V1.0", "某公司", "2021-03-15", "2021-01-10"],
        ["国作登字-2021-F-00012345", "示例图", "某人", "2021-03-15", ""],
        ["2021SR0999999", "日期颠倒", "某公司", "2020-01-01", "2021-01-10"],
    ]
    batch = do_import(users["office"], "copyright", write_csv(tmp_path / "c.csv", rows))
    assert batch.created_count == 2 and [r[0] for r in rejections(batch)] == [4], rejections(batch)
    assert Copyright.objects.get(registration_number="2021SR0123456").kind == "software"
    assert Copyright.objects.get(title="示例图").kind == "work"

    rows = [
        ["企业名称", "统一社会信用代码", "住所", "所属镇街", "企业规模"],
        ["南安市丙有限公司", "", "福建省南安市水头镇", "", "小型"],
        ["南安市丁有限公司", "91350583MA0DEMX034", "", "官桥镇", ""],
        ["南安市戊有限公司", "", "", "不存在镇", ""],
    ]
    batch = do_import(users["office"], "enterprise", write_csv(tmp_path / "e.csv", rows))
    assert batch.created_count == 2 and [r[0] for r in rejections(batch)] == [4], rejections(batch)
    assert Enterprise.objects.get(name="南安市丙有限公司").region.name == "水头镇"
    again = do_import(users["office"], "enterprise", write_csv(tmp_path / "e.csv", rows))
    assert (again.created_count, again.unchanged_count) == (0, 2)
    assert Enterprise.objects.get(name="南安市丁有限公司").history.get().history_change_reason

    rows = [
        ["名称", "类型", "申请人", "批准日期", "保护范围"],
        ["南安石材", "地理标志证明商标", "南安市丙有限公司", "2015-06-01", "福建省南安市水头镇"],
    ]
    batch = do_import(users["office"], "gi", write_csv(tmp_path / "g.csv", rows))
    gi = GeographicalIndication.objects.get()
    assert batch.created_count == 1 and gi.kind == "gi_mark" and gi.holder.name == "南安市丙有限公司"
    assert gi.region.name == "水头镇" and gi.import_batch == batch

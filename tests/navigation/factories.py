"""Patent sets for the navigation tests, small enough to count by hand.

`VALVES` are seven rows of an industry export as the import reads them (dates, cells as written): two spellings of
one applicant (甲阀门公司, merged into 甲阀门有限公司 by some tests), co-applicants, a patent without a filing date, a
classification not understood alone (Z99Z 1/00) and beside a good code (garbage), no classification at all. Their
branches: 阀门 (F16K), its sub-branch 恒温 (keyword), 龙头 (E03C or keyword). The counts the tests expect are worked
out in tests/navigation/test_figures.py."""

import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile

from zhichan.navigation.models import Branch, PatentSet, SetKind, SetPatent
from zhichan.navigation.services.branches import compiled_branches
from zhichan.navigation.services.rows import imported_row
from zhichan.navigation.services.sets import refresh_figures


def _record(number, title, filed, applicants, inventors, ipc, status, address="", **more):
    return {
        "application_number": number,
        "title": title,
        "filing_date": filed,
        "applicants": applicants,
        "inventors": inventors,
        "ipc_codes": ipc,
        "legal_status": status,
        "address": address,
        **more,
    }


D = datetime.date
VALVES = [
    _record("V1", "一种恒温阀芯", D(2019, 3, 1), "甲阀门有限公司;乙大学", "张三;李四", "F16K11/07;E03C1/04", "有效",
            "福建省泉州市南安市", grant_date=D(2021, 5, 1)),
    _record("V2", "一种阀门", D(2019, 6, 1), "甲阀门有限公司", "张三", "F16K11/02", "实质审查", "福建省厦门市"),
    _record("V3", "一种节水龙头", D(2020, 2, 1), "甲阀门公司；甲阀门有限公司", "王五", "E03C 1/02", "失效",
            "浙江省台州市", grant_date=D(2020, 12, 1)),
    _record("V4", "一种浴缸", D(2020, 8, 1), "乙大学,丙研究院", "李四;赵六", "Z99Z 1/00", "", ""),
    _record("V5", "一种恒温花洒", D(2021, 1, 1), "张 伟", "张伟", "", "授权", "广东省佛山市"),
    _record("V6", "一种恒温龙头", None, "丙研究院;甲阀门公司", "赵六", "F16K31/02; garbage", "公开", "",
            province="浙江", city="宁波市"),
    _record("V7", "一种阀芯", D(2021, 6, 1), "乙大学;甲阀门有限公司", "李四", "F16K11/07", "有效", "福建省泉州市"),
]  # fmt: skip
BRANCHES = [("阀门", None, "F16K", ""), ("恒温", "阀门", "", "恒温"), ("龙头", None, "E03C", "龙头")]


def make_set(name, records, branches=(), **fields) -> PatentSet:
    """An analysis set holding `records` read as an import reads them, with its branches, its figures computed."""
    patent_set = PatentSet.objects.create(name=name, kind=SetKind.IMPORTED, **fields)
    made = {}
    for position, (branch, parent, codes, keywords) in enumerate(branches):
        made[branch] = Branch.objects.create(
            patent_set=patent_set,
            parent=made.get(parent),
            name=branch,
            ipc_prefixes=codes,
            keywords=keywords,
            position=position,
        )
    rules = compiled_branches(patent_set)
    SetPatent.objects.bulk_create([imported_row(patent_set, record, rules) for record in records])
    return refresh_figures(patent_set)


def make_valves(**fields) -> PatentSet:
    return make_set("阀门产业专利集", VALVES, BRANCHES, **fields)


def make_industry() -> PatentSet:
    """The industry to compare with: ten patents, five of class F16, three of E03, two of A47."""
    records = [
        _record(f"I{n}", "产业专利", D(2020, 1, 1), "丁公司", "", code, "有效")
        for n, code in enumerate(["F16K11/07"] * 5 + ["E03C1/04"] * 3 + ["A47K3/00"] * 2)
    ]
    return make_set("全国水暖产业集", records)


HEADERS = ["申请号", "发明名称", "申请日", "申请(专利权)人", "发明(设计)人", "IPC分类号", "法律状态", "申请人地址"]


def export_file(rows, name="export.xlsx") -> SimpleUploadedFile:
    """An export as an .xlsx file with the headers CNIPA's search system writes."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile(
        name, buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )


def make_register_patents():
    """The shared register rows (tests/registry/registers.py: the demo enterprise's invention in 水头镇, another
    enterprise's utility model in 溪美街道, lapsed) and two more: a high-value invention filed with a university,
    and a pending one of the university alone."""
    from zhichan.core.models import Region
    from zhichan.registry.models import PatentEvent
    from zhichan.registry.services.entries import create_patent

    from ..registry.registers import SHUITOU, make_registers, patent_number

    registers = make_registers()
    shuitou = Region.objects.get(code=SHUITOU)
    joint, _ = create_patent(
        None,
        patent_number(2020, "1", 500001),
        title="一种石材智能切割设备",
        applicants="南安示例石材有限公司;华侨大学",
        inventors="王石匠;陈教授",
        region=shuitou,
        filing_date=D(2020, 5, 6),
        grant_date=D(2022, 7, 1),
        ipc_codes="B28D1/04;B28D7/00",
        strategic_emerging=True,
        holders=[registers.own],
    )
    PatentEvent.objects.create(patent=joint, date=D(2022, 7, 1), kind="grant", text="授权")
    pending, _ = create_patent(
        None,
        patent_number(2021, "1", 500002),
        title="一种石材纹理识别方法",
        applicants="华侨大学",
        inventors="陈教授",
        region=shuitou,
        filing_date=D(2021, 9, 9),
        ipc_codes="G06T7/00",
    )
    return registers, joint, pending
